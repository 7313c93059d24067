using System.Text.Json.Nodes;

namespace JiraSdk.RichText;

/// <summary>The ADF <c>blockCard</c> node.</summary>
public sealed class AdfBlockCard : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>blockCard</c>.</summary>
    public const string TypeName = "blockCard";

    /// <summary>Creates an empty <c>blockCard</c> node.</summary>
    public AdfBlockCard() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>url</c> attribute.</summary>
    public string? Url { get => GetString("url"); set => SetAttribute("url", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>datasource</c> attribute.</summary>
    public JsonNode? Datasource { get => GetJson("datasource"); set => SetAttribute("datasource", value); }

    /// <summary>The <c>width</c> attribute.</summary>
    public double? Width { get => GetNumber("width"); set => SetAttribute("width", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>layout</c> attribute. One of: <c>wide</c>, <c>full-width</c>, <c>center</c>, <c>wrap-right</c>, <c>wrap-left</c>, <c>align-end</c>, <c>align-start</c>.</summary>
    public string? Layout { get => GetString("layout"); set => SetAttribute("layout", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>data</c> attribute.</summary>
    public JsonNode? Data { get => GetJson("data"); set => SetAttribute("data", value); }
}

/// <summary>The ADF <c>blockTaskItem</c> node.</summary>
public sealed class AdfBlockTaskItem : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>blockTaskItem</c>.</summary>
    public const string TypeName = "blockTaskItem";

    /// <summary>Creates an empty <c>blockTaskItem</c> node.</summary>
    public AdfBlockTaskItem() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>state</c> attribute. One of: <c>TODO</c>, <c>DONE</c>.</summary>
    public string? State { get => GetString("state"); set => SetAttribute("state", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>blockquote</c> node.</summary>
public sealed class AdfBlockquote : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>blockquote</c>.</summary>
    public const string TypeName = "blockquote";

    /// <summary>Creates an empty <c>blockquote</c> node.</summary>
    public AdfBlockquote() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>bodiedExtension</c> node.</summary>
public sealed class AdfBodiedExtension : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>bodiedExtension</c>.</summary>
    public const string TypeName = "bodiedExtension";

    /// <summary>Creates an empty <c>bodiedExtension</c> node.</summary>
    public AdfBodiedExtension() : base(TypeName) { }

    /// <summary>The <c>extensionKey</c> attribute.</summary>
    public string? ExtensionKey { get => GetString("extensionKey"); set => SetAttribute("extensionKey", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>extensionType</c> attribute.</summary>
    public string? ExtensionType { get => GetString("extensionType"); set => SetAttribute("extensionType", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>parameters</c> attribute.</summary>
    public JsonNode? Parameters { get => GetJson("parameters"); set => SetAttribute("parameters", value); }

    /// <summary>The <c>text</c> attribute.</summary>
    public string? Text { get => GetString("text"); set => SetAttribute("text", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>layout</c> attribute. One of: <c>wide</c>, <c>full-width</c>, <c>default</c>.</summary>
    public string? Layout { get => GetString("layout"); set => SetAttribute("layout", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>bodiedSyncBlock</c> node.</summary>
public sealed class AdfBodiedSyncBlock : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>bodiedSyncBlock</c>.</summary>
    public const string TypeName = "bodiedSyncBlock";

    /// <summary>Creates an empty <c>bodiedSyncBlock</c> node.</summary>
    public AdfBodiedSyncBlock() : base(TypeName) { }

    /// <summary>The <c>resourceId</c> attribute.</summary>
    public string? ResourceId { get => GetString("resourceId"); set => SetAttribute("resourceId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>bulletList</c> node.</summary>
public sealed class AdfBulletList : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>bulletList</c>.</summary>
    public const string TypeName = "bulletList";

    /// <summary>Creates an empty <c>bulletList</c> node.</summary>
    public AdfBulletList() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>caption</c> node.</summary>
public sealed class AdfCaption : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>caption</c>.</summary>
    public const string TypeName = "caption";

    /// <summary>Creates an empty <c>caption</c> node.</summary>
    public AdfCaption() : base(TypeName) { }

    /// <inheritdoc />
    public override bool HasInlineContent => true;

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>codeBlock</c> node.</summary>
public sealed class AdfCodeBlock : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>codeBlock</c>.</summary>
    public const string TypeName = "codeBlock";

    /// <summary>Creates an empty <c>codeBlock</c> node.</summary>
    public AdfCodeBlock() : base(TypeName) { }

    /// <inheritdoc />
    public override bool HasInlineContent => true;

    /// <summary>The <c>language</c> attribute.</summary>
    public string? Language { get => GetString("language"); set => SetAttribute("language", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>uniqueId</c> attribute.</summary>
    public string? UniqueId { get => GetString("uniqueId"); set => SetAttribute("uniqueId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>wrap</c> attribute.</summary>
    public bool? Wrap { get => GetBoolean("wrap"); set => SetAttribute("wrap", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>hideLineNumbers</c> attribute.</summary>
    public bool? HideLineNumbers { get => GetBoolean("hideLineNumbers"); set => SetAttribute("hideLineNumbers", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>date</c> node.</summary>
public sealed class AdfDate : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>date</c>.</summary>
    public const string TypeName = "date";

    /// <summary>Creates an empty <c>date</c> node.</summary>
    public AdfDate() : base(TypeName) { }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The <c>timestamp</c> attribute.</summary>
    public string? Timestamp { get => GetString("timestamp"); set => SetAttribute("timestamp", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>decisionItem</c> node.</summary>
public sealed class AdfDecisionItem : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>decisionItem</c>.</summary>
    public const string TypeName = "decisionItem";

    /// <summary>Creates an empty <c>decisionItem</c> node.</summary>
    public AdfDecisionItem() : base(TypeName) { }

    /// <inheritdoc />
    public override bool HasInlineContent => true;

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>state</c> attribute.</summary>
    public string? State { get => GetString("state"); set => SetAttribute("state", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>decisionList</c> node.</summary>
public sealed class AdfDecisionList : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>decisionList</c>.</summary>
    public const string TypeName = "decisionList";

    /// <summary>Creates an empty <c>decisionList</c> node.</summary>
    public AdfDecisionList() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>embedCard</c> node.</summary>
public sealed class AdfEmbedCard : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>embedCard</c>.</summary>
    public const string TypeName = "embedCard";

    /// <summary>Creates an empty <c>embedCard</c> node.</summary>
    public AdfEmbedCard() : base(TypeName) { }

    /// <summary>The <c>url</c> attribute.</summary>
    public string? Url { get => GetString("url"); set => SetAttribute("url", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>layout</c> attribute. One of: <c>wide</c>, <c>full-width</c>, <c>center</c>, <c>wrap-right</c>, <c>wrap-left</c>, <c>align-end</c>, <c>align-start</c>.</summary>
    public string? Layout { get => GetString("layout"); set => SetAttribute("layout", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>width</c> attribute.</summary>
    public double? Width { get => GetNumber("width"); set => SetAttribute("width", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>originalHeight</c> attribute.</summary>
    public double? OriginalHeight { get => GetNumber("originalHeight"); set => SetAttribute("originalHeight", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>originalWidth</c> attribute.</summary>
    public double? OriginalWidth { get => GetNumber("originalWidth"); set => SetAttribute("originalWidth", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>emoji</c> node.</summary>
public sealed class AdfEmoji : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>emoji</c>.</summary>
    public const string TypeName = "emoji";

    /// <summary>Creates an empty <c>emoji</c> node.</summary>
    public AdfEmoji() : base(TypeName) { }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The <c>shortName</c> attribute.</summary>
    public string? ShortName { get => GetString("shortName"); set => SetAttribute("shortName", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>id</c> attribute.</summary>
    public string? Id { get => GetString("id"); set => SetAttribute("id", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>text</c> attribute.</summary>
    public string? Text { get => GetString("text"); set => SetAttribute("text", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>expand</c> node.</summary>
public sealed class AdfExpand : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>expand</c>.</summary>
    public const string TypeName = "expand";

    /// <summary>Creates an empty <c>expand</c> node.</summary>
    public AdfExpand() : base(TypeName) { }

    /// <summary>The <c>title</c> attribute.</summary>
    public string? Title { get => GetString("title"); set => SetAttribute("title", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>extension</c> node.</summary>
public sealed class AdfExtension : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>extension</c>.</summary>
    public const string TypeName = "extension";

    /// <summary>Creates an empty <c>extension</c> node.</summary>
    public AdfExtension() : base(TypeName) { }

    /// <summary>The <c>extensionKey</c> attribute.</summary>
    public string? ExtensionKey { get => GetString("extensionKey"); set => SetAttribute("extensionKey", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>extensionType</c> attribute.</summary>
    public string? ExtensionType { get => GetString("extensionType"); set => SetAttribute("extensionType", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>parameters</c> attribute.</summary>
    public JsonNode? Parameters { get => GetJson("parameters"); set => SetAttribute("parameters", value); }

    /// <summary>The <c>text</c> attribute.</summary>
    public string? Text { get => GetString("text"); set => SetAttribute("text", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>layout</c> attribute. One of: <c>wide</c>, <c>full-width</c>, <c>default</c>.</summary>
    public string? Layout { get => GetString("layout"); set => SetAttribute("layout", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>hardBreak</c> node.</summary>
public sealed class AdfHardBreak : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>hardBreak</c>.</summary>
    public const string TypeName = "hardBreak";

    /// <summary>Creates an empty <c>hardBreak</c> node.</summary>
    public AdfHardBreak() : base(TypeName) { }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The <c>text</c> attribute. One of: <c>\n</c>.</summary>
    public string? Text { get => GetString("text"); set => SetAttribute("text", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>heading</c> node.</summary>
public sealed class AdfHeading : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>heading</c>.</summary>
    public const string TypeName = "heading";

    /// <summary>Creates an empty <c>heading</c> node.</summary>
    public AdfHeading() : base(TypeName) { }

    /// <inheritdoc />
    public override bool HasInlineContent => true;

    /// <summary>The <c>level</c> attribute.</summary>
    public double? Level { get => GetNumber("level"); set => SetAttribute("level", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>inlineCard</c> node.</summary>
public sealed class AdfInlineCard : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>inlineCard</c>.</summary>
    public const string TypeName = "inlineCard";

    /// <summary>Creates an empty <c>inlineCard</c> node.</summary>
    public AdfInlineCard() : base(TypeName) { }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The <c>url</c> attribute.</summary>
    public string? Url { get => GetString("url"); set => SetAttribute("url", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>data</c> attribute.</summary>
    public JsonNode? Data { get => GetJson("data"); set => SetAttribute("data", value); }
}

/// <summary>The ADF <c>inlineExtension</c> node.</summary>
public sealed class AdfInlineExtension : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>inlineExtension</c>.</summary>
    public const string TypeName = "inlineExtension";

    /// <summary>Creates an empty <c>inlineExtension</c> node.</summary>
    public AdfInlineExtension() : base(TypeName) { }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The <c>extensionKey</c> attribute.</summary>
    public string? ExtensionKey { get => GetString("extensionKey"); set => SetAttribute("extensionKey", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>extensionType</c> attribute.</summary>
    public string? ExtensionType { get => GetString("extensionType"); set => SetAttribute("extensionType", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>parameters</c> attribute.</summary>
    public JsonNode? Parameters { get => GetJson("parameters"); set => SetAttribute("parameters", value); }

    /// <summary>The <c>text</c> attribute.</summary>
    public string? Text { get => GetString("text"); set => SetAttribute("text", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>layoutColumn</c> node.</summary>
public sealed class AdfLayoutColumn : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>layoutColumn</c>.</summary>
    public const string TypeName = "layoutColumn";

    /// <summary>Creates an empty <c>layoutColumn</c> node.</summary>
    public AdfLayoutColumn() : base(TypeName) { }

    /// <summary>The <c>width</c> attribute.</summary>
    public double? Width { get => GetNumber("width"); set => SetAttribute("width", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>valign</c> attribute. One of: <c>top</c>, <c>middle</c>, <c>bottom</c>.</summary>
    public string? Valign { get => GetString("valign"); set => SetAttribute("valign", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>layoutSection</c> node.</summary>
public sealed class AdfLayoutSection : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>layoutSection</c>.</summary>
    public const string TypeName = "layoutSection";

    /// <summary>Creates an empty <c>layoutSection</c> node.</summary>
    public AdfLayoutSection() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>listItem</c> node.</summary>
public sealed class AdfListItem : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>listItem</c>.</summary>
    public const string TypeName = "listItem";

    /// <summary>Creates an empty <c>listItem</c> node.</summary>
    public AdfListItem() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>media</c> node.</summary>
public sealed class AdfMedia : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>media</c>.</summary>
    public const string TypeName = "media";

    /// <summary>Creates an empty <c>media</c> node.</summary>
    public AdfMedia() : base(TypeName) { }

    /// <summary>The <c>type</c> attribute. One of: <c>link</c>, <c>file</c>.</summary>
    public string? MediaType { get => GetString("type"); set => SetAttribute("type", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>id</c> attribute.</summary>
    public string? Id { get => GetString("id"); set => SetAttribute("id", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>alt</c> attribute.</summary>
    public string? Alt { get => GetString("alt"); set => SetAttribute("alt", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>collection</c> attribute.</summary>
    public string? Collection { get => GetString("collection"); set => SetAttribute("collection", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>height</c> attribute.</summary>
    public double? Height { get => GetNumber("height"); set => SetAttribute("height", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>occurrenceKey</c> attribute.</summary>
    public string? OccurrenceKey { get => GetString("occurrenceKey"); set => SetAttribute("occurrenceKey", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>width</c> attribute.</summary>
    public double? Width { get => GetNumber("width"); set => SetAttribute("width", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>url</c> attribute.</summary>
    public string? Url { get => GetString("url"); set => SetAttribute("url", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>mediaGroup</c> node.</summary>
public sealed class AdfMediaGroup : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>mediaGroup</c>.</summary>
    public const string TypeName = "mediaGroup";

    /// <summary>Creates an empty <c>mediaGroup</c> node.</summary>
    public AdfMediaGroup() : base(TypeName) { }
}

/// <summary>The ADF <c>mediaInline</c> node.</summary>
public sealed class AdfMediaInline : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>mediaInline</c>.</summary>
    public const string TypeName = "mediaInline";

    /// <summary>Creates an empty <c>mediaInline</c> node.</summary>
    public AdfMediaInline() : base(TypeName) { }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The <c>type</c> attribute. One of: <c>link</c>, <c>file</c>, <c>image</c>.</summary>
    public string? MediaInlineType { get => GetString("type"); set => SetAttribute("type", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>id</c> attribute.</summary>
    public string? Id { get => GetString("id"); set => SetAttribute("id", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>alt</c> attribute.</summary>
    public string? Alt { get => GetString("alt"); set => SetAttribute("alt", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>collection</c> attribute.</summary>
    public string? Collection { get => GetString("collection"); set => SetAttribute("collection", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>occurrenceKey</c> attribute.</summary>
    public string? OccurrenceKey { get => GetString("occurrenceKey"); set => SetAttribute("occurrenceKey", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>width</c> attribute.</summary>
    public double? Width { get => GetNumber("width"); set => SetAttribute("width", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>height</c> attribute.</summary>
    public double? Height { get => GetNumber("height"); set => SetAttribute("height", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>data</c> attribute.</summary>
    public JsonNode? Data { get => GetJson("data"); set => SetAttribute("data", value); }
}

/// <summary>The ADF <c>mediaSingle</c> node.</summary>
public sealed class AdfMediaSingle : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>mediaSingle</c>.</summary>
    public const string TypeName = "mediaSingle";

    /// <summary>Creates an empty <c>mediaSingle</c> node.</summary>
    public AdfMediaSingle() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>width</c> attribute.</summary>
    public double? Width { get => GetNumber("width"); set => SetAttribute("width", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>layout</c> attribute. One of: <c>wide</c>, <c>full-width</c>, <c>center</c>, <c>wrap-right</c>, <c>wrap-left</c>, <c>align-end</c>, <c>align-start</c>.</summary>
    public string? Layout { get => GetString("layout"); set => SetAttribute("layout", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>widthType</c> attribute. One of: <c>percentage</c>.</summary>
    public string? WidthType { get => GetString("widthType"); set => SetAttribute("widthType", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>mention</c> node.</summary>
public sealed class AdfMention : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>mention</c>.</summary>
    public const string TypeName = "mention";

    /// <summary>Creates an empty <c>mention</c> node.</summary>
    public AdfMention() : base(TypeName) { }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The <c>id</c> attribute.</summary>
    public string? Id { get => GetString("id"); set => SetAttribute("id", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>text</c> attribute.</summary>
    public string? Text { get => GetString("text"); set => SetAttribute("text", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>accessLevel</c> attribute.</summary>
    public string? AccessLevel { get => GetString("accessLevel"); set => SetAttribute("accessLevel", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>userType</c> attribute. One of: <c>DEFAULT</c>, <c>SPECIAL</c>, <c>APP</c>.</summary>
    public string? UserType { get => GetString("userType"); set => SetAttribute("userType", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>nestedExpand</c> node.</summary>
public sealed class AdfNestedExpand : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>nestedExpand</c>.</summary>
    public const string TypeName = "nestedExpand";

    /// <summary>Creates an empty <c>nestedExpand</c> node.</summary>
    public AdfNestedExpand() : base(TypeName) { }

    /// <summary>The <c>title</c> attribute.</summary>
    public string? Title { get => GetString("title"); set => SetAttribute("title", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>orderedList</c> node.</summary>
public sealed class AdfOrderedList : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>orderedList</c>.</summary>
    public const string TypeName = "orderedList";

    /// <summary>Creates an empty <c>orderedList</c> node.</summary>
    public AdfOrderedList() : base(TypeName) { }

    /// <summary>The <c>order</c> attribute.</summary>
    public double? Order { get => GetNumber("order"); set => SetAttribute("order", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>panel</c> node.</summary>
public sealed class AdfPanel : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>panel</c>.</summary>
    public const string TypeName = "panel";

    /// <summary>Creates an empty <c>panel</c> node.</summary>
    public AdfPanel() : base(TypeName) { }

    /// <summary>The <c>panelType</c> attribute. One of: <c>info</c>, <c>note</c>, <c>tip</c>, <c>warning</c>, <c>error</c>, <c>success</c>, <c>custom</c>.</summary>
    public string? PanelType { get => GetString("panelType"); set => SetAttribute("panelType", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>panelIcon</c> attribute.</summary>
    public string? PanelIcon { get => GetString("panelIcon"); set => SetAttribute("panelIcon", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>panelIconId</c> attribute.</summary>
    public string? PanelIconId { get => GetString("panelIconId"); set => SetAttribute("panelIconId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>panelIconText</c> attribute.</summary>
    public string? PanelIconText { get => GetString("panelIconText"); set => SetAttribute("panelIconText", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>panelColor</c> attribute.</summary>
    public string? PanelColor { get => GetString("panelColor"); set => SetAttribute("panelColor", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>paragraph</c> node.</summary>
public sealed class AdfParagraph : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>paragraph</c>.</summary>
    public const string TypeName = "paragraph";

    /// <summary>Creates an empty <c>paragraph</c> node.</summary>
    public AdfParagraph() : base(TypeName) { }

    /// <inheritdoc />
    public override bool HasInlineContent => true;

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>placeholder</c> node.</summary>
public sealed class AdfPlaceholder : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>placeholder</c>.</summary>
    public const string TypeName = "placeholder";

    /// <summary>Creates an empty <c>placeholder</c> node.</summary>
    public AdfPlaceholder() : base(TypeName) { }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The <c>text</c> attribute.</summary>
    public string? Text { get => GetString("text"); set => SetAttribute("text", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>rule</c> node.</summary>
public sealed class AdfRule : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>rule</c>.</summary>
    public const string TypeName = "rule";

    /// <summary>Creates an empty <c>rule</c> node.</summary>
    public AdfRule() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>status</c> node.</summary>
public sealed class AdfStatus : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>status</c>.</summary>
    public const string TypeName = "status";

    /// <summary>Creates an empty <c>status</c> node.</summary>
    public AdfStatus() : base(TypeName) { }

    /// <inheritdoc />
    public override bool IsInline => true;

    /// <summary>The <c>text</c> attribute.</summary>
    public string? Text { get => GetString("text"); set => SetAttribute("text", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>color</c> attribute.</summary>
    public string? Color { get => GetString("color"); set => SetAttribute("color", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>style</c> attribute.</summary>
    public string? Style { get => GetString("style"); set => SetAttribute("style", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>syncBlock</c> node.</summary>
public sealed class AdfSyncBlock : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>syncBlock</c>.</summary>
    public const string TypeName = "syncBlock";

    /// <summary>Creates an empty <c>syncBlock</c> node.</summary>
    public AdfSyncBlock() : base(TypeName) { }

    /// <summary>The <c>resourceId</c> attribute.</summary>
    public string? ResourceId { get => GetString("resourceId"); set => SetAttribute("resourceId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>table</c> node.</summary>
public sealed class AdfTable : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>table</c>.</summary>
    public const string TypeName = "table";

    /// <summary>Creates an empty <c>table</c> node.</summary>
    public AdfTable() : base(TypeName) { }

    /// <summary>The <c>displayMode</c> attribute. One of: <c>default</c>, <c>fixed</c>.</summary>
    public string? DisplayMode { get => GetString("displayMode"); set => SetAttribute("displayMode", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>isNumberColumnEnabled</c> attribute.</summary>
    public bool? IsNumberColumnEnabled { get => GetBoolean("isNumberColumnEnabled"); set => SetAttribute("isNumberColumnEnabled", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>layout</c> attribute. One of: <c>wide</c>, <c>full-width</c>, <c>center</c>, <c>align-end</c>, <c>align-start</c>, <c>default</c>.</summary>
    public string? Layout { get => GetString("layout"); set => SetAttribute("layout", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>width</c> attribute.</summary>
    public double? Width { get => GetNumber("width"); set => SetAttribute("width", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>tableCell</c> node.</summary>
public sealed class AdfTableCell : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>tableCell</c>.</summary>
    public const string TypeName = "tableCell";

    /// <summary>Creates an empty <c>tableCell</c> node.</summary>
    public AdfTableCell() : base(TypeName) { }

    /// <summary>The <c>colspan</c> attribute.</summary>
    public double? Colspan { get => GetNumber("colspan"); set => SetAttribute("colspan", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>rowspan</c> attribute.</summary>
    public double? Rowspan { get => GetNumber("rowspan"); set => SetAttribute("rowspan", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>colwidth</c> attribute.</summary>
    public JsonNode? Colwidth { get => GetJson("colwidth"); set => SetAttribute("colwidth", value); }

    /// <summary>The <c>background</c> attribute.</summary>
    public string? Background { get => GetString("background"); set => SetAttribute("background", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>valign</c> attribute. One of: <c>top</c>, <c>middle</c>, <c>bottom</c>.</summary>
    public string? Valign { get => GetString("valign"); set => SetAttribute("valign", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>tableHeader</c> node.</summary>
public sealed class AdfTableHeader : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>tableHeader</c>.</summary>
    public const string TypeName = "tableHeader";

    /// <summary>Creates an empty <c>tableHeader</c> node.</summary>
    public AdfTableHeader() : base(TypeName) { }

    /// <summary>The <c>colspan</c> attribute.</summary>
    public double? Colspan { get => GetNumber("colspan"); set => SetAttribute("colspan", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>rowspan</c> attribute.</summary>
    public double? Rowspan { get => GetNumber("rowspan"); set => SetAttribute("rowspan", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>colwidth</c> attribute.</summary>
    public JsonNode? Colwidth { get => GetJson("colwidth"); set => SetAttribute("colwidth", value); }

    /// <summary>The <c>background</c> attribute.</summary>
    public string? Background { get => GetString("background"); set => SetAttribute("background", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>valign</c> attribute. One of: <c>top</c>, <c>middle</c>, <c>bottom</c>.</summary>
    public string? Valign { get => GetString("valign"); set => SetAttribute("valign", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>tableRow</c> node.</summary>
public sealed class AdfTableRow : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>tableRow</c>.</summary>
    public const string TypeName = "tableRow";

    /// <summary>Creates an empty <c>tableRow</c> node.</summary>
    public AdfTableRow() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>taskItem</c> node.</summary>
public sealed class AdfTaskItem : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>taskItem</c>.</summary>
    public const string TypeName = "taskItem";

    /// <summary>Creates an empty <c>taskItem</c> node.</summary>
    public AdfTaskItem() : base(TypeName) { }

    /// <inheritdoc />
    public override bool HasInlineContent => true;

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>state</c> attribute. One of: <c>TODO</c>, <c>DONE</c>.</summary>
    public string? State { get => GetString("state"); set => SetAttribute("state", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>taskList</c> node.</summary>
public sealed class AdfTaskList : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>taskList</c>.</summary>
    public const string TypeName = "taskList";

    /// <summary>Creates an empty <c>taskList</c> node.</summary>
    public AdfTaskList() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The node types of the published ADF schema and their classes.</summary>
internal static class AdfNodeTypes
{
    /// <summary>Every node type of the schema this SDK models.</summary>
    public static readonly IReadOnlyList<string> Known = new[] { "blockCard", "blockTaskItem", "blockquote", "bodiedExtension", "bodiedSyncBlock", "bulletList", "caption", "codeBlock", "date", "decisionItem", "decisionList", "doc", "embedCard", "emoji", "expand", "extension", "hardBreak", "heading", "inlineCard", "inlineExtension", "layoutColumn", "layoutSection", "listItem", "media", "mediaGroup", "mediaInline", "mediaSingle", "mention", "nestedExpand", "orderedList", "panel", "paragraph", "placeholder", "rule", "status", "syncBlock", "table", "tableCell", "tableHeader", "tableRow", "taskItem", "taskList", "text" };

    public static AdfNode? Create(string type) => type switch
    {
        "blockCard" => new AdfBlockCard(),
        "blockTaskItem" => new AdfBlockTaskItem(),
        "blockquote" => new AdfBlockquote(),
        "bodiedExtension" => new AdfBodiedExtension(),
        "bodiedSyncBlock" => new AdfBodiedSyncBlock(),
        "bulletList" => new AdfBulletList(),
        "caption" => new AdfCaption(),
        "codeBlock" => new AdfCodeBlock(),
        "date" => new AdfDate(),
        "decisionItem" => new AdfDecisionItem(),
        "decisionList" => new AdfDecisionList(),
        "doc" => new AdfDocument(),
        "embedCard" => new AdfEmbedCard(),
        "emoji" => new AdfEmoji(),
        "expand" => new AdfExpand(),
        "extension" => new AdfExtension(),
        "hardBreak" => new AdfHardBreak(),
        "heading" => new AdfHeading(),
        "inlineCard" => new AdfInlineCard(),
        "inlineExtension" => new AdfInlineExtension(),
        "layoutColumn" => new AdfLayoutColumn(),
        "layoutSection" => new AdfLayoutSection(),
        "listItem" => new AdfListItem(),
        "media" => new AdfMedia(),
        "mediaGroup" => new AdfMediaGroup(),
        "mediaInline" => new AdfMediaInline(),
        "mediaSingle" => new AdfMediaSingle(),
        "mention" => new AdfMention(),
        "nestedExpand" => new AdfNestedExpand(),
        "orderedList" => new AdfOrderedList(),
        "panel" => new AdfPanel(),
        "paragraph" => new AdfParagraph(),
        "placeholder" => new AdfPlaceholder(),
        "rule" => new AdfRule(),
        "status" => new AdfStatus(),
        "syncBlock" => new AdfSyncBlock(),
        "table" => new AdfTable(),
        "tableCell" => new AdfTableCell(),
        "tableHeader" => new AdfTableHeader(),
        "tableRow" => new AdfTableRow(),
        "taskItem" => new AdfTaskItem(),
        "taskList" => new AdfTaskList(),
        "text" => new AdfText(),
        _ => null,
    };
}
