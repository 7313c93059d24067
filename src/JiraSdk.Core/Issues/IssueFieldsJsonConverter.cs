using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using JiraSdk.Serialization;

namespace JiraSdk.Issues;

/// <summary>
/// Reads an issue's <c>fields</c> object into <see cref="IssueFields"/> by keeping its JSON (<see cref="Utf8JsonObject"/>:
/// one copy of its bytes and an index of its fields; a value is parsed when it is looked up), and writes it back as it was
/// while nothing changed, or entry by entry: a <see cref="JsonElement"/> byte for byte, JSON <c>null</c> as <c>null</c>, a
/// value set by hand through the serializer. When the generated clients read a response with diagnostics attached, the fields
/// remember where to report shapes their accessors cannot read.
/// </summary>
internal sealed class IssueFieldsJsonConverter : JsonConverter<IssueFields>
{
    public override IssueFields? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // Tolerant like every other value: the issue still reads, without fields, and the place is reported.
            SchemaReadScope.Mismatch(ref reader, JiraSchemaMismatchKind.UnreadableValue, "an object of issue fields");
            reader.Skip();
            return null;
        }
        var fields = new IssueFields(Utf8JsonObject.Read(ref reader));
        if (SchemaReadScope.Current is { } scope) fields.Report = new FieldShapeReport(scope.Diagnostics, scope.ResponseType, scope.RequestPath);
        return fields;
    }

#if NET8_0_OR_GREATER
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Values read from Jira are JsonElements; only values set by hand are serialized by their runtime type.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above.")]
#endif
    public override void Write(Utf8JsonWriter writer, IssueFields value, JsonSerializerOptions options)
    {
        if (value.TryGetUnchangedJson(out var json))
        {
            writer.WriteRawValue(json!.Utf8, skipInputValidation: true);
            return;
        }
        writer.WriteStartObject();
        foreach (var pair in value.RawValues)
        {
            writer.WritePropertyName(pair.Key);
            switch (pair.Value)
            {
                case null: writer.WriteNullValue(); break;
                case JsonElement element: element.WriteTo(writer); break;
                default: JsonSerializer.Serialize(writer, pair.Value, pair.Value.GetType(), options); break;
            }
        }
        writer.WriteEndObject();
    }
}
