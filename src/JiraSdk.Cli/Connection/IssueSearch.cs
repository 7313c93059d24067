using System.Runtime.CompilerServices;
using System.Text.Json;

namespace JiraSdk.Cli.Connection;

/// <summary>One page of search results; <see cref="Total"/> is known for offset paging (v2) only.</summary>
internal sealed record SearchPage(IReadOnlyList<JsonElement> Issues, int? Total);

/// <summary>
/// JQL search as a stream of pages: v3 uses Cloud's <c>/rest/api/3/search/jql</c> (paged by <c>nextPageToken</c>),
/// v2 uses <c>/rest/api/2/search</c> (paged by <c>startAt</c>), which Data Center serves.
/// </summary>
internal static class IssueSearch
{
    public static async IAsyncEnumerable<SearchPage> PagesAsync(JiraConnection connection, string jql, IReadOnlyList<string> fields, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fieldList = Uri.EscapeDataString(string.Join(",", fields));
        if (connection.ApiVersion == "3")
        {
            string? token = null;
            do
            {
                var path = $"rest/api/3/search/jql?jql={Uri.EscapeDataString(jql)}&maxResults={pageSize}&fields={fieldList}"
                           + (token is null ? string.Empty : "&nextPageToken=" + Uri.EscapeDataString(token));
                using var document = JsonDocument.Parse(await connection.SendExpectingSuccessAsync(HttpMethod.Get, path, null, cancellationToken));
                var root = document.RootElement;
                yield return new SearchPage(Issues(root), null);
                var isLast = root.TryGetProperty("isLast", out var last) && last.ValueKind == JsonValueKind.True;
                token = !isLast && root.TryGetProperty("nextPageToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            while (token is not null);
        }
        else
        {
            var startAt = 0;
            while (true)
            {
                var path = $"rest/api/2/search?jql={Uri.EscapeDataString(jql)}&startAt={startAt}&maxResults={pageSize}&fields={fieldList}";
                using var document = JsonDocument.Parse(await connection.SendExpectingSuccessAsync(HttpMethod.Get, path, null, cancellationToken));
                var root = document.RootElement;
                var issues = Issues(root);
                int? total = root.TryGetProperty("total", out var t) && t.TryGetInt32(out var count) ? count : null;
                yield return new SearchPage(issues, total);
                startAt += issues.Count;
                // Jira may serve fewer than asked (its own cap), so only an empty page or reaching the total ends the stream.
                if (issues.Count == 0 || (total is { } all && startAt >= all)) yield break;
            }
        }
    }

    private static IReadOnlyList<JsonElement> Issues(JsonElement root) =>
        root.TryGetProperty("issues", out var issues) && issues.ValueKind == JsonValueKind.Array
            ? issues.EnumerateArray().Select(i => i.Clone()).ToList()
            : Array.Empty<JsonElement>();
}
