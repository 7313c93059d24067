using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace JiraSdk.RichText;

/// <summary>
/// Lets System.Text.Json read and write <see cref="AdfDocument"/> as its ADF JSON, so a document can be put where a
/// generated model takes rich text (<c>Comment.Body</c>, <c>IssueUpdateDetails.Fields["description"]</c>).
/// </summary>
internal sealed class AdfDocumentJsonConverter : JsonConverter<AdfDocument>
{
    public override AdfDocument? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        return node is null ? null : AdfDocument.FromJson(node);
    }

    public override void Write(Utf8JsonWriter writer, AdfDocument value, JsonSerializerOptions options) =>
        AdfJson.ToJsonObject(value).WriteTo(writer, options);
}
