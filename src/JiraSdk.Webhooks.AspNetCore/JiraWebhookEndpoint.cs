using System.Buffers;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Processing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JiraSdk.Webhooks.AspNetCore;

/// <summary>Turns an HTTP request into a <see cref="WebhookDelivery"/> and the receiver's verdict into a status code.</summary>
internal sealed class JiraWebhookEndpoint
{
    private readonly JiraWebhookReceiver _receiver;
    private readonly long _maxBodyBytes;

    public JiraWebhookEndpoint(JiraWebhookReceiver receiver, long maxBodyBytes)
    {
        if (maxBodyBytes <= 0 || maxBodyBytes > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(maxBodyBytes), "MaxBodyBytes must be between 1 and 2 GiB.");
        _receiver = receiver;
        _maxBodyBytes = maxBodyBytes;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
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

        var headers = request.Headers;
        var delivery = WebhookDelivery.FromHeaders(body, name => headers.TryGetValue(name, out var value) ? value.ToString() : null);
        var handlers = http.RequestServices.GetServices<IJiraWebhookHandler>();
        var result = await _receiver.ReceiveWithHandlersAsync(delivery, handlers, http.RequestAborted).ConfigureAwait(false);

        http.Response.StatusCode = result.Status switch
        {
            WebhookReceiveStatus.Processed => StatusCodes.Status204NoContent,
            WebhookReceiveStatus.Duplicate => StatusCodes.Status204NoContent,
            WebhookReceiveStatus.SignatureRejected => StatusCodes.Status401Unauthorized,
            WebhookReceiveStatus.MalformedPayload => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
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
}
