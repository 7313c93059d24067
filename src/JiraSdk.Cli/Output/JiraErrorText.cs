using JiraSdk.Errors;

namespace JiraSdk.Cli;

/// <summary>Turns Jira's ErrorCollection (<c>errorMessages</c> and per-field <c>errors</c>) into one line.</summary>
internal static class JiraErrorText
{
    public static string Describe(JiraApiException exception)
    {
        // The library's message already says what to do (log in in a browser, use /search/jql); Jira's text adds nothing.
        if (IsFailedLogin(exception) || exception is JiraEndpointRemovedException) return JiraCli.OneLine(exception.Message);
        var parts = new List<string>(exception.ErrorMessages);
        parts.AddRange(exception.Errors.Select(e => $"{e.Key}: {e.Value}"));
        var status = $"Jira answered HTTP {exception.StatusCode}";
        return parts.Count == 0 ? JiraCli.OneLine(exception.Message) : JiraCli.OneLine($"{status}: {string.Join("; ", parts)}");
    }

    /// <summary>
    /// A refused login that a status alone does not tell: a failed <c>X-Seraph-LoginReason</c>, a CAPTCHA demand, or a
    /// login page served with a success status.
    /// </summary>
    public static bool IsFailedLogin(JiraApiException exception) =>
        exception is JiraAuthenticationException authentication
        && (authentication.IsCaptchaRequired || authentication.StatusCode < 400
            || (authentication.LoginReason is { } reason && !reason.Equals("OK", StringComparison.OrdinalIgnoreCase)));
}
