using System.Text.Json;

namespace JiraSdk.Issues;

/// <summary>
/// An issue as Jira sent it, read lazily: <see cref="Key"/>, <see cref="Id"/> and typed <see cref="Fields"/> are read from
/// the JSON on access, and <see cref="Json"/> keeps everything else (expansions, properties, unknown fields).
/// </summary>
public sealed class JiraIssue
{
    private IssueFields? _fields;

    /// <summary>Wraps the JSON of one issue (an element of a search's <c>issues</c>, or a GET issue response).</summary>
    /// <param name="json">The issue object.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not a JSON object.</exception>
    public JiraIssue(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"An issue is a JSON object, not a {json.ValueKind}.", nameof(json));
        Json = json;
    }

    /// <summary>The issue id, e.g. <c>10001</c>.</summary>
    public string? Id => FieldValues.String(Json, "id", "id");

    /// <summary>The issue key, e.g. <c>DOCS-1</c>.</summary>
    public string? Key => FieldValues.String(Json, "key", "key");

    /// <summary>The REST URL of the issue.</summary>
    public Uri? Self => FieldValues.String(Json, "self", "self") is { } self ? new Uri(self, UriKind.RelativeOrAbsolute) : null;

    /// <summary>The issue's fields; empty when the request asked for none.</summary>
    public IssueFields Fields => _fields ??= new IssueFields(
        Json.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object ? fields : EmptyObject);

    /// <summary>The whole issue JSON.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => Key ?? Id ?? "(issue)";

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;
}
