using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSdk.Serialization;

/// <summary>
/// The base of the generated "open" enums: a string value with the values the spec knows as static members
/// (<c>ProjectTypeKey.Software</c>), that also holds any other value Jira sends and writes it back unchanged. Jira
/// adds values over time; a closed C# enum would lose them or fail the whole response.
/// </summary>
/// <typeparam name="T">The generated enum type itself.</typeparam>
/// <remarks>Equality is ordinal on <see cref="Value"/>; <see cref="ToString"/> returns the wire value.</remarks>
public abstract class JiraOpenEnum<T> : IEquatable<T> where T : JiraOpenEnum<T>
{
    /// <summary>Creates a value; the generated types call this from their private constructor.</summary>
    /// <param name="value">The wire value.</param>
    protected JiraOpenEnum(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The value as Jira writes it.</summary>
    public string Value { get; }

    /// <summary>Whether the value is one of those the spec declares.</summary>
    public bool IsKnown => Known.ContainsKey(Value);

    /// <summary>The values the spec declares, in its order.</summary>
    public static IReadOnlyList<T> KnownValues => Registry.InOrder;

    /// <summary>The known instance for <paramref name="value"/>, or a new one holding it.</summary>
    /// <param name="value">A wire value, known or not.</param>
    public static T FromValue(string value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        return Known.TryGetValue(value, out var known) ? known : Registry.Create(value);
    }

    internal static bool TryGetKnown(string value, out T known) => Known.TryGetValue(value, out known!);

    private static Dictionary<string, T> Known => Registry.ByValue;

    /// <inheritdoc />
    public bool Equals(T? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is T other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;

    /// <summary>Ordinal equality of the wire values.</summary>
    public static bool operator ==(JiraOpenEnum<T>? left, JiraOpenEnum<T>? right) =>
        left is null ? right is null : right is not null && string.Equals(left.Value, right.Value, StringComparison.Ordinal);

    /// <summary>Ordinal inequality of the wire values.</summary>
    public static bool operator !=(JiraOpenEnum<T>? left, JiraOpenEnum<T>? right) => !(left == right);

    /// <summary>The known values (public static fields of <typeparamref name="T"/>) and a way to make others, found once per type.</summary>
    private static class Registry
    {
        public static readonly IReadOnlyList<T> InOrder;
        public static readonly Dictionary<string, T> ByValue = new(StringComparer.Ordinal);
        private static readonly ConstructorInfo Constructor;

        static Registry()
        {
            Constructor = typeof(T).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, [typeof(string)], null)
                ?? throw new InvalidOperationException($"{typeof(T).Name} needs a constructor taking the wire value.");
            var values = new List<T>();
            foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.FieldType != typeof(T) || field.GetValue(null) is not T value) continue;
                values.Add(value);
                if (!ByValue.ContainsKey(value.Value)) ByValue[value.Value] = value;
            }
            InOrder = values;
        }

        public static T Create(string value) => (T)Constructor.Invoke([value]);
    }
}

/// <summary>Reads and writes every <see cref="JiraOpenEnum{T}"/> as its wire string; a value the spec does not know is kept and reported.</summary>
internal sealed class JiraOpenEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        for (var type = typeToConvert.BaseType; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(JiraOpenEnum<>)) return true;
        return false;
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : JiraOpenEnum<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString()!;
                if (JiraOpenEnum<T>.TryGetKnown(text, out var known)) return known;
                SchemaReadScope.Mismatch(ref reader, JiraSchemaMismatchKind.UnknownEnumValue, typeof(T).Name);
                return JiraOpenEnum<T>.FromValue(text);
            }
            // A number or boolean where the spec has a string enum: kept as its JSON text.
            SchemaReadScope.Mismatch(ref reader, JiraSchemaMismatchKind.UnknownEnumValue, typeof(T).Name);
            using var value = JsonDocument.ParseValue(ref reader);
            return JiraOpenEnum<T>.FromValue(value.RootElement.GetRawText());
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
