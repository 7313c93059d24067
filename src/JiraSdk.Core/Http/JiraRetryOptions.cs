namespace JiraSdk.Http;

/// <summary>
/// When and how long the SDK waits and tries again. A 429 is retried for every method; 502, 503, 504 and network
/// failures only for idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) unless <see cref="RetryNonIdempotentRequests"/>.
/// </summary>
public sealed class JiraRetryOptions
{
    /// <summary>How many times a request is sent at most, the first attempt included. 1 turns retries off. Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// The most time spent waiting between attempts of one call. A retry whose wait would exceed it is not made and the
    /// last response is returned (a 429 then raises <see cref="Errors.JiraRateLimitException"/>). Default 60 seconds.
    /// </summary>
    public TimeSpan MaxTotalWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before the first retry when Jira gives no hint; it doubles with each retry. Default 1 second.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff between two attempts when Jira gives no hint. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest random share added to each wait (0.25 adds up to 25%), so many clients do not retry in lockstep.
    /// <c>Retry-After</c> stays a minimum: jitter only ever lengthens a wait. Default 0.25.
    /// </summary>
    public double JitterRatio { get; set; } = 0.25;

    /// <summary>
    /// Also retry POST and PATCH after 502/503/504 or a network failure. Only safe when the operation cannot take effect
    /// twice. Default <c>false</c>.
    /// </summary>
    public bool RetryNonIdempotentRequests { get; set; }

    /// <summary>
    /// Called before each wait between attempts, e.g. to tell a user "rate limited; retrying in 12 s". Runs on the calling
    /// request's flow; keep it quick and do not throw.
    /// </summary>
    public Action<JiraRetryWait>? Waiting { get; set; }

    /// <summary>A source of numbers in [0, 1) for jitter; tests pin it.</summary>
    internal Func<double>? Random { get; set; }

    /// <summary>Options that never retry.</summary>
    public static JiraRetryOptions None => new() { MaxAttempts = 1 };

    internal void Validate()
    {
        if (MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        if (MaxTotalWait < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxTotalWait), MaxTotalWait, "Must not be negative.");
        if (InitialDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(InitialDelay), InitialDelay, "Must not be negative.");
        if (MaxDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "Must not be negative.");
        if (JitterRatio < 0 || double.IsNaN(JitterRatio)) throw new ArgumentOutOfRangeException(nameof(JitterRatio), JitterRatio, "Must not be negative.");
    }
}

/// <summary>A wait the retry policy is about to make before sending a request again.</summary>
public sealed class JiraRetryWait
{
    internal JiraRetryWait(string method, string? path, int attempt, TimeSpan delay, int? statusCode, string? rateLimitReason)
    {
        Method = method;
        Path = path;
        Attempt = attempt;
        Delay = delay;
        StatusCode = statusCode;
        RateLimitReason = rateLimitReason;
    }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; }

    /// <summary>The request path, without query.</summary>
    public string? Path { get; }

    /// <summary>The attempt that failed (1 for the first).</summary>
    public int Attempt { get; }

    /// <summary>How long the SDK waits before the next attempt.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The status that caused the retry (429, 502, 503, 504), or <c>null</c> after a network failure.</summary>
    public int? StatusCode { get; }

    /// <summary>Jira Cloud's <c>RateLimit-Reason</c> (e.g. <c>jira-burst-based</c>), when it sent one.</summary>
    public string? RateLimitReason { get; }

    /// <summary>Whether Jira rate-limited the request (429).</summary>
    public bool IsRateLimited => StatusCode == 429;
}
