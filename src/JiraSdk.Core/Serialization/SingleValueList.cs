using System.Text.Json;

namespace JiraSdk.Serialization;

/// <summary>
/// Reads a response body declared as a list (<c>ICollection&lt;T&gt;</c>) that holds one object instead of an array
/// as a list of that object, reported as a mismatch. Atlassian's specs declare some responses as one object where Jira
/// (and the spec's own example) sends an array; the patches in specs/patches fix the declaration, and this keeps the
/// client reading the other shape too. Only the body's root is read this way, so error paths stay exact everywhere.
/// </summary>
internal static class SingleValueList
{
    public static T? Deserialize<T>(ReadOnlySpan<byte> json, JsonSerializerOptions options)
    {
        if (ItemType(typeof(T)) is { } itemType)
        {
            var reader = new Utf8JsonReader(json);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                SchemaReadScope.Mismatch(ref reader, JiraSchemaMismatchKind.SingleValueForList, "array of " + itemType.Name);
                var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
                list.Add(JsonSerializer.Deserialize(json, itemType, options));
                return (T)list;
            }
        }
        return JsonSerializer.Deserialize<T>(json, options);
    }

    private static Type? ItemType(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ICollection<>) || type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                               || type.GetGenericTypeDefinition() == typeof(IList<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            ? type.GetGenericArguments()[0]
            : null;
}
