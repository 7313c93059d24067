namespace JiraSdk.Errors;

/// <summary>
/// The request never got an HTTP answer from Jira: DNS, connection, TLS or a dropped connection. Retried for idempotent
/// requests before this is raised.
/// </summary>
public class JiraNetworkException : JiraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The transport failure.</param>
    public JiraNetworkException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP method of the request that failed.</summary>
    public string? RequestMethod { get; internal set; }

    /// <summary>The path of the request that failed (no query string).</summary>
    public string? RequestPath { get; internal set; }
}
