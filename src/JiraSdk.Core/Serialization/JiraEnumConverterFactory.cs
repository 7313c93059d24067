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
/// <remarks>
/// For the hand-written C# enums; the generated models use open enums (<see cref="JiraOpenEnum{T}"/>), which keep
/// unknown values. Here an unknown value in an optional (nullable) property reads as <c>null</c> and is reported through
/// <see cref="JiraSchemaDiagnostics"/>, so a response from a newer Jira still deserializes; in a required property it
/// raises a <see cref="JsonException"/> that names the value and, through the serializer, the JSON path.
/// </remarks>
public sealed class JiraEnumConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum || Nullable.GetUnderlyingType(typeToConvert)?.IsEnum == true;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Nullable.GetUnderlyingType(typeToConvert) is { } underlying
            ? (JsonConverter)Activator.CreateInstance(typeof(OptionalEnumConverter<>).MakeGenericType(underlying))!
            : (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class OptionalEnumConverter<T> : JsonConverter<T?> where T : struct, Enum
    {
        private readonly EnumConverter<T> _values = new();

        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (_values.TryRead(ref reader, out var value)) return value;
            SchemaReadScope.Mismatch(ref reader, JiraSchemaMismatchKind.UnknownEnumValue, typeof(T).Name);
            return null;
        }

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is { } present) _values.Write(writer, present, options);
            else writer.WriteNullValue();
        }
    }

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
            if (TryRead(ref reader, out var value)) return value;
            throw new JsonException($"'{reader.GetString()}' is not a known {typeof(T).Name} value.");
        }

        /// <summary>False for a string that names no member; a token that is neither string nor number is an error.</summary>
        public bool TryRead(ref Utf8JsonReader reader, out T value)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
            {
                value = (T)Enum.ToObject(typeof(T), number);
                return true;
            }
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
            var text = reader.GetString()!;
            return _byWireValue.TryGetValue(text, out value) || _byWireValueIgnoringCase.TryGetValue(text, out value);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(_wireValues.TryGetValue(value, out var wire) ? wire : value.ToString());
    }
}
