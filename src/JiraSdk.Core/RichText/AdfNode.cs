using System.Text.Json.Nodes;

namespace JiraSdk.RichText;

/// <summary>
/// A node of an Atlassian Document Format (ADF) document: its <c>type</c>, <c>attrs</c>, <c>content</c> and <c>marks</c>.
/// </summary>
/// <remarks>
/// Every node and mark of the published ADF schema (<c>@atlaskit/adf-schema</c>, <c>json-schema/v1/full.json</c>) has a
/// class (<see cref="AdfParagraph"/>, <see cref="AdfMention"/>, …) whose typed properties read and write
/// <see cref="Attributes"/>; a node type this SDK does not know becomes an <see cref="AdfUnknownNode"/>. Attributes the
/// classes do not name, and properties other than <c>type</c>, <c>attrs</c>, <c>content</c> and <c>marks</c>, are kept as
/// JSON, so a document read and written back is the same document.
/// </remarks>
public abstract class AdfNode
{
    /// <summary>Creates a node of the given type.</summary>
    /// <param name="type">The node's <c>type</c>, e.g. <c>paragraph</c>.</param>
    protected AdfNode(string type)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
    }

    /// <summary>The node's <c>type</c>, e.g. <c>paragraph</c>.</summary>
    public string Type { get; }

    /// <summary>The node's <c>attrs</c> object, known and unknown attributes alike; <c>null</c> when the node has none.</summary>
    public JsonObject? Attributes { get; set; }

    /// <summary>The child nodes (<c>content</c>); <c>null</c> when the JSON has no <c>content</c> (which differs from an empty array).</summary>
    public IList<AdfNode>? Content { get; set; }

    /// <summary>The node's <c>marks</c>; <c>null</c> when the JSON has none.</summary>
    public IList<AdfMark>? Marks { get; set; }

    /// <summary>
    /// Properties of the node other than <c>type</c>, <c>attrs</c>, <c>content</c> and <c>marks</c> (a text node's
    /// <c>text</c>, a document's <c>version</c>, and whatever a newer Jira adds), in the order read.
    /// </summary>
    public JsonObject? Properties { get; set; }

    /// <summary>Whether this node's children are inline nodes (text, mentions, …) rather than blocks.</summary>
    public virtual bool HasInlineContent => false;

    /// <summary>Whether this node is an inline node (it sits in a paragraph, heading, …).</summary>
    public virtual bool IsInline => false;

    /// <summary>Adds a child node, creating <see cref="Content"/> when absent.</summary>
    /// <param name="child">The child.</param>
    /// <returns>This node.</returns>
    public AdfNode Add(AdfNode child)
    {
        if (child is null) throw new ArgumentNullException(nameof(child));
        (Content ??= new List<AdfNode>()).Add(child);
        return this;
    }

    /// <summary>Adds a mark, creating <see cref="Marks"/> when absent.</summary>
    /// <param name="mark">The mark.</param>
    /// <returns>This node.</returns>
    public AdfNode AddMark(AdfMark mark)
    {
        if (mark is null) throw new ArgumentNullException(nameof(mark));
        (Marks ??= new List<AdfMark>()).Add(mark);
        return this;
    }

    /// <summary>Creates the model for a node type: the typed class when the type is in the schema, else <see cref="AdfUnknownNode"/>.</summary>
    /// <param name="type">The node's <c>type</c>.</param>
    public static AdfNode Create(string type) => AdfNodeTypes.Create(type) ?? new AdfUnknownNode(type);

    /// <summary>Whether two nodes are the same ADF: same type, attributes, properties, marks and children, in order.</summary>
    /// <param name="left">A node.</param>
    /// <param name="right">Another node.</param>
    public static bool DeepEquals(AdfNode? left, AdfNode? right)
    {
        if (ReferenceEquals(left, right)) return true;
        if (left is null || right is null) return false;
        if (!string.Equals(left.Type, right.Type, StringComparison.Ordinal)) return false;
        if (!AdfJsonValues.ObjectsEqual(left.Attributes, right.Attributes) || !AdfJsonValues.ObjectsEqual(left.Properties, right.Properties)) return false;
        if (!AdfMark.ListsEqual(left.Marks, right.Marks)) return false;
        if (left.Content is null || right.Content is null) return left.Content is null && right.Content is null;
        if (left.Content.Count != right.Content.Count) return false;
        for (var i = 0; i < left.Content.Count; i++)
            if (!DeepEquals(left.Content[i], right.Content[i])) return false;
        return true;
    }

    /// <summary>Reads an attribute as a string; <c>null</c> when absent or not a string.</summary>
    /// <param name="name">The attribute name.</param>
    protected string? GetString(string name) => AdfJsonValues.GetString(Attributes, name);

    /// <summary>Reads an attribute as a number; <c>null</c> when absent or not a number.</summary>
    /// <param name="name">The attribute name.</param>
    protected double? GetNumber(string name) => AdfJsonValues.GetNumber(Attributes, name);

    /// <summary>Reads an attribute as a Boolean; <c>null</c> when absent or not a Boolean.</summary>
    /// <param name="name">The attribute name.</param>
    protected bool? GetBoolean(string name) => AdfJsonValues.GetBoolean(Attributes, name);

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

/// <summary>A node whose type this SDK does not know (a newer Jira's), kept as read and written back unchanged.</summary>
public sealed class AdfUnknownNode : AdfNode
{
    /// <summary>Creates a node of an unknown type.</summary>
    /// <param name="type">The node's <c>type</c>.</param>
    public AdfUnknownNode(string type) : base(type) { }
}
