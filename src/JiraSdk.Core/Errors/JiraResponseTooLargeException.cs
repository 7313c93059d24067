namespace JiraSdk.Errors;

/// <summary>
/// A JSON or text response body (decoded, when it came compressed) grew past the client's limit while the pipeline read
/// it (<c>JiraClientOptions.MaxResponseBodyBytes</c>), so reading stopped there instead of holding an unbounded body in
/// memory: a decompression bomb, or a body far larger than any Jira answer. Not retried. Downloads, which are streamed
/// rather than read into memory, have no limit.
/// </summary>
public class JiraResponseTooLargeException : JiraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="limit">The limit the body passed, in bytes.</param>
    public JiraResponseTooLargeException(string message, long limit) : base(message)
    {
        Limit = limit;
    }

    /// <summary>The limit the body passed, in bytes.</summary>
    public long Limit { get; }

    /// <summary>The HTTP method of the request whose response was too large.</summary>
    public string? RequestMethod { get; internal set; }

    /// <summary>The path of the request whose response was too large (no query string).</summary>
    public string? RequestPath { get; internal set; }
}
