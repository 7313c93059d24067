using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using JiraSdk.Webhooks.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Delivery;

/// <summary>
/// Takes a delivery through authentication (<c>X-Hub-Signature</c> or <c>Authorization: Bearer</c>), de-duplication
/// (delivery id and body digest; a copy arriving while the first is processed is answered as
/// <see cref="WebhookReceiveStatus.InProgress"/>, only a completed one as <see cref="WebhookReceiveStatus.Duplicate"/>),
/// parsing, and then either the handlers (inline) or the delivery queue (background processing, the right choice for
/// handlers that may take longer than a few seconds: Jira gives up on a delivery after 10 seconds). Independent of any web
/// framework; thread-safe, one instance serves all deliveries.
/// </summary>
public sealed class JiraWebhookReceiver
{
    private readonly WebhookAuthenticator _authenticator;
    private readonly IWebhookDeliveryStore _store;
    private readonly IWebhookDeliveryQueue? _queue;
    private readonly IReadOnlyList<IJiraWebhookHandler> _handlers;
    private readonly JiraWebhookParser _parser;
    private readonly ILogger _logger;

    /// <summary>Creates a receiver.</summary>
    /// <param name="options">The secrets to verify with.</param>
    /// <param name="handlers">The handlers, called in order for every event (inline, or by the queue's processor).</param>
    /// <param name="store">Where claimed and handled delivery keys are kept; a <see cref="MemoryWebhookDeliveryStore"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where rejections and handler failures are logged.</param>
    /// <param name="timeProvider">The clock bearer tokens are checked against.</param>
    /// <param name="queue">When set, accepted deliveries are queued (answer 202) for a <see cref="JiraWebhookQueueProcessor"/> instead of handled inline.</param>
    public JiraWebhookReceiver(JiraWebhookOptions options, IEnumerable<IJiraWebhookHandler> handlers, IWebhookDeliveryStore? store = null,
        ILogger<JiraWebhookReceiver>? logger = null, TimeProvider? timeProvider = null, IWebhookDeliveryQueue? queue = null)
        : this(options, store, logger, timeProvider, queue)
    {
        _handlers = (handlers ?? throw new ArgumentNullException(nameof(handlers))).ToArray();
    }

    /// <summary>Creates a receiver whose handlers are passed with each delivery (they may be scoped to it).</summary>
    internal JiraWebhookReceiver(JiraWebhookOptions options, IWebhookDeliveryStore? store, ILogger<JiraWebhookReceiver>? logger,
        TimeProvider? timeProvider, IWebhookDeliveryQueue? queue)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        _authenticator = new WebhookAuthenticator(options, timeProvider ?? TimeProvider.System);
        _handlers = Array.Empty<IJiraWebhookHandler>();
        _store = store ?? new MemoryWebhookDeliveryStore(timeProvider: timeProvider);
        _queue = queue;
        _parser = new JiraWebhookParser();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        if (!_authenticator.IsEnabled) WebhookLog.NoSecrets(_logger);
    }

    /// <summary>Whether accepted deliveries go to a queue rather than to the handlers inline.</summary>
    public bool IsQueued => _queue is not null;

    /// <summary>Authenticates, de-duplicates, parses and dispatches (or queues) one delivery. Never throws for a bad delivery; see the result.</summary>
    /// <param name="delivery">The delivery.</param>
    /// <param name="cancellationToken">Passed to the handlers: give a token of the host's lifetime, not the request's, so a
    /// handler is not cancelled because Jira stopped waiting.</param>
    public Task<WebhookReceiveResult> ReceiveAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        ReceiveCoreAsync(delivery, null, (e, context, token) => DispatchAsync(_handlers, e, context, token), cancellationToken);

    /// <summary>
    /// What the headers alone decide, before the body is read: a status to refuse with (no credentials, a bad bearer
    /// token), an accepting status, or <see langword="null"/> when the body's signature decides.
    /// </summary>
    internal async ValueTask<WebhookSignatureStatus?> CheckHeadersAsync(string? signatureHeader, string? authorizationHeader, string? deliveryId)
    {
        var status = await _authenticator.CheckHeadersAsync(signatureHeader, authorizationHeader).ConfigureAwait(false);
        if (status is { } refused && !WebhookAuthenticator.Accepts(refused)) WebhookLog.Rejected(_logger, deliveryId, refused);
        return status;
    }

    /// <summary>
    /// Takes a delivery fetched from Jira's REST API (a failed one, <c>GET /rest/api/3/webhook/failed</c>) through the same
    /// de-duplication keys, parser and handlers (or queue) as a live delivery. It carries no signature: the authenticated
    /// call that fetched it vouches for it, so it counts as <see cref="WebhookSignatureStatus.Valid"/>.
    /// </summary>
    /// <param name="delivery">The delivery, with the identifier Jira listed it under.</param>
    /// <param name="dispatch">Runs the handlers; <see langword="null"/> for this receiver's own.</param>
    /// <param name="cancellationToken">For the handlers and the store.</param>
    internal Task<WebhookReceiveResult> ReceiveFetchedAsync(WebhookDelivery delivery,
        Func<JiraWebhookEvent, WebhookDeliveryContext, CancellationToken, Task>? dispatch, CancellationToken cancellationToken) =>
        ReceiveCoreAsync(delivery, WebhookSignatureStatus.Valid, dispatch ?? ((e, context, token) => DispatchAsync(_handlers, e, context, token)), cancellationToken);

    internal static async Task DispatchAsync(IEnumerable<IJiraWebhookHandler> handlers, JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
            await handler.HandleAsync(webhookEvent, context, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="delivery">The delivery.</param>
    /// <param name="headerVerdict">What <see cref="CheckHeadersAsync"/> found, or <see langword="null"/> to authenticate here.</param>
    /// <param name="dispatch">Runs the handlers (inline processing only).</param>
    /// <param name="cancellationToken">For the handlers and the store.</param>
    internal async Task<WebhookReceiveResult> ReceiveCoreAsync(WebhookDelivery delivery, WebhookSignatureStatus? headerVerdict,
        Func<JiraWebhookEvent, WebhookDeliveryContext, CancellationToken, Task> dispatch, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        var deliveryId = delivery.Context.DeliveryId;

        var signature = headerVerdict ?? await _authenticator.AuthenticateAsync(delivery.Body, delivery.SignatureHeader, delivery.AuthorizationHeader).ConfigureAwait(false);
        if (!WebhookAuthenticator.Accepts(signature))
        {
            WebhookLog.Rejected(_logger, deliveryId, signature);
            return new WebhookReceiveResult(WebhookReceiveStatus.SignatureRejected, signature);
        }

        JiraWebhookEvent webhookEvent;
        try
        {
            webhookEvent = _parser.Parse(delivery.Body);
        }
        catch (JiraWebhookPayloadException e)
        {
            WebhookLog.Malformed(_logger, e, deliveryId);
            return new WebhookReceiveResult(WebhookReceiveStatus.MalformedPayload, signature, error: e);
        }

        var keys = WebhookDeliveryKeys.For(delivery);
        var claims = new List<WebhookDeliveryClaim>(keys.Count);
        foreach (var key in keys)
        {
            WebhookDeliveryClaim claim;
            try
            {
                claim = await _store.TryClaimAsync(key, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The caller answers with a retryable error; keys claimed so far must not block Jira's retry.
                await ReleaseAsync(claims).ConfigureAwait(false);
                throw;
            }
            if (claim.Status == WebhookDeliveryClaimStatus.Claimed)
            {
                claims.Add(claim);
                continue;
            }
            if (claim.Status == WebhookDeliveryClaimStatus.Completed)
            {
                // Done under another key (a replayed body with a new identifier): remember this key as done too.
                await CompleteAsync(claims).ConfigureAwait(false);
                WebhookLog.Duplicate(_logger, deliveryId, delivery.Context.RetryCount);
                return new WebhookReceiveResult(WebhookReceiveStatus.Duplicate, signature, webhookEvent);
            }
            await ReleaseAsync(claims).ConfigureAwait(false);
            WebhookLog.InProgress(_logger, deliveryId);
            return new WebhookReceiveResult(WebhookReceiveStatus.InProgress, signature, webhookEvent);
        }

        if (_queue is not null)
        {
            bool queued;
            try
            {
                queued = await _queue.TryEnqueueAsync(new QueuedWebhookDelivery(WebhookDeliveryKeys.Digest(delivery.Body.Span), delivery.Body, delivery.Context), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await ReleaseAsync(claims).ConfigureAwait(false);
                WebhookLog.HandlerFailed(_logger, e, deliveryId, webhookEvent.WebhookEventName);
                return new WebhookReceiveResult(WebhookReceiveStatus.HandlerFailed, signature, webhookEvent, e);
            }
            if (!queued)
            {
                await ReleaseAsync(claims).ConfigureAwait(false);
                WebhookLog.QueueFull(_logger, deliveryId);
                return new WebhookReceiveResult(WebhookReceiveStatus.HandlerFailed, signature, webhookEvent, new InvalidOperationException("The delivery queue is full."));
            }
            await CompleteAsync(claims).ConfigureAwait(false);
            return new WebhookReceiveResult(WebhookReceiveStatus.Queued, signature, webhookEvent);
        }

        try
        {
            await dispatch(webhookEvent, delivery.Context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Give up the claims so the retry Jira sends after our error response is processed rather than dropped.
            await ReleaseAsync(claims).ConfigureAwait(false);
            WebhookLog.HandlerFailed(_logger, e, deliveryId, webhookEvent.WebhookEventName);
            return new WebhookReceiveResult(WebhookReceiveStatus.HandlerFailed, signature, webhookEvent, e);
        }

        await CompleteAsync(claims).ConfigureAwait(false);
        return new WebhookReceiveResult(WebhookReceiveStatus.Processed, signature, webhookEvent);
    }

    private async Task CompleteAsync(List<WebhookDeliveryClaim> claims)
    {
        // Not cancellable: the handlers ran, and forgetting that would process the delivery again.
        foreach (var claim in claims)
            if (!await _store.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false))
                WebhookLog.ClaimLost(_logger, claim.Key);
    }

    private async Task ReleaseAsync(List<WebhookDeliveryClaim> claims)
    {
        foreach (var claim in claims)
            await _store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
    }
}
