using JiraSdk.Issues;
using JiraSdk.Paging;
using JiraSdk.Raw;

namespace JiraSdk;

/// <summary>
/// The Jira REST API v2 (Cloud, and the API Data Center serves): one property per area of the API (<see cref="V2.JiraApiV2.Issues"/>,
/// <see cref="V2.JiraApiV2.IssueSearch"/>, …) plus streaming helpers.
/// </summary>
public sealed class JiraV2Api : V2.JiraApiV2
{
    private readonly JiraRawClient _raw;

    internal JiraV2Api(HttpClient httpClient, JiraRawClient raw) : base(httpClient)
    {
        _raw = raw;
    }

    /// <summary>
    /// Streams every issue a JQL query finds (<c>/rest/api/2/search/jql</c>, paged by token), one page in memory at a time.
    /// Fields are read lazily from the JSON. <c>AsPages(continuationToken, pageSizeHint)</c> on the result yields the pages,
    /// each with the token (Jira's <c>nextPageToken</c>) to resume from.
    /// </summary>
    /// <param name="jql">The JQL query; Cloud requires it to be bounded (e.g. <c>project = DOCS</c>).</param>
    /// <param name="fields">The fields to return (e.g. <c>summary</c>, <c>status</c>, <c>*all</c>); by default Jira returns only ids.</param>
    /// <param name="expand">Expansions, comma-separated (e.g. <c>renderedFields,names</c>).</param>
    /// <param name="pageSize">Issues per request (Jira caps it, typically at 100 or 5000 for ids only).</param>
    /// <param name="cancellationToken">Stops the stream; no further page is fetched.</param>
    public JiraAsyncPageable<JiraIssue> SearchIssuesAsync(string jql, IEnumerable<string>? fields = null, string? expand = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        IssueSearchStreams.ByToken(_raw, "2", jql, fields, expand, pageSize, cancellationToken);

    /// <summary>Gets one issue as lazily read JSON (<c>/rest/api/2/issue/{key}</c>).</summary>
    /// <param name="issueIdOrKey">The issue id or key.</param>
    /// <param name="fields">The fields to return; by default all navigable fields.</param>
    /// <param name="expand">Expansions, comma-separated.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Errors.JiraNotFoundException">No such issue, or not visible to the caller.</exception>
    public Task<JiraIssue> GetIssueAsync(string issueIdOrKey, IEnumerable<string>? fields = null, string? expand = null, CancellationToken cancellationToken = default) =>
        IssueReader.GetAsync(_raw, "2", issueIdOrKey, fields, expand, cancellationToken);

    /// <summary>
    /// Streams every issue a JQL query finds through <c>/rest/api/2/search</c>, paged by <c>startAt</c>: the search Jira
    /// Data Center offers. One page in memory at a time; <c>AsPages(continuationToken, pageSizeHint)</c> yields the pages, each
    /// with the token (the next <c>startAt</c>) to resume from.
    /// </summary>
    /// <param name="jql">The JQL query.</param>
    /// <param name="fields">The fields to return; by default Jira's navigable fields.</param>
    /// <param name="expand">Expansions, comma-separated.</param>
    /// <param name="pageSize">Issues per request (Jira caps it, typically at 1000 on Data Center).</param>
    /// <param name="cancellationToken">Stops the stream; no further page is fetched.</param>
    public JiraAsyncPageable<JiraIssue> SearchIssuesByOffsetAsync(string jql, IEnumerable<string>? fields = null, string? expand = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        IssueSearchStreams.ByOffset(_raw, "2", jql, fields, expand, pageSize, cancellationToken);
}
