using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.Registration;

/// <summary>
/// App webhooks registered by <see cref="AppWebhookRegistrar.SubscribeAsync"/>, refreshed on a timer before Jira lets them
/// expire. Disposing stops the timer and leaves the webhooks registered (the next start finds and keeps them);
/// <see cref="UnsubscribeAsync"/> deletes them.
/// </summary>
public sealed class AppWebhookSubscription : IAsyncDisposable
{
    private readonly AppWebhookRegistrar _registrar;
    private readonly TimeProvider _timeProvider;
    private readonly AppWebhookRegistrarOptions _options;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private Task _scheduledRefresh = Task.CompletedTask;
    private bool _stopped;

    internal AppWebhookSubscription(AppWebhookRegistrar registrar, string url, IReadOnlyList<long> webhookIds, TimeProvider timeProvider, AppWebhookRegistrarOptions options, ILogger logger)
    {
        _registrar = registrar;
        Url = url;
        WebhookIds = webhookIds;
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger;
        _timer = timeProvider.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The URL the webhooks deliver to.</summary>
    public string Url { get; }

    /// <summary>The ids of the registered webhooks, in the order of the definitions.</summary>
    public IReadOnlyList<long> WebhookIds { get; }

    /// <summary>When the webhooks expire unless refreshed, as of the last successful refresh.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When the next refresh is due.</summary>
    public DateTimeOffset? NextRefreshAt { get; private set; }

    /// <summary>The refresh the timer started last; lets tests and shutdown wait for it.</summary>
    internal Task ScheduledRefresh
    {
        get { lock (_gate) return _scheduledRefresh; }
    }

    /// <summary>Extends the webhooks' life now (<c>PUT /rest/api/3/webhook/refresh</c>) and reschedules the next refresh.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var expiresAt = await _registrar.RefreshAsync(WebhookIds, cancellationToken).ConfigureAwait(false) ?? now + _options.Lifetime;
        ExpiresAt = expiresAt;
        var due = expiresAt - _options.RefreshBeforeExpiry - now;
        Schedule(due > TimeSpan.Zero ? due : _options.RetryAfterFailure);
    }

    /// <summary>Stops refreshing and deletes the webhooks (<c>DELETE /rest/api/3/webhook</c>).</summary>
    public async Task UnsubscribeAsync(CancellationToken cancellationToken)
    {
        await StopAsync().ConfigureAwait(false);
        await _registrar.DeleteAsync(WebhookIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops refreshing; the webhooks stay registered until they expire.</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task StopAsync()
    {
        Task pending;
        lock (_gate)
        {
            if (_stopped) return;
            _stopped = true;
            pending = _scheduledRefresh;
        }
        _stopping.Cancel();
        _timer.Dispose();
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The refresh in flight was cancelled by the stop itself.
        }
        _stopping.Dispose();
    }

    private void Schedule(TimeSpan due)
    {
        lock (_gate)
        {
            if (_stopped) return;
            NextRefreshAt = _timeProvider.GetUtcNow() + due;
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_stopped) return;
            _scheduledRefresh = RefreshFromTimerAsync();
        }
    }

    private async Task RefreshFromTimerAsync()
    {
        try
        {
            await RefreshAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Refreshing Jira app webhooks {WebhookIds} failed; trying again in {RetryAfter}.", WebhookIds, _options.RetryAfterFailure);
            Schedule(_options.RetryAfterFailure);
        }
    }
}
