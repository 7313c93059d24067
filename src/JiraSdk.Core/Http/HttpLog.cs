using Microsoft.Extensions.Logging;

namespace JiraSdk.Http;

/// <summary>
/// The HTTP pipeline's log events (category <c>JiraSdk.Http</c>), ids 1xxx. Ids and names are stable: people filter and
/// alert on them. Other areas: 2xxx authentication, 3xxx serialization (3001 <c>JiraSchemaMismatch</c>).
/// Values reach these methods already redacted (<see cref="LogRedaction"/>).
/// </summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 1001, EventName = "JiraHttpRequest", Level = LogLevel.Trace,
        Message = "HTTP {Method} {Url} request headers: {Headers}")]
    public static partial void RequestHeaders(ILogger logger, string method, string url, string headers);

    [LoggerMessage(EventId = 1002, EventName = "JiraHttpResponse", Level = LogLevel.Debug,
        Message = "HTTP {Method} {Url} answered {Status} in {ElapsedMs} ms")]
    public static partial void Completed(ILogger logger, string method, string url, int status, double elapsedMs);

    [LoggerMessage(EventId = 1003, EventName = "JiraHttpResponseHeaders", Level = LogLevel.Trace,
        Message = "HTTP {Method} {Url} response headers: {Headers}")]
    public static partial void ResponseHeaders(ILogger logger, string method, string url, string headers);

    [LoggerMessage(EventId = 1004, EventName = "JiraHttpFailure", Level = LogLevel.Debug,
        Message = "HTTP {Method} {Url} failed after {ElapsedMs} ms")]
    public static partial void Failed(ILogger logger, string method, string url, double elapsedMs, Exception failure);

    [LoggerMessage(EventId = 1101, EventName = "JiraRetry", Level = LogLevel.Information,
        Message = "{Method} {Path}: attempt {Attempt} failed; retrying in {Delay} after status {Status}")]
    public static partial void RetryingAfterStatus(ILogger logger, string method, string? path, int attempt, TimeSpan delay, int status);

    [LoggerMessage(EventId = 1102, EventName = "JiraRetryNetwork", Level = LogLevel.Information,
        Message = "{Method} {Path}: attempt {Attempt} failed; retrying in {Delay} after {Failure}")]
    public static partial void RetryingAfterFailure(ILogger logger, string method, string? path, int attempt, TimeSpan delay, string failure);
}
