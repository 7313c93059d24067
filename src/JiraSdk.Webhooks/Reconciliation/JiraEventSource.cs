using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Polling;
using JiraSdk.Webhooks.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Reconciliation;

/// <summary>
/// Gap-free Jira events: webhook deliveries and a reconciliation poll feeding the same handlers, each issue change handled
/// once. Give it to the receiver as its handler (<see cref="HandleAsync"/>, the delivery path) and run
/// <see cref="RunReconciliationAsync"/> (or <see cref="ReconcileOnceAsync"/>): the poll searches
/// <c>updated &gt;= watermark</c> through <see cref="JiraClient"/> (<c>/search/jql</c>), the watermark persisted in the
/// polling cursor store, so after downtime it emits the changes whose webhooks were missed.
/// </summary>
/// <remarks>
/// <para>
/// A change is an issue id and its <c>updated</c> time. Both paths claim it in the change store (the delivery store works:
/// keys start with <c>issue-change:</c>), so a change delivered by webhook is skipped by a later poll, one the poll
/// emitted first is skipped when its late webhook (a retry, a failed delivery replayed) arrives, and a change being handled
/// on one path makes the other retry later rather than handle it twice or drop it. Only <c>jira:issue_created</c> and
/// <c>jira:issue_updated</c> are keyed; other events pass straight through, as do further deliveries of a version that a
/// delivery (not the poll) already handled.
/// </para>
/// <para>
/// Limits: the poll sees an issue's latest version only (several missed updates arrive as one
/// <see cref="IssueUpdatedEvent"/> without a changelog), and cannot see deletions. The change store must remember keys
/// longer than Jira may still deliver (retries for about 30 minutes; failed deliveries for 72 hours).
/// </para>
/// </remarks>
public sealed class JiraEventSource : IJiraWebhookHandler
{
    private readonly IJiraWebhookHandler _handler;
    private readonly IWebhookDeliveryStore _changes;
    private readonly JqlPollingTrigger _poll;
    private readonly ILogger _logger;

    /// <summary>Creates an event source.</summary>
    /// <param name="jira">The client the reconciliation poll searches through.</param>
    /// <param name="options">What to reconcile and how often.</param>
    /// <param name="handler">The handlers both paths feed (e.g. a <see cref="JiraWebhookEventProcessor"/>).</param>
    /// <param name="changes">Where handled changes are remembered; share it between instances (the Redis delivery store).
    /// A <see cref="MemoryWebhookDeliveryStore"/> keeping keys 72 hours when <see langword="null"/>.</param>
    /// <param name="cursors">Where the reconciliation watermark is persisted; in memory when <see langword="null"/> (then a
    /// restart reconciles from its first poll on, not from where it stopped).</param>
    /// <param name="timeProvider">The clock of the schedule and the memory store.</param>
    /// <param name="logger">Where skipped changes and failed polls are logged.</param>
    /// <exception cref="ArgumentException">The reconciliation options are out of range (see <see cref="JqlPollingTrigger"/>).</exception>
    public JiraEventSource(JiraClient jira, JiraEventSourceOptions options, IJiraWebhookHandler handler,
        IWebhookDeliveryStore? changes = null, IPollingCursorStore? cursors = null, TimeProvider? timeProvider = null, ILogger<JiraEventSource>? logger = null)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _changes = changes ?? new MemoryWebhookDeliveryStore(new MemoryWebhookDeliveryStoreOptions { RetentionPeriod = TimeSpan.FromHours(73) }, timeProvider);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var poll = options.Reconciliation ?? throw new ArgumentException("Reconciliation options are required.", nameof(options));
        _poll = new JqlPollingTrigger(jira, poll, new ReconciledPath(this), cursors, timeProvider, _logger, flow: "Reconciliation", keyPrefix: "reconcile");
    }

    /// <summary>
    /// The delivery path: hands a delivered event to the handlers unless the reconciliation poll already handled its change.
    /// Register the source as the receiver's handler.
    /// </summary>
    /// <exception cref="Exception">A handler failed, or the change is being handled by the poll right now: either way the
    /// receiver answers with a retryable status and Jira delivers again.</exception>
    public Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) =>
        DeliverAsync(webhookEvent, context, _handler.HandleAsync, cancellationToken);

    /// <summary>
    /// Runs the reconciliation poll now (from the persisted watermark) and returns how many new changes it found: those it
    /// handed to the handlers and those it skipped because a delivery had handled them.
    /// </summary>
    /// <exception cref="Exception">A handler failed, Jira refused the search, or a change was being handled by a delivery; the
    /// watermark keeps what was done, the next run carries on.</exception>
    public Task<int> ReconcileOnceAsync(CancellationToken cancellationToken) => _poll.PollOnceAsync(cancellationToken);

    /// <summary>Reconciles at once (catching up after downtime), then every interval, until cancelled; failures are logged and retried next time.</summary>
    public Task RunReconciliationAsync(CancellationToken cancellationToken) => _poll.RunAsync(cancellationToken);

    /// <summary>The delivery path with handlers chosen per delivery (the ASP.NET Core endpoint's scoped handlers).</summary>
    internal async Task DeliverAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context,
        Func<JiraWebhookEvent, WebhookDeliveryContext, CancellationToken, Task> dispatch, CancellationToken cancellationToken)
    {
        if (webhookEvent is null) throw new ArgumentNullException(nameof(webhookEvent));
        if (IssueChange.KeyOf(webhookEvent) is not { } key)
        {
            await dispatch(webhookEvent, context, cancellationToken).ConfigureAwait(false);
            return;
        }
        var claim = await _changes.TryClaimAsync(key, cancellationToken).ConfigureAwait(false);
        switch (claim.Status)
        {
            case WebhookDeliveryClaimStatus.InProgress:
                throw new IssueChangeInProgressException(key);
            case WebhookDeliveryClaimStatus.Completed:
                if (await WasReconciledAsync(key, cancellationToken).ConfigureAwait(false))
                {
                    _logger.LogDebug("Issue change {Key} was handled by the reconciliation poll; its delivery {DeliveryId} is skipped.", key, context.DeliveryId);
                    return;
                }
                // Another delivery of the same issue version: a delivery of its own, not a repeat of the poll's.
                await dispatch(webhookEvent, context, cancellationToken).ConfigureAwait(false);
                return;
            default:
                await HandleClaimedAsync(claim, marker: null, () => dispatch(webhookEvent, context, cancellationToken)).ConfigureAwait(false);
                return;
        }
    }

    private async Task HandleReconciledAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        // The poll emits only issue-created/updated events read from a search, so the key is there.
        var key = IssueChange.KeyOf(webhookEvent) ?? throw new InvalidOperationException("A polled issue event has no id or updated time.");
        var claim = await _changes.TryClaimAsync(key, cancellationToken).ConfigureAwait(false);
        if (claim.Status == WebhookDeliveryClaimStatus.Completed)
        {
            _logger.LogDebug("Issue change {Key} was delivered by webhook; reconciliation skips it.", key);
            return;
        }
        if (claim.Status == WebhookDeliveryClaimStatus.InProgress) throw new IssueChangeInProgressException(key);

        WebhookDeliveryClaim marker;
        try
        {
            marker = await _changes.TryClaimAsync(IssueChange.ReconciledMarker(key), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _changes.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        _logger.LogInformation("Reconciliation found issue change {Key}, which no webhook delivered; handling it.", key);
        await HandleClaimedAsync(claim, marker.Status == WebhookDeliveryClaimStatus.Claimed ? marker : null,
            () => _handler.HandleAsync(webhookEvent, context, cancellationToken)).ConfigureAwait(false);
    }

    private async Task HandleClaimedAsync(WebhookDeliveryClaim claim, WebhookDeliveryClaim? marker, Func<Task> handle)
    {
        try
        {
            await handle().ConfigureAwait(false);
        }
        catch
        {
            if (marker is not null) await _changes.ReleaseAsync(marker, CancellationToken.None).ConfigureAwait(false);
            await _changes.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        // Not cancellable: the handlers ran. The marker first, so whoever sees the change done also sees who did it.
        if (marker is not null) await _changes.CompleteAsync(marker, CancellationToken.None).ConfigureAwait(false);
        if (!await _changes.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false))
            _logger.LogWarning("The claim on issue change {Key} lapsed while it was handled; another path may handle it again.", claim.Key);
    }

    private async Task<bool> WasReconciledAsync(string key, CancellationToken cancellationToken)
    {
        // The store has no read: a claim that is granted shows the marker absent (and is given back at once). The poll
        // completes the marker before the change, so a change seen done with no marker was done by a delivery.
        var marker = await _changes.TryClaimAsync(IssueChange.ReconciledMarker(key), cancellationToken).ConfigureAwait(false);
        if (marker.Status == WebhookDeliveryClaimStatus.Claimed)
        {
            await _changes.ReleaseAsync(marker, CancellationToken.None).ConfigureAwait(false);
            return false;
        }
        return marker.Status == WebhookDeliveryClaimStatus.Completed;
    }

    /// <summary>The poll's handler: the reconciliation path of the same source.</summary>
    private sealed class ReconciledPath(JiraEventSource source) : IJiraWebhookHandler
    {
        public Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) =>
            source.HandleReconciledAsync(webhookEvent, context, cancellationToken);
    }
}
