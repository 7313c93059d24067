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

    /// <summary>Reads <c>2024-06-30</c>, or a full timestamp (Jira sometimes sends one); anything else is a reported mismatch read as null.</summary>
    public static DateTimeOffset? ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a date string, found {reader.TokenType}.");
        var text = reader.GetString()!;
        if (DateTimeOffset.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || reader.TryGetDateTimeOffset(out date)
            || JiraDateTimeOffsetConverter.TryParse(text, out date))
            return date;
        SchemaReadScope.Mismatch(ref reader, JiraSchemaMismatchKind.UnreadableValue, "date");
        return null;
    }

    /// <summary>Writes the date part as <c>yyyy-MM-dd</c> in the Gregorian calendar.</summary>
    public static void WriteDate(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteStringValue(value.ToString(DateFormat, CultureInfo.InvariantCulture));
}

/// <summary>
/// The converter the generated models put on <c>format: date</c> properties (their <c>DateFormatConverter</c> derives
/// from it): <see cref="DateTimeOffset"/> or, for optional properties, <c>DateTimeOffset?</c> (an unreadable value reads as null).
/// </summary>
internal class JiraDateConverterFactory : System.Text.Json.Serialization.JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(DateTimeOffset) || typeToConvert == typeof(DateTimeOffset?);

    public override System.Text.Json.Serialization.JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(DateTimeOffset) ? new Required() : new Optional();

    private sealed class Required : System.Text.Json.Serialization.JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JiraDates.ReadDate(ref reader) ?? default;

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => JiraDates.WriteDate(writer, value);
    }

    private sealed class Optional : System.Text.Json.Serialization.JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : JiraDates.ReadDate(ref reader);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is { } present) JiraDates.WriteDate(writer, present);
            else writer.WriteNullValue();
        }
    }
}
