namespace JiraSdk.Errors;

/// <summary>Jira rate-limited the request (429) and the retry policy gave up waiting.</summary>
public class JiraRateLimitException : JiraApiException
{
    /// <summary>The header in which Jira Cloud names the limit that was hit.</summary>
    public const string RateLimitReasonHeader = "RateLimit-Reason";

    /// <summary>Creates the exception from a failed response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status code Jira returned.</param>
    /// <param name="response">The response body as text, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public JiraRateLimitException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : this(message, statusCode, response, headers, innerException, DateTimeOffset.UtcNow)
    {
    }

    internal JiraRateLimitException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException, DateTimeOffset now)
        : base(message, statusCode, response, headers, innerException)
    {
        RetryAfter = Http.RateLimitHeaders.RetryDelay(
            HeaderLookup.First(Headers, Http.RateLimitHeaders.RetryAfterHeader), HeaderLookup.First(Headers, Http.RateLimitHeaders.ResetHeader), now);
        RateLimitReason = HeaderLookup.First(Headers, RateLimitReasonHeader);
    }

    /// <summary>How long Jira asked to wait (<c>Retry-After</c>, else <c>X-RateLimit-Reset</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Which limit was hit (<c>RateLimit-Reason</c>, e.g. <c>jira-burst-based</c>), when Jira said.</summary>
    public string? RateLimitReason { get; }
}
