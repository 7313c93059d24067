namespace JiraSdk.Errors;

/// <summary>
/// Jira did not accept the credentials: a 401; any response whose <c>X-Seraph-LoginReason</c> says the login failed
/// (Jira then serves the request anonymously, which must not pass for success); a CAPTCHA demand
/// (<c>X-Authentication-Denied-Reason</c>); or an HTML login or SSO page where JSON was due.
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
        var denied = HeaderLookup.First(Headers, JiraErrorFactory.DeniedReasonHeader);
        if (denied is not null)
        {
            DeniedReason = JiraSdk.Errors.DeniedReason.ReasonOf(denied);
            LoginUrl = JiraSdk.Errors.DeniedReason.LoginUrl(denied);
            IsCaptchaRequired = JiraSdk.Errors.DeniedReason.IsCaptcha(denied);
        }
        IsScopeMismatch = response is not null && response.IndexOf("scope does not match", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The header in which Jira reports why a login failed.</summary>
    public const string SeraphLoginReasonHeader = "X-Seraph-LoginReason";

    /// <summary>The value of <c>X-Seraph-LoginReason</c>, e.g. <c>AUTHENTICATED_FAILED</c>, when Jira sent one.</summary>
    public string? LoginReason { get; }

    /// <summary>The reason in <c>X-Authentication-Denied-Reason</c> (e.g. <c>CAPTCHA_CHALLENGE</c>), when Jira sent one.</summary>
    public string? DeniedReason { get; }

    /// <summary>
    /// <c>true</c> when Jira asks for a CAPTCHA (<c>X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE</c>) after failed
    /// logins: API calls fail until the user logs in once in a browser at <see cref="LoginUrl"/>.
    /// </summary>
    public bool IsCaptchaRequired { get; }

    /// <summary>Where to log in in a browser (the <c>login-url</c> of <c>X-Authentication-Denied-Reason</c>), when Jira said.</summary>
    public string? LoginUrl { get; }

    /// <summary>
    /// <c>true</c> when Jira reported that the OAuth 2.0 token's scopes do not cover the operation ("scope does not match"):
    /// the token is valid, but the app must ask for more scopes.
    /// </summary>
    public bool IsScopeMismatch { get; }
}
