namespace JiraSdk.Errors;

/// <summary>
/// The call (all its attempts together) did not finish within the configured timeout. Distinct from cancellation by the
/// caller, which surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public class JiraTimeoutException : JiraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="innerException">The cancellation the timeout caused.</param>
    public JiraTimeoutException(string message, TimeSpan timeout, Exception? innerException) : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The HTTP method of the request that timed out.</summary>
    public string? RequestMethod { get; internal set; }

    /// <summary>The path of the request that timed out (no query string).</summary>
    public string? RequestPath { get; internal set; }
}
