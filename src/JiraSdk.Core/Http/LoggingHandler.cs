using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Http;

/// <summary>
/// Logs each request that goes on the wire (every attempt and redirect) with its outcome and duration (Debug), and at
/// Trace its request and response headers. Everything written passes <see cref="LogRedaction"/>'s allow-list: unknown
/// headers, query values and user info appear as <c>[redacted]</c> or not at all.
/// </summary>
internal sealed class LoggingHandler : PipelineHandler
{
    private readonly ILogger _logger;

    public LoggingHandler(ILogger logger)
    {
        _logger = logger;
    }

    // The cheap path: nothing formatted, no timestamp taken, no state machine, when Debug is off.
    protected override ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _logger.IsEnabled(LogLevel.Debug) ? LoggedAsync(request, cancellationToken) : SendInnerAsync(request, cancellationToken);

#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<HttpResponseMessage> LoggedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var url = LogRedaction.Url(request.RequestUri);
        var trace = _logger.IsEnabled(LogLevel.Trace);
        if (trace) HttpLog.RequestHeaders(_logger, method, url, LogRedaction.Headers(request.Headers, request.Content));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
            HttpLog.Completed(_logger, method, url, (int)response.StatusCode, Elapsed(started));
            if (trace) HttpLog.ResponseHeaders(_logger, method, url, LogRedaction.Headers(response.Headers, response.Content));
            return response;
        }
        catch (Exception failure)
        {
            HttpLog.Failed(_logger, method, url, Elapsed(started), failure);
            throw;
        }
    }

    private static double Elapsed(long started) =>
        Math.Round((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency, 1);
}
