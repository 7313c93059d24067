using System.Buffers;
using System.Globalization;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.AspNetCore;

/// <summary>
/// Turns an HTTP request into a <see cref="WebhookDelivery"/> and the receiver's verdict into a status code, in the order
/// of DESIGN.md "A webhook's walk": credentials present (else 401, body unread) → size limit (413) → a bearer token is
/// checked before the body is read → body read once, never past the limit → the receiver. Handlers get the host's
/// stopping token, not <see cref="HttpContext.RequestAborted"/>: Jira gives up after 10 seconds, the work must not.
/// </summary>
internal sealed partial class JiraWebhookEndpoint
{
    private readonly JiraWebhookReceiver _receiver;
    private readonly long _maxBodyBytes;
    private readonly string _retryAfterSeconds;
    private readonly CancellationToken _stopping;
    private readonly ILogger _logger;

    public JiraWebhookEndpoint(JiraWebhookReceiver receiver, JiraWebhookOptions options, IHostApplicationLifetime? lifetime, ILogger<JiraWebhookEndpoint>? logger)
    {
        if (options.MaxBodyBytes <= 0 || options.MaxBodyBytes > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxBodyBytes must be between 1 and 2 GiB.");
        _receiver = receiver;
        _maxBodyBytes = options.MaxBodyBytes;
        _retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(options.InProgressRetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        _stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await HandleCoreAsync(http).ConfigureAwait(false);
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            // A store or queue that is down must not lose the delivery: a 5xx makes Jira retry it.
            var aborted = http.RequestAborted.IsCancellationRequested;
            if (!aborted) Failed(_logger, e);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = _retryAfterSeconds;
        }
    }

    private async Task HandleCoreAsync(HttpContext http)
    {
        var request = http.Request;
        var headers = request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var value) ? value.ToString() : null;

        var signatureHeader = Header(WebhookDeliveryContext.SignatureHeader);
        var authorizationHeader = Header(WebhookDeliveryContext.AuthorizationHeader);
        var verdict = await _receiver.CheckHeadersAsync(signatureHeader, authorizationHeader, Header(WebhookDeliveryContext.IdentifierHeader)).ConfigureAwait(false);
        if (verdict is { } refused && !WebhookAuthenticator.Accepts(refused))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (request.ContentLength > _maxBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        // Let the server stop reading at our limit too, where the host allows changing it.
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false } && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > _maxBodyBytes))
            sizeFeature.MaxRequestBodySize = _maxBodyBytes;

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(request.Body, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var delivery = new WebhookDelivery(body, signatureHeader, WebhookDeliveryContext.FromHeaders(Header), authorizationHeader);
        var services = http.RequestServices;
        var result = await _receiver.ReceiveCoreAsync(delivery, verdict,
            (e, context, token) => JiraWebhookDispatch.DispatchAsync(services, e, context, token),
            _stopping).ConfigureAwait(false);

        http.Response.StatusCode = result.Status switch
        {
            WebhookReceiveStatus.Processed => StatusCodes.Status204NoContent,
            WebhookReceiveStatus.Queued => StatusCodes.Status202Accepted,
            WebhookReceiveStatus.Duplicate => StatusCodes.Status204NoContent,
            WebhookReceiveStatus.InProgress => StatusCodes.Status503ServiceUnavailable,
            WebhookReceiveStatus.SignatureRejected => StatusCodes.Status401Unauthorized,
            WebhookReceiveStatus.MalformedPayload => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (result.Status is WebhookReceiveStatus.InProgress or WebhookReceiveStatus.HandlerFailed)
            http.Response.Headers.RetryAfter = _retryAfterSeconds;
    }

    /// <summary>Reads the body whole, or returns <see langword="null"/> as soon as it exceeds the limit.</summary>
    private async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _maxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Receiving a Jira webhook delivery failed; answered 503 so Jira retries")]
    private static partial void Failed(ILogger logger, Exception error);
}
