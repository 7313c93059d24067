using System.Text.Json;
using JiraSdk.Raw;

namespace JiraSdk.Issues;

/// <summary>Gets single issues as <see cref="JiraIssue"/>, keeping their JSON instead of copying every field.</summary>
internal static class IssueReader
{
    public static async Task<JiraIssue> GetAsync(JiraRawClient raw, string apiVersion, string issueIdOrKey, IEnumerable<string>? fields, string? expand, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(issueIdOrKey)) throw new ArgumentException("An issue id or key is required.", nameof(issueIdOrKey));
        var options = new JiraRequestOptions();
        options.PathParameters["issueIdOrKey"] = issueIdOrKey;
        if (fields?.ToArray() is { Length: > 0 } list) options.Query["fields"] = string.Join(",", list);
        if (!string.IsNullOrEmpty(expand)) options.Query["expand"] = expand;
        var json = await raw.SendAsync(HttpMethod.Get, $"rest/api/{apiVersion}/issue/{{issueIdOrKey}}", IssuesJsonContext.Default.JsonElement, options, cancellationToken).ConfigureAwait(false);
        if (json.ValueKind != JsonValueKind.Object)
            throw new Errors.JiraSerializationException($"Expected an issue object but Jira sent a JSON {json.ValueKind.ToString().ToLowerInvariant()}.", 200, json.ValueKind == JsonValueKind.Undefined ? null : json.GetRawText(), null, null);
        return new JiraIssue(json);
    }
}
