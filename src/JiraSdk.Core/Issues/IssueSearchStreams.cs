using JiraSdk.Paging;
using JiraSdk.Raw;

namespace JiraSdk.Issues;

/// <summary>
/// JQL search results as a <see cref="JiraAsyncPageable{T}"/> of <see cref="JiraIssue"/>s, through the one paging engine,
/// one page in memory at a time. Each issue keeps its own copy of its JSON, so issues the caller keeps stay readable and
/// the page's pooled memory is reused for the next one.
/// </summary>
internal static class IssueSearchStreams
{
    /// <summary>Cloud's <c>/rest/api/{version}/search/jql</c>, paged by <c>nextPageToken</c>.</summary>
    public static JiraAsyncPageable<JiraIssue> ByToken(JiraRawClient raw, string apiVersion, string jql, IEnumerable<string>? fields, string? expand, int pageSize, CancellationToken cancellationToken)
    {
        if (jql is null) throw new ArgumentNullException(nameof(jql));
        var fieldList = fields?.ToArray();
        var path = $"rest/api/{apiVersion}/search/jql";
        return JiraPages.ByToken(
            (token, max, ct) => FetchAsync(raw, path, Query(jql, fieldList, expand, max, "nextPageToken", token), ct),
            page => new TokenPage<JiraIssue>(page.Issues, page.NextPageToken, page.IsLast),
            pageSize, cancellationToken: cancellationToken);
    }

    /// <summary><c>/rest/api/2/search</c> as Data Center (and older Cloud code) uses it, paged by <c>startAt</c>.</summary>
    public static JiraAsyncPageable<JiraIssue> ByOffset(JiraRawClient raw, string apiVersion, string jql, IEnumerable<string>? fields, string? expand, int pageSize, CancellationToken cancellationToken)
    {
        if (jql is null) throw new ArgumentNullException(nameof(jql));
        var fieldList = fields?.ToArray();
        var path = $"rest/api/{apiVersion}/search";
        return JiraPages.ByOffset(
            (startAt, max, ct) => FetchAsync(raw, path, Query(jql, fieldList, expand, max, "startAt", startAt), ct),
            page => new OffsetPage<JiraIssue>(page.Issues, page.StartAt, page.Total, page.IsLast),
            pageSize, cancellationToken: cancellationToken);
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

    private static Task<IssueSearchPage> FetchAsync(JiraRawClient raw, string path, JiraRequestOptions options, CancellationToken cancellationToken) =>
        raw.SendForJsonAsync(HttpMethod.Get, path, options, "a search page", IssueSearchPage.Read, cancellationToken);
}
