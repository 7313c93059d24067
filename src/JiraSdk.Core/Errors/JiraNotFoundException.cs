namespace JiraSdk.Errors;

/// <summary>The resource does not exist, or the caller may not see it (404).</summary>
public class JiraNotFoundException : JiraApiException
{
    /// <summary>Creates the exception from a failed response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status code Jira returned.</param>
    /// <param name="response">The response body as text, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraNotFoundException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
    }
}
