namespace JiraSdk.Errors;

/// <summary>Jira or a proxy in front of it failed (5xx); often transient.</summary>
public class JiraServerException : JiraApiException
{
    /// <summary>Creates the exception from a failed response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status code Jira returned.</param>
    /// <param name="response">The response body as text, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraServerException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
    }
}
