using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSdk.Serialization;

/// <summary>
/// Reads and writes Jira's timestamps. Jira writes offsets without a colon (<c>2024-01-31T09:15:00.000+0100</c>), which
/// System.Text.Json's ISO 8601 reader rejects, and expects the same form back (worklog <c>started</c>, for example).
/// </summary>
public sealed class JiraDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    internal static readonly JiraDateTimeOffsetConverter Instance = new();

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz00",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd",
    ];

    /// <inheritdoc />
    /// <remarks>
    /// A string that is not a timestamp (or a number out of range) reads as the default value (null for an optional
    /// property) and is reported through <see cref="JiraSchemaDiagnostics"/>; in its strict mode it fails with the JSON
    /// path. A token of another JSON type is an error.
    /// </remarks>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadTolerantly(ref reader) ?? default;

    /// <summary>The timestamp, or null (reported) when the token holds none.</summary>
    internal static DateTimeOffset? ReadTolerantly(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var milliseconds) && milliseconds >= MinUnixMilliseconds && milliseconds <= MaxUnixMilliseconds)
                return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var iso)) return iso;
            if (TryParse(reader.GetString()!, out var value)) return value;
        }
        else
        {
            throw new JsonException($"Expected a date-time string, found {reader.TokenType}.");
        }
        SchemaReadScope.Mismatch(ref reader, JiraSchemaMismatchKind.UnreadableValue, "date-time");
        return null;
    }

    private const long MinUnixMilliseconds = -62135596800000;
    private const long MaxUnixMilliseconds = 253402300799999;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var absolute = offset.Duration();
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
            + sign + absolute.Hours.ToString("00", CultureInfo.InvariantCulture) + absolute.Minutes.ToString("00", CultureInfo.InvariantCulture));
    }

    /// <summary>Reads a JSON string holding a timestamp the way <see cref="Read"/> does, without throwing.</summary>
    internal static bool TryRead(JsonElement json, out DateTimeOffset value)
    {
        value = default;
        return json.ValueKind == JsonValueKind.String && (json.TryGetDateTimeOffset(out value) || TryParse(json.GetString()!, out value));
    }

    internal static bool TryParse(string text, out DateTimeOffset value)
    {
        // RFC 3339 allows a lower-case 't' and 'z' and any number of fraction digits; the formats below spell them in
        // upper case and read at most 7 digits (a tick), so the rest is dropped.
        text = text.ToUpperInvariant();
        var dot = text.IndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsDigit(text[end])) end++;
            if (end - dot - 1 > 7) text = text.Substring(0, dot + 8) + text.Substring(end);
        }
        // "+0100": insert the colon the invariant parser wants; "zz00" above cannot express a non-zero minute offset.
        if (text.Length > 5 && (text[text.Length - 5] == '+' || text[text.Length - 5] == '-') && char.IsDigit(text[text.Length - 1]))
            text = text.Substring(0, text.Length - 2) + ":" + text.Substring(text.Length - 2);
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}

/// <summary>Optional timestamps: like <see cref="JiraDateTimeOffsetConverter"/>, but an unreadable value reads as null rather than the default.</summary>
internal sealed class NullableJiraDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : JiraDateTimeOffsetConverter.ReadTolerantly(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } present) JiraDateTimeOffsetConverter.Instance.Write(writer, present, options);
        else writer.WriteNullValue();
    }
}
