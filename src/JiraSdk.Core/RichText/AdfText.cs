using System.Text.Json.Nodes;

namespace JiraSdk.RichText;

/// <summary>The ADF <c>text</c> node: a run of characters with the same marks.</summary>
public sealed class AdfText : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>text</c>.</summary>
    public const string TypeName = "text";

    /// <summary>Creates a text node with no text (set <see cref="Text"/> before writing: the schema requires at least one character).</summary>
    public AdfText() : base(TypeName) { }

    /// <summary>Creates a text node.</summary>
    /// <param name="text">The text (at least one character, per the schema).</param>
    /// <param name="marks">Its marks, outermost first.</param>
    public AdfText(string text, params AdfMark[] marks) : base(TypeName)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        if (marks is { Length: > 0 }) Marks = new List<AdfMark>(marks);
    }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The text (the node's <c>text</c> property); empty when absent.</summary>
    public string Text
    {
        get => AdfJsonValues.GetString(Properties, "text") ?? string.Empty;
        set => Properties = AdfJsonValues.Set(Properties, "text", JsonValue.Create(value ?? throw new ArgumentNullException(nameof(value))));
    }
}
