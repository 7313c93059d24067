using JiraSdk.Webhooks.Parsing;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Delivery;

/// <summary>
/// Takes a delivery through verification, deduplication, parsing and the handlers, independent of any web framework.
/// Thread-safe; one instance serves all deliveries.
/// </summary>
public sealed class JiraWebhookReceiver
{
    private readonly JiraWebhookSignatureVerifier _verifier;
    private readonly IWebhookDeliveryStore _store;
    private readonly IReadOnlyList<IJiraWebhookHandler> _handlers;
    private readonly JiraWebhookParser _parser;
    private readonly ILogger _logger;

    /// <summary>Creates a receiver.</summary>
    /// <param name="options">The secrets to verify with.</param>
    /// <param name="handlers">The handlers, called in order for every event.</param>
    /// <param name="store">Where handled delivery ids are remembered; a <see cref="MemoryWebhookDeliveryStore"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where rejections and handler failures are logged.</param>
    public JiraWebhookReceiver(JiraWebhookOptions options, IEnumerable<IJiraWebhookHandler> handlers, IWebhookDeliveryStore? store = null, ILogger<JiraWebhookReceiver>? logger = null)
        : this(options, store, logger)
    {
        _handlers = (handlers ?? throw new ArgumentNullException(nameof(handlers))).ToArray();
    }

    /// <summary>Creates a receiver whose handlers are passed with each delivery (they may be scoped to it).</summary>
    internal JiraWebhookReceiver(JiraWebhookOptions options, IWebhookDeliveryStore? store, ILogger<JiraWebhookReceiver>? logger)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        _verifier = new JiraWebhookSignatureVerifier(options.Secrets);
        _handlers = Array.Empty<IJiraWebhookHandler>();
        _store = store ?? new MemoryWebhookDeliveryStore();
        _parser = new JiraWebhookParser();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        if (!_verifier.IsEnabled)
            _logger.LogWarning("No Jira webhook secret is configured: deliveries are accepted without checking X-Hub-Signature.");
    }

    /// <summary>Verifies, deduplicates, parses and dispatches one delivery. Never throws for a bad delivery; see the result.</summary>
    public Task<WebhookReceiveResult> ReceiveAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        ReceiveWithHandlersAsync(delivery, _handlers, cancellationToken);

    internal async Task<WebhookReceiveResult> ReceiveWithHandlersAsync(WebhookDelivery delivery, IEnumerable<IJiraWebhookHandler> handlers, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        var deliveryId = delivery.Context.DeliveryId;

        var signature = _verifier.Verify(delivery.Body.Span, delivery.SignatureHeader);
        if (signature is not (WebhookSignatureStatus.Valid or WebhookSignatureStatus.NotChecked))
        {
            _logger.LogWarning("Rejected Jira webhook delivery {DeliveryId}: signature {SignatureStatus}.", deliveryId, signature);
            return new WebhookReceiveResult(WebhookReceiveStatus.SignatureRejected, signature);
        }

        Events.JiraWebhookEvent webhookEvent;
        try
        {
            webhookEvent = _parser.Parse(delivery.Body);
        }
        catch (JiraWebhookPayloadException e)
        {
            _logger.LogWarning(e, "Rejected Jira webhook delivery {DeliveryId}: malformed payload.", deliveryId);
            return new WebhookReceiveResult(WebhookReceiveStatus.MalformedPayload, signature, error: e);
        }

        if (deliveryId is not null && !await _store.TryBeginAsync(deliveryId, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogDebug("Dropped duplicate Jira webhook delivery {DeliveryId} (retry {RetryCount}).", deliveryId, delivery.Context.RetryCount);
            return new WebhookReceiveResult(WebhookReceiveStatus.Duplicate, signature, webhookEvent);
        }

        try
        {
            foreach (var handler in handlers)
                await handler.HandleAsync(webhookEvent, delivery.Context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Forget the claim so the retry Jira sends after our error response is processed rather than dropped.
            if (deliveryId is not null) await _store.ReleaseAsync(deliveryId, CancellationToken.None).ConfigureAwait(false);
            _logger.LogError(e, "A handler failed for Jira webhook delivery {DeliveryId} ({WebhookEvent}).", deliveryId, webhookEvent.WebhookEventName);
            return new WebhookReceiveResult(WebhookReceiveStatus.HandlerFailed, signature, webhookEvent, e);
        }

        if (deliveryId is not null) await _store.CompleteAsync(deliveryId, CancellationToken.None).ConfigureAwait(false);
        return new WebhookReceiveResult(WebhookReceiveStatus.Processed, signature, webhookEvent);
    }
}
