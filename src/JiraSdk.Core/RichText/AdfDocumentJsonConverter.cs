using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace JiraSdk.RichText;

/// <summary>
/// Lets System.Text.Json read and write <see cref="AdfDocument"/> as its ADF JSON: the generated v3 models type their
/// rich-text properties as documents (<c>Comment.Body</c>, <c>Worklog.Comment</c>), and a document can be put where a
/// model takes any value (<c>IssueUpdateDetails.Fields["description"]</c>).
/// </summary>
/// <remarks>
/// A JSON string is read as wiki markup (<see cref="AdfDocument.FromWikiMarkup"/>): Jira Cloud's webhooks and Data
/// Center send comment and worklog bodies as wiki markup even where the v3 models are used to read them. Any other value
/// that is not an ADF document raises a <see cref="JsonException"/> (with the <see cref="AdfFormatException"/> inside),
/// which the generated clients and the webhook parser report as a serialization error.
/// </remarks>
internal sealed class AdfDocumentJsonConverter : JsonConverter<AdfDocument>
{
    public override AdfDocument? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return AdfDocument.FromWikiMarkup(reader.GetString()!);
        var node = JsonNode.Parse(ref reader);
        try
        {
            return node is null ? null : AdfDocument.FromJson(node);
        }
        catch (AdfFormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, AdfDocument value, JsonSerializerOptions options) =>
        AdfJson.ToJsonObject(value).WriteTo(writer, options);
}
