using System.Globalization;
using System.Text.Json;

namespace JiraSdk.Serialization;

/// <summary>
/// Date-only values (<c>format: date</c>, e.g. a version's <c>releaseDate</c>): always the ISO calendar and invariant
/// digits, whatever the current culture (th-TH would write Buddhist years, ar-SA fail to parse). The generated models'
/// <c>DateFormatConverter</c> calls these.
/// </summary>
internal static class JiraDates
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reads <c>2024-06-30</c>, or a full timestamp (Jira sometimes sends one); anything else is a reported mismatch read as the default.</summary>
    public static DateTimeOffset ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a date string, found {reader.TokenType}.");
        var text = reader.GetString()!;
        if (DateTimeOffset.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || reader.TryGetDateTimeOffset(out date)
            || JiraDateTimeOffsetConverter.TryParse(text, out date))
            return date;
        SchemaReadScope.Mismatch(ref reader, JiraSchemaMismatchKind.UnreadableValue, "date");
        return default;
    }

    /// <summary>Writes the date part as <c>yyyy-MM-dd</c> in the Gregorian calendar.</summary>
    public static void WriteDate(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteStringValue(value.ToString(DateFormat, CultureInfo.InvariantCulture));
}
