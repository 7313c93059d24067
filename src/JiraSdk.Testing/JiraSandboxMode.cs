namespace JiraSdk.Testing;

/// <summary>Which Jira the sandbox imitates.</summary>
public enum JiraSandboxMode
{
    /// <summary>Jira Cloud: REST v2 and v3, <c>/search/jql</c> paged by token (the old <c>/search</c> answers 410 Gone),
    /// users identified by account id, basic authentication with email and API token, OAuth 2.0 (3LO) through
    /// <c>/ex/jira/{cloudId}</c>.</summary>
    Cloud,

    /// <summary>Jira Data Center: REST v2 only, <c>/rest/api/2/search</c> paged by <c>startAt</c> with <c>total</c>,
    /// users with names, personal access tokens (<c>Authorization: Bearer</c>).</summary>
    DataCenter,
}
