using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Http;

/// <summary>
/// Logs each request that goes on the wire (every attempt and redirect) with its outcome and duration. URLs have secret
/// query values replaced by <c>***</c>; credential headers are never written, not even at Trace level.
/// </summary>
internal sealed class LoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public LoggingHandler(ILogger logger)
    {
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_logger.IsEnabled(LogLevel.Debug)) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        var url = RequestDescription.RedactedUrl(request.RequestUri);
        if (_logger.IsEnabled(LogLevel.Trace))
            RequestHeaders(_logger, request.Method.Method, url, DescribeHeaders(request), null);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Completed(_logger, request.Method.Method, url, (int)response.StatusCode, Elapsed(started), null);
            return response;
        }
        catch (Exception failure)
        {
            Failed(_logger, request.Method.Method, url, Elapsed(started), failure);
            throw;
        }
    }

    private static double Elapsed(long started) =>
        (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;

    internal static string DescribeHeaders(HttpRequestMessage request)
    {
        var headers = request.Headers.AsEnumerable();
        if (request.Content is not null) headers = headers.Concat(request.Content.Headers);
        return string.Join(", ", headers.Select(h =>
            h.Key + ": " + (RequestDescription.IsSecretHeader(h.Key) ? "***" : string.Join(",", h.Value))));
    }

    private static readonly Action<ILogger, string, string, string, Exception?> RequestHeaders =
        LoggerMessage.Define<string, string, string>(LogLevel.Trace, new EventId(10, "JiraHttpRequest"),
            "HTTP {Method} {Url} headers: {Headers}");

    private static readonly Action<ILogger, string, string, int, double, Exception?> Completed =
        LoggerMessage.Define<string, string, int, double>(LogLevel.Debug, new EventId(11, "JiraHttpResponse"),
            "HTTP {Method} {Url} answered {Status} in {ElapsedMs:0.0} ms");

    private static readonly Action<ILogger, string, string, double, Exception?> Failed =
        LoggerMessage.Define<string, string, double>(LogLevel.Debug, new EventId(12, "JiraHttpFailure"),
            "HTTP {Method} {Url} failed after {ElapsedMs:0.0} ms");
}
