using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using JiraSdk.Paging;
using JiraSdk.Raw;

namespace JiraSdk.Issues;

/// <summary>
/// Streams JQL search results as <see cref="JiraIssue"/>s, one page in memory at a time. Each issue keeps its own copy of
/// its JSON, so issues the caller keeps stay readable and the page itself can be collected.
/// </summary>
internal static class IssueSearchStreams
{
    /// <summary>Cloud's <c>/rest/api/{version}/search/jql</c>, paged by <c>nextPageToken</c>.</summary>
    public static IAsyncEnumerable<JiraIssue> ByToken(JiraRawClient raw, string apiVersion, string jql, IEnumerable<string>? fields, string? expand, int pageSize, CancellationToken cancellationToken)
    {
        if (jql is null) throw new ArgumentNullException(nameof(jql));
        var fieldList = fields?.ToArray();
        var path = $"rest/api/{apiVersion}/search/jql";
        return WithToken(JiraPages.ByToken<IssueSearchPage, JsonElement>(
            async (token, max, ct) => await FetchAsync(raw, path, Query(jql, fieldList, expand, max, "nextPageToken", token), ct).ConfigureAwait(false),
            page => new TokenPage<JsonElement>(page.Issues, page.NextPageToken, page.IsLast),
            pageSize), cancellationToken);
    }

    /// <summary><c>/rest/api/2/search</c> as Data Center (and older Cloud code) uses it, paged by <c>startAt</c>.</summary>
    public static IAsyncEnumerable<JiraIssue> ByOffset(JiraRawClient raw, string apiVersion, string jql, IEnumerable<string>? fields, string? expand, int pageSize, CancellationToken cancellationToken)
    {
        if (jql is null) throw new ArgumentNullException(nameof(jql));
        var fieldList = fields?.ToArray();
        var path = $"rest/api/{apiVersion}/search";
        return WithToken(JiraPages.ByOffset<IssueSearchPage, JsonElement>(
            async (startAt, max, ct) => await FetchAsync(raw, path, Query(jql, fieldList, expand, max, "startAt", startAt), ct).ConfigureAwait(false),
            page => new OffsetPage<JsonElement>(page.Issues, page.StartAt, page.Total, page.IsLast),
            pageSize), cancellationToken);
    }

    private static async IAsyncEnumerable<JiraIssue> WithToken(IAsyncEnumerable<JsonElement> issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var issue in issues.WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return new JiraIssue(issue);
    }

    private static JiraRequestOptions Query(string jql, string[]? fields, string? expand, int maxResults, string positionName, object? position)
    {
        var options = new JiraRequestOptions();
        options.Query["jql"] = jql;
        options.Query["maxResults"] = maxResults;
        options.Query[positionName] = position;
        if (fields is { Length: > 0 }) options.Query["fields"] = string.Join(",", fields);
        if (!string.IsNullOrEmpty(expand)) options.Query["expand"] = expand;
        return options;
    }

    private static async Task<IssueSearchPage> FetchAsync(JiraRawClient raw, string path, JiraRequestOptions options, CancellationToken cancellationToken) =>
        await raw.SendAsync(HttpMethod.Get, path, IssuesJsonContext.Default.IssueSearchPage, options, cancellationToken).ConfigureAwait(false)
        ?? new IssueSearchPage();
}

/// <summary>The parts of a search page the paging needs; issues stay raw JSON.</summary>
internal sealed class IssueSearchPage
{
    [JsonPropertyName("issues")] public List<JsonElement>? Issues { get; set; }
    [JsonPropertyName("nextPageToken")] public string? NextPageToken { get; set; }
    [JsonPropertyName("isLast")] public bool? IsLast { get; set; }
    [JsonPropertyName("startAt")] public long? StartAt { get; set; }
    [JsonPropertyName("total")] public long? Total { get; set; }
}

[JsonSerializable(typeof(IssueSearchPage))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class IssuesJsonContext : JsonSerializerContext
{
}
