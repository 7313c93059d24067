namespace JiraSdk.Errors;

/// <summary>
/// The request never got a whole HTTP answer from Jira: DNS, connection, TLS, or a connection dropped before or while the
/// body was read. Retried for idempotent requests before this is raised.
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

    /// <summary>The failure of a request before Jira's answer arrived.</summary>
    internal static JiraNetworkException WhileSending(HttpRequestMessage request, Exception failure) =>
        new($"Could not reach Jira: {failure.Message} ({request.Method.Method} {Http.RequestDescription.PathOf(request)})", failure)
        {
            RequestMethod = request.Method.Method,
            RequestPath = Http.RequestDescription.PathOf(request),
        };

    /// <summary>The failure of a response body after its headers arrived (a reset, a truncated body).</summary>
    internal static JiraNetworkException WhileReading(string? method, string? path, Exception failure) =>
        new($"The connection failed while Jira's answer was read: {failure.Message} ({method} {path})", failure)
        {
            RequestMethod = method,
            RequestPath = path,
        };
}
