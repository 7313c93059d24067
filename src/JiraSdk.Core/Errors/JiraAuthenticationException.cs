namespace JiraSdk.Errors;

/// <summary>
/// Jira did not accept the credentials: a 401, or any response whose <c>X-Seraph-LoginReason</c> says the login failed
/// (Jira then serves the request anonymously, which must not pass for success).
/// </summary>
public class JiraAuthenticationException : JiraApiException
{
    /// <summary>Creates the exception from a failed response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status code Jira returned.</param>
    /// <param name="response">The response body as text, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraAuthenticationException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        LoginReason = HeaderLookup.First(Headers, SeraphLoginReasonHeader);
        IsScopeMismatch = response is not null && response.IndexOf("scope does not match", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The header in which Jira reports why a login failed.</summary>
    public const string SeraphLoginReasonHeader = "X-Seraph-LoginReason";

    /// <summary>The value of <c>X-Seraph-LoginReason</c>, e.g. <c>AUTHENTICATED_FAILED</c>, when Jira sent one.</summary>
    public string? LoginReason { get; }

    /// <summary>
    /// <c>true</c> when Jira reported that the OAuth 2.0 token's scopes do not cover the operation ("scope does not match"):
    /// the token is valid, but the app must ask for more scopes.
    /// </summary>
    public bool IsScopeMismatch { get; }
}
