using System.Text.Encodings.Web;
using System.Text.Json;

namespace JiraSdk.Cli.Output;

/// <summary>How the tool prints JSON: indented, with non-ASCII text as it is (the output is for people and jq, not HTML).</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>As <see cref="Indented"/>, for the SDK's models (issues): Jira's conventions, absent values left out.</summary>
    public static readonly JsonSerializerOptions IndentedModels = CreateIndentedModels();

    private static JsonSerializerOptions CreateIndentedModels()
    {
        var options = new JsonSerializerOptions(Indented);
        JiraSdk.Serialization.JiraJson.Configure(options);
        return options;
    }

    public static string Pretty(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
