using System.Text.Json.Nodes;

namespace JiraSdk.RichText;

/// <summary>A mark of an ADF node (<c>strong</c>, <c>link</c>, <c>textColor</c>, …): its <c>type</c> and <c>attrs</c>.</summary>
/// <remarks>Each mark of the published schema has a class; an unknown mark type becomes an <see cref="AdfUnknownMark"/>.</remarks>
public abstract class AdfMark
{
    /// <summary>Creates a mark of the given type.</summary>
    /// <param name="type">The mark's <c>type</c>.</param>
    protected AdfMark(string type)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
    }

    /// <summary>The mark's <c>type</c>, e.g. <c>strong</c>.</summary>
    public string Type { get; }

    /// <summary>The mark's <c>attrs</c>, known and unknown; <c>null</c> when absent.</summary>
    public JsonObject? Attributes { get; set; }

    /// <summary>Properties of the mark other than <c>type</c> and <c>attrs</c>, kept as read.</summary>
    public JsonObject? Properties { get; set; }

    /// <summary>Creates the model for a mark type: the typed class when the type is in the schema, else <see cref="AdfUnknownMark"/>.</summary>
    /// <param name="type">The mark's <c>type</c>.</param>
    public static AdfMark Create(string type) => AdfMarkTypes.Create(type) ?? new AdfUnknownMark(type);

    /// <summary>Whether two marks are the same: type, attributes and properties.</summary>
    /// <param name="left">A mark.</param>
    /// <param name="right">Another mark.</param>
    public static bool DeepEquals(AdfMark? left, AdfMark? right)
    {
        if (ReferenceEquals(left, right)) return true;
        if (left is null || right is null) return false;
        return string.Equals(left.Type, right.Type, StringComparison.Ordinal)
            && AdfJsonValues.ObjectsEqual(left.Attributes, right.Attributes)
            && AdfJsonValues.ObjectsEqual(left.Properties, right.Properties);
    }

    internal static bool ListsEqual(IList<AdfMark>? left, IList<AdfMark>? right)
    {
        if (left is null || right is null) return left is null && right is null;
        if (left.Count != right.Count) return false;
        for (var i = 0; i < left.Count; i++)
            if (!DeepEquals(left[i], right[i])) return false;
        return true;
    }

    /// <summary>Reads an attribute as a string.</summary>
    /// <param name="name">The attribute name.</param>
    protected string? GetString(string name) => AdfJsonValues.GetString(Attributes, name);

    /// <summary>Reads an attribute as a number.</summary>
    /// <param name="name">The attribute name.</param>
    protected double? GetNumber(string name) => AdfJsonValues.GetNumber(Attributes, name);

    /// <summary>Reads an attribute as JSON.</summary>
    /// <param name="name">The attribute name.</param>
    protected JsonNode? GetJson(string name) => Attributes is { } attrs && attrs.TryGetPropertyValue(name, out var value) ? value : null;

    /// <summary>Sets an attribute; <c>null</c> removes it.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value.</param>
    protected void SetAttribute(string name, JsonNode? value) => Attributes = AdfJsonValues.Set(Attributes, name, value);

    /// <inheritdoc />
    public override string ToString() => AdfJson.Write(this);
}

/// <summary>A mark whose type this SDK does not know, kept as read and written back unchanged.</summary>
public sealed class AdfUnknownMark : AdfMark
{
    /// <summary>Creates a mark of an unknown type.</summary>
    /// <param name="type">The mark's <c>type</c>.</param>
    public AdfUnknownMark(string type) : base(type) { }
}
