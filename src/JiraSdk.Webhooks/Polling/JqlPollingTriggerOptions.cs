namespace JiraSdk.Webhooks.Polling;

/// <summary>What <see cref="JqlPollingTrigger"/> polls for, and how often.</summary>
public sealed class JqlPollingTriggerOptions
{
    /// <summary>
    /// The JQL that selects the issues to watch, without <c>ORDER BY</c> (the trigger orders by <c>updated, id</c>).
    /// Empty watches every issue the user can see.
    /// </summary>
    public string Jql { get; set; } = "";

    /// <summary>Time between polls. Default 1 minute.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Issues per search page (Jira caps it, typically at 100). Default 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>The issue fields to fetch; <c>created</c> and <c>updated</c> are always added. Default <c>*navigable</c>.</summary>
    public IList<string> Fields { get; set; } = new List<string> { "*navigable" };

    /// <summary>
    /// How far each query reaches back before the newest update already seen, to catch issues Jira indexed late and the
    /// minute rounding of JQL dates. Issues seen in this window are remembered and not emitted twice. Default 2 minutes.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The time zone Jira reads JQL dates in: the Jira user's profile time zone. Default UTC. When unsure, widen
    /// <see cref="Overlap"/> by the possible offset.
    /// </summary>
    public TimeZoneInfo JqlTimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Where polling starts when no cursor is stored; <see langword="null"/> means the time of the first poll.</summary>
    public DateTimeOffset? StartAt { get; set; }

    /// <summary>The key the cursor is stored under; defaults to the JQL.</summary>
    public string? CursorKey { get; set; }

    /// <summary>Which search the trigger sends through <see cref="JiraClient"/>. Default <see cref="JqlSearchEndpoint.SearchJqlV3"/> (Jira Cloud).</summary>
    public JqlSearchEndpoint Endpoint { get; set; } = JqlSearchEndpoint.SearchJqlV3;
}

/// <summary>The JQL search a polling trigger sends, all through <see cref="JiraClient"/>'s paging engine.</summary>
public enum JqlSearchEndpoint
{
    /// <summary><c>GET /rest/api/3/search/jql</c>, paged by <c>nextPageToken</c> (<c>jira.V3.SearchIssuesAsync</c>): Jira Cloud.</summary>
    SearchJqlV3 = 0,

    /// <summary><c>GET /rest/api/2/search/jql</c>, paged by <c>nextPageToken</c> (<c>jira.V2.SearchIssuesAsync</c>): Jira Cloud, v2 field shapes.</summary>
    SearchJqlV2 = 1,

    /// <summary>
    /// <c>GET /rest/api/2/search</c>, paged by <c>startAt</c> (<c>jira.V2.SearchIssuesByOffsetAsync</c>): Jira Data Center,
    /// which has no <c>/search/jql</c> (Cloud removed <c>/search</c> in 2025 and answers 410).
    /// </summary>
    DataCenterSearch = 2,
}
