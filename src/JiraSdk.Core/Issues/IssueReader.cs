using System.Text.Json;
using JiraSdk.Raw;

namespace JiraSdk.Issues;

/// <summary>Gets single issues as <see cref="JiraIssue"/>, keeping their JSON instead of copying every field.</summary>
internal static class IssueReader
{
    public static Task<JiraIssue> GetAsync(JiraRawClient raw, string apiVersion, string issueIdOrKey, IEnumerable<string>? fields, string? expand, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(issueIdOrKey)) throw new ArgumentException("An issue id or key is required.", nameof(issueIdOrKey));
        var options = new JiraRequestOptions();
        options.PathParameters["issueIdOrKey"] = issueIdOrKey;
        if (fields?.ToArray() is { Length: > 0 } list) options.Query["fields"] = string.Join(",", list);
        if (!string.IsNullOrEmpty(expand)) options.Query["expand"] = expand;
        return raw.SendForJsonAsync(HttpMethod.Get, $"rest/api/{apiVersion}/issue/{{issueIdOrKey}}", options, "an issue", Read, cancellationToken);
    }

    private static JiraIssue Read(PooledJsonBody? body)
    {
        if (body is null) throw new JsonException("Expected an issue object but the body is empty.", "$", null, null);
        if (body.Root.ValueKind != JsonValueKind.Object)
            throw new JsonException($"Expected an issue object but found a JSON {body.Root.ValueKind.ToString().ToLowerInvariant()}.", "$", null, null);
        using (body) return new JiraIssue(body.Root.Clone());
    }
}
