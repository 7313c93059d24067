using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace JiraSdk.Serialization;

/// <summary>
/// Reads a free-form JSON object (the generated models' <c>IDictionary&lt;string, object&gt;</c> properties such as
/// <c>IssueBean.RenderedFields</c>; <c>IssueBean.Fields</c> is <c>IssueFields</c>, read by its own converter) by keeping its
/// JSON (<see cref="Utf8JsonObject"/>) and handing out its values as <see cref="JsonElement"/>s parsed when looked up
/// (<see cref="JsonObjectDictionary"/>, which builds the whole dictionary only when it is wanted). System.Text.Json's own handling of
/// <c>object</c> values parses each value into a document of its own, which for an issue's few dozen fields costs more
/// than the rest of the issue.
/// Values read exactly as before (a <see cref="JsonElement"/>, or <c>null</c> for JSON null); writing is unchanged.
/// </summary>
internal sealed class FreeFormObjectConverter : JsonConverter<IDictionary<string, object>>
{
    public static readonly FreeFormObjectConverter Instance = new();

    /// <summary>Puts the converter on every free-form object property except extension data, which System.Text.Json fills itself.</summary>
    public static void Apply(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
            if (property.PropertyType == typeof(IDictionary<string, object>) && !property.IsExtensionData && property.CustomConverter is null)
                property.CustomConverter = Instance;
    }

    public override IDictionary<string, object>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The object's bytes and an index; the dictionary over it is built only when the whole of it is wanted.
        return new JsonObjectDictionary(Utf8JsonObject.Read(ref reader));
    }

    public override void Write(Utf8JsonWriter writer, IDictionary<string, object> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(options.DictionaryKeyPolicy?.ConvertName(pair.Key) ?? pair.Key);
            if (pair.Value is null) writer.WriteNullValue();
            else JsonSerializer.Serialize(writer, pair.Value, pair.Value.GetType(), options);
        }
        writer.WriteEndObject();
    }
}
