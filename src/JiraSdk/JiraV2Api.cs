using JiraSdk.Issues;
using JiraSdk.Paging;
using JiraSdk.V2;

namespace JiraSdk;

/// <summary>
/// The Jira REST API v2 (Cloud, and the API Data Center serves): one property per area of the API
/// (<see cref="JiraApiV2.Issues"/>, <see cref="JiraApiV2.IssueSearch"/>, …) plus shortcuts for the common reads. An issue is
/// read one way, as the generated <see cref="IssueBean"/> whose <see cref="IssueBean.Fields"/> are the SDK's typed
/// <see cref="global::JiraSdk.Issues.IssueFields"/>: <c>jira.V2.Issues.GetIssueAsync</c> for one, <see cref="SearchIssuesAsync"/> (Cloud) or
/// <see cref="SearchIssuesByOffsetAsync"/> (Data Center) for a JQL search.
/// </summary>
public sealed class JiraV2Api : JiraApiV2
{
    internal JiraV2Api(HttpClient httpClient) : base(httpClient)
    {
    }

    /// <summary>
    /// Every issue a JQL query finds (<c>GET /rest/api/2/search/jql</c>, paged by <c>nextPageToken</c>), fetched a page at a
    /// time while the enumeration proceeds: <c>await foreach</c> over the issues, or <c>AsPages(continuationToken,
    /// pageSizeHint)</c> over the pages, each with the token to resume from.
    /// </summary>
    /// <param name="jql">The JQL query; Cloud requires it to be bounded (e.g. <c>project = DOCS</c>).</param>
    /// <param name="fields">The fields to return (e.g. <c>summary</c>, <c>status</c>, <c>*all</c>); by default Jira returns only ids.</param>
    /// <param name="expand">Expansions, comma-separated (e.g. <c>renderedFields,names</c>).</param>
    /// <param name="pageSize">Issues per request (Jira caps it, typically at 100 or 5000 for ids only).</param>
    /// <param name="cancellationToken">Stops the enumeration; no further page is fetched.</param>
    public JiraAsyncPageable<IssueBean> SearchIssuesAsync(string jql, IEnumerable<string>? fields = null, string? expand = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        IssueSearch.EnumerateSearchAndReconsileIssuesUsingJqlAsync(jql ?? throw new ArgumentNullException(nameof(jql)), IssueSearchParameters.Fields(fields), expand,
            pageSize: pageSize, cancellationToken: cancellationToken);

    /// <summary>
    /// Every issue a JQL query finds through <c>GET /rest/api/2/search</c>, paged by <c>startAt</c>: the search Jira Data
    /// Center offers (Cloud removed it). <c>AsPages(continuationToken, pageSizeHint)</c> yields the pages, each with the
    /// token (the next <c>startAt</c>) to resume from.
    /// </summary>
    /// <param name="jql">The JQL query.</param>
    /// <param name="fields">The fields to return; by default Jira's navigable fields.</param>
    /// <param name="expand">Expansions, comma-separated.</param>
    /// <param name="pageSize">Issues per request (Jira caps it, typically at 1000 on Data Center).</param>
    /// <param name="cancellationToken">Stops the enumeration; no further page is fetched.</param>
    public JiraAsyncPageable<IssueBean> SearchIssuesByOffsetAsync(string jql, IEnumerable<string>? fields = null, string? expand = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
#pragma warning disable CS0618 // removed on Cloud, where SearchIssuesAsync replaces it; this method exists for Data Center, which still pages by offset
        IssueSearch.EnumerateSearchForIssuesUsingJqlAsync(jql ?? throw new ArgumentNullException(nameof(jql)), fields: IssueSearchParameters.Fields(fields), expand: expand,
            pageSize: pageSize, cancellationToken: cancellationToken);
#pragma warning restore CS0618

    /// <summary>
    /// Every field's id by its name, from the fields API (<c>GET /rest/api/2/field</c>), for reading custom fields by name:
    /// <c>issue.Fields.GetFieldByName(names, "Story Points")</c>. Fetch it once and keep it; field names change rarely.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IssueFieldNames> GetFieldNamesAsync(CancellationToken cancellationToken = default) =>
        new((await IssueFields.GetFieldsAsync(cancellationToken).ConfigureAwait(false))
            .Select(field => new KeyValuePair<string, string?>(field.Id ?? string.Empty, field.Name)));
}
