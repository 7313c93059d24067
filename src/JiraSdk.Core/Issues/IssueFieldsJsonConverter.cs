using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using JiraSdk.Serialization;

namespace JiraSdk.Issues;

/// <summary>
/// Reads an issue's <c>fields</c> object into <see cref="IssueFields"/> by parsing it once (its values are
/// <see cref="JsonElement"/>s of that one document, as <c>FreeFormObjectConverter</c> does for other free-form maps), and
/// writes every entry back as it was: a <see cref="JsonElement"/> byte for byte, JSON <c>null</c> as <c>null</c>, a value set
/// by hand through the serializer. When the generated clients read a response with diagnostics attached, the fields
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
        var fields = new IssueFields(JsonElement.ParseValue(ref reader));
        if (SchemaReadScope.Current is { } scope) fields.Report = new FieldShapeReport(scope.Diagnostics, scope.ResponseType, scope.RequestPath);
        return fields;
    }

#if NET8_0_OR_GREATER
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Values read from Jira are JsonElements; only values set by hand are serialized by their runtime type.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above.")]
#endif
    public override void Write(Utf8JsonWriter writer, IssueFields value, JsonSerializerOptions options)
    {
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
