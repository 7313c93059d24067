using System.Text.Json.Nodes;

namespace JiraSdk.RichText;

/// <summary>The ADF <c>alignment</c> mark.</summary>
public sealed class AdfAlignmentMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>alignment</c>.</summary>
    public const string TypeName = "alignment";

    /// <summary>Creates an empty <c>alignment</c> mark.</summary>
    public AdfAlignmentMark() : base(TypeName) { }

    /// <summary>The <c>align</c> attribute. One of: <c>center</c>, <c>end</c>.</summary>
    public string? Align { get => GetString("align"); set => SetAttribute("align", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>annotation</c> mark.</summary>
public sealed class AdfAnnotationMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>annotation</c>.</summary>
    public const string TypeName = "annotation";

    /// <summary>Creates an empty <c>annotation</c> mark.</summary>
    public AdfAnnotationMark() : base(TypeName) { }

    /// <summary>The <c>id</c> attribute.</summary>
    public string? Id { get => GetString("id"); set => SetAttribute("id", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>annotationType</c> attribute. One of: <c>inlineComment</c>.</summary>
    public string? AnnotationType { get => GetString("annotationType"); set => SetAttribute("annotationType", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>backgroundColor</c> mark.</summary>
public sealed class AdfBackgroundColorMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>backgroundColor</c>.</summary>
    public const string TypeName = "backgroundColor";

    /// <summary>Creates an empty <c>backgroundColor</c> mark.</summary>
    public AdfBackgroundColorMark() : base(TypeName) { }

    /// <summary>The <c>color</c> attribute.</summary>
    public string? Color { get => GetString("color"); set => SetAttribute("color", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>border</c> mark.</summary>
public sealed class AdfBorderMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>border</c>.</summary>
    public const string TypeName = "border";

    /// <summary>Creates an empty <c>border</c> mark.</summary>
    public AdfBorderMark() : base(TypeName) { }

    /// <summary>The <c>size</c> attribute.</summary>
    public double? Size { get => GetNumber("size"); set => SetAttribute("size", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>color</c> attribute.</summary>
    public string? Color { get => GetString("color"); set => SetAttribute("color", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>breakout</c> mark.</summary>
public sealed class AdfBreakoutMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>breakout</c>.</summary>
    public const string TypeName = "breakout";

    /// <summary>Creates an empty <c>breakout</c> mark.</summary>
    public AdfBreakoutMark() : base(TypeName) { }

    /// <summary>The <c>mode</c> attribute. One of: <c>wide</c>, <c>full-width</c>.</summary>
    public string? Mode { get => GetString("mode"); set => SetAttribute("mode", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>width</c> attribute.</summary>
    public double? Width { get => GetNumber("width"); set => SetAttribute("width", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>code</c> mark.</summary>
public sealed class AdfCodeMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>code</c>.</summary>
    public const string TypeName = "code";

    /// <summary>Creates an empty <c>code</c> mark.</summary>
    public AdfCodeMark() : base(TypeName) { }
}

/// <summary>The ADF <c>dataConsumer</c> mark.</summary>
public sealed class AdfDataConsumerMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>dataConsumer</c>.</summary>
    public const string TypeName = "dataConsumer";

    /// <summary>Creates an empty <c>dataConsumer</c> mark.</summary>
    public AdfDataConsumerMark() : base(TypeName) { }

    /// <summary>The <c>sources</c> attribute.</summary>
    public JsonNode? Sources { get => GetJson("sources"); set => SetAttribute("sources", value); }
}

/// <summary>The ADF <c>em</c> mark.</summary>
public sealed class AdfEmMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>em</c>.</summary>
    public const string TypeName = "em";

    /// <summary>Creates an empty <c>em</c> mark.</summary>
    public AdfEmMark() : base(TypeName) { }
}

/// <summary>The ADF <c>fontSize</c> mark.</summary>
public sealed class AdfFontSizeMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>fontSize</c>.</summary>
    public const string TypeName = "fontSize";

    /// <summary>Creates an empty <c>fontSize</c> mark.</summary>
    public AdfFontSizeMark() : base(TypeName) { }

    /// <summary>The <c>fontSize</c> attribute. One of: <c>small</c>.</summary>
    public string? FontSize { get => GetString("fontSize"); set => SetAttribute("fontSize", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>fragment</c> mark.</summary>
public sealed class AdfFragmentMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>fragment</c>.</summary>
    public const string TypeName = "fragment";

    /// <summary>Creates an empty <c>fragment</c> mark.</summary>
    public AdfFragmentMark() : base(TypeName) { }

    /// <summary>The <c>localId</c> attribute.</summary>
    public string? LocalId { get => GetString("localId"); set => SetAttribute("localId", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>name</c> attribute.</summary>
    public string? Name { get => GetString("name"); set => SetAttribute("name", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>indentation</c> mark.</summary>
public sealed class AdfIndentationMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>indentation</c>.</summary>
    public const string TypeName = "indentation";

    /// <summary>Creates an empty <c>indentation</c> mark.</summary>
    public AdfIndentationMark() : base(TypeName) { }

    /// <summary>The <c>level</c> attribute.</summary>
    public double? Level { get => GetNumber("level"); set => SetAttribute("level", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>link</c> mark.</summary>
public sealed class AdfLinkMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>link</c>.</summary>
    public const string TypeName = "link";

    /// <summary>Creates an empty <c>link</c> mark.</summary>
    public AdfLinkMark() : base(TypeName) { }

    /// <summary>The <c>href</c> attribute.</summary>
    public string? Href { get => GetString("href"); set => SetAttribute("href", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>title</c> attribute.</summary>
    public string? Title { get => GetString("title"); set => SetAttribute("title", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>id</c> attribute.</summary>
    public string? Id { get => GetString("id"); set => SetAttribute("id", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>collection</c> attribute.</summary>
    public string? Collection { get => GetString("collection"); set => SetAttribute("collection", value is null ? null : JsonValue.Create(value)); }

    /// <summary>The <c>occurrenceKey</c> attribute.</summary>
    public string? OccurrenceKey { get => GetString("occurrenceKey"); set => SetAttribute("occurrenceKey", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>strike</c> mark.</summary>
public sealed class AdfStrikeMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>strike</c>.</summary>
    public const string TypeName = "strike";

    /// <summary>Creates an empty <c>strike</c> mark.</summary>
    public AdfStrikeMark() : base(TypeName) { }
}

/// <summary>The ADF <c>strong</c> mark.</summary>
public sealed class AdfStrongMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>strong</c>.</summary>
    public const string TypeName = "strong";

    /// <summary>Creates an empty <c>strong</c> mark.</summary>
    public AdfStrongMark() : base(TypeName) { }
}

/// <summary>The ADF <c>subsup</c> mark.</summary>
public sealed class AdfSubsupMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>subsup</c>.</summary>
    public const string TypeName = "subsup";

    /// <summary>Creates an empty <c>subsup</c> mark.</summary>
    public AdfSubsupMark() : base(TypeName) { }

    /// <summary>The <c>type</c> attribute. One of: <c>sub</c>, <c>sup</c>.</summary>
    public string? SubsupType { get => GetString("type"); set => SetAttribute("type", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>textColor</c> mark.</summary>
public sealed class AdfTextColorMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>textColor</c>.</summary>
    public const string TypeName = "textColor";

    /// <summary>Creates an empty <c>textColor</c> mark.</summary>
    public AdfTextColorMark() : base(TypeName) { }

    /// <summary>The <c>color</c> attribute.</summary>
    public string? Color { get => GetString("color"); set => SetAttribute("color", value is null ? null : JsonValue.Create(value)); }
}

/// <summary>The ADF <c>underline</c> mark.</summary>
public sealed class AdfUnderlineMark : AdfMark
{
    /// <summary>The <c>type</c> of this mark: <c>underline</c>.</summary>
    public const string TypeName = "underline";

    /// <summary>Creates an empty <c>underline</c> mark.</summary>
    public AdfUnderlineMark() : base(TypeName) { }
}

/// <summary>The mark types of the published ADF schema and their classes.</summary>
internal static class AdfMarkTypes
{
    /// <summary>Every mark type of the schema this SDK models.</summary>
    public static readonly IReadOnlyList<string> Known = new[] { "alignment", "annotation", "backgroundColor", "border", "breakout", "code", "dataConsumer", "em", "fontSize", "fragment", "indentation", "link", "strike", "strong", "subsup", "textColor", "underline" };

    public static AdfMark? Create(string type) => type switch
    {
        "alignment" => new AdfAlignmentMark(),
        "annotation" => new AdfAnnotationMark(),
        "backgroundColor" => new AdfBackgroundColorMark(),
        "border" => new AdfBorderMark(),
        "breakout" => new AdfBreakoutMark(),
        "code" => new AdfCodeMark(),
        "dataConsumer" => new AdfDataConsumerMark(),
        "em" => new AdfEmMark(),
        "fontSize" => new AdfFontSizeMark(),
        "fragment" => new AdfFragmentMark(),
        "indentation" => new AdfIndentationMark(),
        "link" => new AdfLinkMark(),
        "strike" => new AdfStrikeMark(),
        "strong" => new AdfStrongMark(),
        "subsup" => new AdfSubsupMark(),
        "textColor" => new AdfTextColorMark(),
        "underline" => new AdfUnderlineMark(),
        _ => null,
    };
}
