using System.Globalization;

namespace JiraSdk.Http;

/// <summary>Reads how long Jira asks a client to wait from <c>Retry-After</c>, <c>X-RateLimit-Reset</c> and the rate-limit headers beside them.</summary>
internal static class RateLimitHeaders
{
    public const string RetryAfterHeader = "Retry-After";

    /// <summary>Jira Cloud's ISO 8601 timestamp at which the rate-limit window resets.</summary>
    public const string ResetHeader = "X-RateLimit-Reset";

    /// <summary>What Jira says is left of the current budget.</summary>
    public const string RemainingHeader = "X-RateLimit-Remaining";

    /// <summary><c>true</c> when less than a fifth of the budget is left (Jira Cloud, 2025–26).</summary>
    public const string NearLimitHeader = "X-RateLimit-NearLimit";

    /// <summary>Jira Cloud's advisory wait in seconds; a hint only, read when nothing else says how long to wait.</summary>
    public const string BetaRetryAfterHeader = "Beta-Retry-After";

    /// <summary>
    /// The wait Jira asked for: <c>Retry-After</c> as delta-seconds or an HTTP date, else <c>X-RateLimit-Reset</c>.
    /// Dates in the past yield <see cref="TimeSpan.Zero"/>; unreadable values yield <c>null</c>.
    /// </summary>
    public static TimeSpan? RetryDelay(string? retryAfter, string? rateLimitReset, DateTimeOffset now) =>
        ParseRetryAfter(retryAfter, now) ?? ParseReset(rateLimitReset, now);

    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value!.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        // RFC 9110 HTTP-date ("Sun, 06 Nov 1994 08:49:37 GMT"); "r" is exactly that format, always UTC.
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return UntilOrZero(date, now);
        return ParseReset(value, now); // any other date form, read the way X-RateLimit-Reset is
    }

    public static TimeSpan? ParseReset(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value!.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return UntilOrZero(date, now);
        return null;
    }

    /// <summary>The first value of a response header, or <c>null</c>.</summary>
    public static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan UntilOrZero(DateTimeOffset date, DateTimeOffset now) =>
        date > now ? date - now : TimeSpan.Zero;
}
