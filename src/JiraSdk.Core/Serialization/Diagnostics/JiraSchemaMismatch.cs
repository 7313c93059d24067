namespace JiraSdk.Serialization;

/// <summary>What kind of value a response held that its spec does not describe.</summary>
public enum JiraSchemaMismatchKind
{
    /// <summary>A string outside an enum's known values (kept: the open enum holds it and writes it back).</summary>
    UnknownEnumValue,

    /// <summary>A discriminator value no subtype is mapped to (kept: read as the general subtype with its JSON).</summary>
    UnknownDiscriminator,

    /// <summary>A value of the declared JSON type that does not read as its format, such as a date (read as the default).</summary>
    UnreadableValue,

    /// <summary>One value where the spec declares a list (read as a list of that one value).</summary>
    SingleValueForList,

    /// <summary>
    /// An issue field whose JSON has another shape than its typed accessor reads (e.g. a number for <c>summary</c>): the
    /// accessor gives <c>null</c>, the raw JSON stays in <c>IssueFields.GetField</c>. Reported when the field is read, with
    /// the path relative to the issue (<c>$.fields.…</c>).
    /// </summary>
    UnexpectedFieldShape,
}

/// <summary>
/// One place where a response did not match the spec while the SDK still read it. Carries where and what was expected,
/// never the value itself (which may be personal data).
/// </summary>
public sealed class JiraSchemaMismatch
{
    internal JiraSchemaMismatch(JiraSchemaMismatchKind kind, string jsonPath, string expectedType, string? responseType, string? requestPath)
    {
        Kind = kind;
        JsonPath = jsonPath;
        ExpectedType = expectedType;
        ResponseType = responseType;
        RequestPath = requestPath;
    }

    /// <summary>What did not match.</summary>
    public JiraSchemaMismatchKind Kind { get; }

    /// <summary>Where in the body, e.g. <c>$.issues[3].fields.project.projectTypeKey</c> (the first occurrence).</summary>
    public string JsonPath { get; }

    /// <summary>The type the spec declares there (a model or enum name, or a format such as <c>date-time</c>).</summary>
    public string ExpectedType { get; }

    /// <summary>The model the whole body was read as, when known.</summary>
    public string? ResponseType { get; }

    /// <summary>The path of the request (no query, which may hold personal data), when known.</summary>
    public string? RequestPath { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} at {JsonPath} (expected {ExpectedType}{(ResponseType is null ? "" : " in " + ResponseType)})";
}
