using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;
using JiraSdk.Webhooks.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Queueing;

/// <summary>
/// Processes queued deliveries off Jira's request clock: dequeues, claims the delivery's key in the store under
/// <c>handled:</c> (so a durable queue redelivering after a crash does not run the handlers twice for a completed one),
/// runs the handlers, then completes and acknowledges; on failure it releases the claim and retries later with
/// exponential back-off (1 s doubling, at most <see cref="MaxRetryDelay"/>) until the queue's attempt limit, if it has
/// one, moves the delivery to its dead letters. A delivery whose key another processor holds, or one in hand when the
/// processor stops, is released to the queue without counting an attempt. Run it with <see cref="RunAsync"/> (ASP.NET
/// Core hosts it as a hosted service).
/// </summary>
public sealed class JiraWebhookQueueProcessor
{
    /// <summary>The longest wait between two attempts of a failing delivery: 5 minutes.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private readonly IWebhookDeliveryQueue _queue;
    private readonly IWebhookDeliveryStore _store;
    private readonly Func<JiraWebhookEvent, WebhookDeliveryContext, CancellationToken, Task> _dispatch;
    private readonly JiraWebhookParser _parser = new();
    private readonly ILogger _logger;

    /// <summary>Creates a processor.</summary>
    /// <param name="queue">The queue the receiver fills.</param>
    /// <param name="store">The delivery store (the receiver's).</param>
    /// <param name="handlers">The handlers, called in order for every event.</param>
    /// <param name="logger">Where failures are logged.</param>
    public JiraWebhookQueueProcessor(IWebhookDeliveryQueue queue, IWebhookDeliveryStore store, IEnumerable<IJiraWebhookHandler> handlers, ILogger<JiraWebhookQueueProcessor>? logger = null)
        : this(queue, store, ToDispatch(handlers), logger)
    {
    }

    internal JiraWebhookQueueProcessor(IWebhookDeliveryQueue queue, IWebhookDeliveryStore store,
        Func<JiraWebhookEvent, WebhookDeliveryContext, CancellationToken, Task> dispatch, ILogger? logger)
    {
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _dispatch = dispatch;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Processes deliveries until <paramref name="cancellationToken"/> is cancelled; one at a time, in queue order.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var delivery = await _queue.DequeueAsync(cancellationToken).ConfigureAwait(false);
                await ProcessAsync(delivery, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The queue's storage failed (a locked or full disk, a server out of reach). Stopping here would stop the host;
                // a delivery in hand comes back when its lease runs out, so pause and go on.
                QueueLog.QueueFailed(_logger, e, QueueFailurePause);
                try
                {
                    await Task.Delay(QueueFailurePause, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Processes one dequeued delivery: handles it once, acknowledges it, or schedules a retry.</summary>
    public async Task ProcessAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        WebhookDeliveryClaim? claim = null;
        try
        {
            claim = await _store.TryClaimAsync(WebhookDeliveryKeys.HandledPrefix + delivery.Key, cancellationToken).ConfigureAwait(false);
            if (claim.Status == WebhookDeliveryClaimStatus.Completed)
            {
                await _queue.AcknowledgeAsync(delivery, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            if (claim.Status == WebhookDeliveryClaimStatus.InProgress)
            {
                // Another processor (of a shared durable queue) has it; look again later in case that one dies.
                claim = null;
                await _queue.ReleaseAsync(delivery, InProgressRecheckDelay, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            JiraWebhookEvent webhookEvent;
            try
            {
                webhookEvent = _parser.Parse(delivery.Body);
            }
            catch (JiraWebhookPayloadException e)
            {
                // It parsed when it was received; only a changed parser gets here, and retrying cannot help.
                WebhookLog.QueuedMalformed(_logger, e, delivery.Context.DeliveryId);
                await _store.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false);
                await _queue.AcknowledgeAsync(delivery, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            await _dispatch(webhookEvent, delivery.Context, cancellationToken).ConfigureAwait(false);
            if (!await _store.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false)) WebhookLog.ClaimLost(_logger, claim.Key);
            await _queue.AcknowledgeAsync(delivery, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (claim is { Status: WebhookDeliveryClaimStatus.Claimed }) await _store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // Stopping is not the delivery's fault: hand it back as it was, for the next run (or another instance).
                await _queue.ReleaseAsync(delivery, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            var delay = Backoff(delivery.Attempt);
            if (await _queue.RetryLaterAsync(delivery, delay, CancellationToken.None).ConfigureAwait(false))
                WebhookLog.QueuedFailed(_logger, e, delivery.Context.DeliveryId, delivery.Attempt + 1, delay);
            else
                QueueLog.DeadLettered(_logger, e, delivery.Context.DeliveryId, delivery.Attempt + 1);
        }
    }

    // How long to wait after the queue itself failed before asking it again.
    private static readonly TimeSpan QueueFailurePause = TimeSpan.FromSeconds(1);

    // How soon to look again at a delivery whose key another processor holds: cheap to check, and that holder may have died.
    private static readonly TimeSpan InProgressRecheckDelay = TimeSpan.FromSeconds(5);

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempt, 20)), MaxRetryDelay.TotalSeconds));

    private static Func<JiraWebhookEvent, WebhookDeliveryContext, CancellationToken, Task> ToDispatch(IEnumerable<IJiraWebhookHandler> handlers)
    {
        var list = (handlers ?? throw new ArgumentNullException(nameof(handlers))).ToArray();
        return (e, context, token) => JiraWebhookReceiver.DispatchAsync(list, e, context, token);
    }
}
