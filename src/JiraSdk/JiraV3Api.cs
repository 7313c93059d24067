using JiraSdk.Issues;
using JiraSdk.Paging;
using JiraSdk.V3;

namespace JiraSdk;

/// <summary>
/// The Jira Cloud platform REST API v3: one property per area of the API (<see cref="JiraApiV3.Issues"/>,
/// <see cref="JiraApiV3.IssueSearch"/>, …) plus shortcuts for the common reads. An issue is read one way, as the generated
/// <see cref="IssueBean"/> whose <see cref="IssueBean.Fields"/> are the SDK's typed <see cref="global::JiraSdk.Issues.IssueFields"/>:
/// <c>jira.V3.Issues.GetIssueAsync</c> for one, <see cref="SearchIssuesAsync"/> for a JQL search.
/// </summary>
public sealed class JiraV3Api : JiraApiV3
{
    internal JiraV3Api(HttpClient httpClient) : base(httpClient)
    {
    }

    /// <summary>
    /// Every issue a JQL query finds (<c>GET /rest/api/3/search/jql</c>, paged by <c>nextPageToken</c>), fetched a page at a
    /// time while the enumeration proceeds: <c>await foreach</c> over the issues, or <c>AsPages(continuationToken,
    /// pageSizeHint)</c> over the pages, each with the token to resume from. The same pageable as
    /// <c>IssueSearch.EnumerateSearchAndReconsileIssuesUsingJqlAsync</c>, with the common parameters.
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
    /// Every field's id by its name, from the fields API (<c>GET /rest/api/3/field</c>), for reading custom fields by name:
    /// <c>issue.Fields.GetFieldByName(names, "Story Points")</c>. Fetch it once and keep it; field names change rarely.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IssueFieldNames> GetFieldNamesAsync(CancellationToken cancellationToken = default) =>
        new((await IssueFields.GetFieldsAsync(cancellationToken).ConfigureAwait(false))
            .Select(field => new KeyValuePair<string, string?>(field.Id ?? string.Empty, field.Name)));
}
