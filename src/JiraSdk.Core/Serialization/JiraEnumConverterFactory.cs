using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSdk.Serialization;

/// <summary>
/// Reads and writes enums by their wire value: the <see cref="EnumMemberAttribute"/> value the generated models carry
/// (<c>jira:issue_created</c>), else the member name. System.Text.Json's own string enum converter ignores
/// <see cref="EnumMemberAttribute"/>, and enums inside collections would otherwise be written as numbers.
/// </summary>
public sealed class JiraEnumConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class EnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private readonly Dictionary<string, T> _byWireValue = new(StringComparer.Ordinal);
        private readonly Dictionary<string, T> _byWireValueIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<T, string> _wireValues = new();

        public EnumConverter()
        {
            foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var value = (T)field.GetValue(null)!;
                var wire = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
                _byWireValue[wire] = value;
                if (!_byWireValueIgnoringCase.ContainsKey(wire)) _byWireValueIgnoringCase[wire] = value;
                if (!_wireValues.ContainsKey(value)) _wireValues[value] = wire;
            }
        }

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
                return (T)Enum.ToObject(typeof(T), number);
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
            var text = reader.GetString()!;
            if (_byWireValue.TryGetValue(text, out var value) || _byWireValueIgnoringCase.TryGetValue(text, out value))
                return value;
            throw new JsonException($"'{text}' is not a known {typeof(T).Name} value.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(_wireValues.TryGetValue(value, out var wire) ? wire : value.ToString());
    }
}
