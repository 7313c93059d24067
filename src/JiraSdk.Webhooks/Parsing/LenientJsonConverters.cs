using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSdk.Webhooks.Parsing;

/// <summary>
/// Reads a string property from whatever scalar Jira sent: deliveries carry ids as numbers where the REST models say string
/// (<c>changelog.id</c>, attachment ids), and a number must not fail a whole delivery.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a string, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // A converter for string is also asked for dictionary keys (issue fields are a dictionary).
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}

/// <summary>Reads a boolean from <c>true</c>/<c>false</c> or their string forms (Jira's own example sends <c>"active": "true"</c>).</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.String when bool.TryParse(reader.GetString(), out var parsed): return parsed;
            case JsonTokenType.Number when reader.TryGetInt64(out var number): return number != 0;
            default: throw new JsonException($"Expected a boolean, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>
/// Reads enums with Jira's wire values and turns a value this SDK does not know into the default instead of failing the
/// delivery; the JSON itself stays in <see cref="Events.JiraWebhookEvent.Raw"/>.
/// </summary>
internal sealed class LenientEnumConverterFactory : JsonConverterFactory
{
    private readonly JsonConverterFactory _inner;

    public LenientEnumConverterFactory(JsonConverterFactory inner) => _inner = inner;

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(LenientEnumConverter<>).MakeGenericType(typeToConvert),
            _inner.CreateConverter(typeToConvert, options))!;

    private sealed class LenientEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private readonly JsonConverter<T> _inner;

        public LenientEnumConverter(JsonConverter inner) => _inner = (JsonConverter<T>)inner;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                return default;
            }
            try
            {
                return _inner.Read(ref reader, typeToConvert, options);
            }
            catch (JsonException)
            {
                return default;
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.Write(writer, value, options);
    }
}

/// <summary>The serializer settings webhook deliveries are read with.</summary>
internal static class WebhookJson
{
    /// <summary>Serializer settings for webhook deliveries: Jira's conventions plus tolerance for the types deliveries really carry.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            PropertyNameCaseInsensitive = false,
        };
        options.Converters.Add(new LenientStringConverter());
        options.Converters.Add(new LenientBooleanConverter());
        options.Converters.Add(new LenientEnumConverterFactory(new JiraSdk.Serialization.JiraEnumConverterFactory()));
        JiraSdk.Serialization.JiraJson.Configure(options);
        return options;
    }
}
