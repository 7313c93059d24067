using System.Threading.Channels;
using JiraSdk.Webhooks.Registration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Lifecycle;

/// <summary>What <see cref="AppWebhookRefreshService"/> keeps registered, and how often it looks.</summary>
public sealed class AppWebhookRefreshOptions
{
    /// <summary>The app's webhook URL (Jira allows one per app).</summary>
    public string Url { get; set; } = "";

    /// <summary>The webhooks wanted for <see cref="Url"/>: the whole set (webhooks for the URL that match none are deleted).</summary>
    public IList<AppWebhookDefinition> Webhooks { get; } = new List<AppWebhookDefinition>();

    /// <summary>
    /// How often the service lists the app's webhooks, re-registers vanished ones and refreshes those close to expiry; also
    /// the wait after a failed pass. Default 1 hour. Must be shorter than <see cref="RefreshBeforeExpiry"/>.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A webhook is refreshed once it expires within this span. Default 5 days of Jira's 30, so many failed passes in a
    /// row still do no harm.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromDays(5);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Url)) throw new ArgumentException($"{nameof(AppWebhookRefreshOptions)}.{nameof(Url)} is required.");
        if (Webhooks.Count == 0) throw new ArgumentException($"{nameof(AppWebhookRefreshOptions)}.{nameof(Webhooks)} needs at least one definition.");
        if (Interval <= TimeSpan.Zero) throw new ArgumentException($"{nameof(AppWebhookRefreshOptions)}.{nameof(Interval)} must be positive.");
        if (Interval >= RefreshBeforeExpiry)
            throw new ArgumentException($"{nameof(AppWebhookRefreshOptions)}.{nameof(Interval)} ({Interval}) must be shorter than {nameof(RefreshBeforeExpiry)} ({RefreshBeforeExpiry}), or a webhook could expire between two passes.");
    }
}

/// <summary>What one pass of <see cref="AppWebhookRefreshService"/> did.</summary>
public sealed class AppWebhookRefreshResult
{
    internal AppWebhookRefreshResult(IReadOnlyList<long> webhookIds, int registered, int deleted, int refreshed, DateTimeOffset? expiresAt)
    {
        WebhookIds = webhookIds;
        Registered = registered;
        Deleted = deleted;
        Refreshed = refreshed;
        ExpiresAt = expiresAt;
    }

    /// <summary>The webhook ids, in the order of the definitions.</summary>
    public IReadOnlyList<long> WebhookIds { get; }

    /// <summary>How many webhooks were registered (first start, or they vanished).</summary>
    public int Registered { get; }

    /// <summary>How many webhooks for the URL were deleted because they match no definition.</summary>
    public int Deleted { get; }

    /// <summary>How many webhooks were refreshed because they were close to expiry.</summary>
    public int Refreshed { get; }

    /// <summary>The earliest expiry Jira reported for the kept and refreshed webhooks; <see langword="null"/> when it reported none.</summary>
    public DateTimeOffset? ExpiresAt { get; }
}

/// <summary>
/// Keeps an app's dynamic webhooks alive as a hosted service: at start and then every <see cref="AppWebhookRefreshOptions.Interval"/>
/// (on the injected <see cref="TimeProvider"/>) it makes the app's webhooks for the URL exactly the definitions
/// (re-registering any that vanished, e.g. expired and removed by Jira), and refreshes those that expire within
/// <see cref="AppWebhookRefreshOptions.RefreshBeforeExpiry"/> (<c>PUT /rest/api/3/webhook/refresh</c>; Jira stops
/// delivering 30 days after registration or the last refresh). A failed pass is logged and tried again on the next
/// tick; it never stops the host. Stopping leaves the webhooks registered, so the next start keeps them.
/// </summary>
public sealed class AppWebhookRefreshService : BackgroundService
{
    private readonly AppWebhookRegistrar _registrar;
    private readonly AppWebhookRefreshOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly PeriodicPasses _passes;

    /// <summary>Creates the service.</summary>
    /// <param name="registrar">The registrar, over a client authenticated as the app.</param>
    /// <param name="options">The URL, the definitions and the timing.</param>
    /// <param name="timeProvider">The clock the passes are scheduled on.</param>
    /// <param name="logger">Where passes and failures are logged.</param>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent.</exception>
    public AppWebhookRefreshService(AppWebhookRegistrar registrar, AppWebhookRefreshOptions options, TimeProvider? timeProvider = null, ILogger<AppWebhookRefreshService>? logger = null)
    {
        _registrar = registrar ?? throw new ArgumentNullException(nameof(registrar));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _passes = new PeriodicPasses(_time, _options.Interval);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The outcome of the last successful pass, or <see langword="null"/> before the first.</summary>
    public AppWebhookRefreshResult? LastResult { get; private set; }

    /// <summary>Each finished pass of the hosted loop (its error, or <see langword="null"/>), for tests to wait on.</summary>
    internal ChannelReader<Exception?> Ticks => _passes.Ticks;

    /// <summary>
    /// One pass now: registers missing webhooks, deletes ones matching no definition, refreshes those close to expiry.
    /// </summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="JiraWebhookRegistrationException">Jira refused a definition.</exception>
    /// <exception cref="Errors.JiraException">A call to Jira failed.</exception>
    public async Task<AppWebhookRefreshResult> RefreshOnceAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            AppWebhookSyncResult sync;
            try
            {
                sync = await _registrar.SyncAsync(_options.Url, _options.Webhooks.ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (JiraWebhookRegistrationException)
            {
                // One refused definition must not let the accepted ones expire: refresh those, then report the refusal.
                var existing = new List<RegisteredAppWebhook>();
                await foreach (var webhook in _registrar.ListAsync(cancellationToken).ConfigureAwait(false))
                    if (AppWebhookRegistrar.SameUrl(webhook.Url, _options.Url)) existing.Add(webhook);
                await RefreshDueAsync(existing, cancellationToken).ConfigureAwait(false);
                throw;
            }
            var (refreshed, expiresAt) = await RefreshDueAsync(sync.Kept, cancellationToken).ConfigureAwait(false);
            var result = new AppWebhookRefreshResult(sync.WebhookIds, sync.Created, sync.Deleted, refreshed, expiresAt);
            LastResult = result;
            LifecycleLog.Synchronised(_logger, _options.Url, result.Registered, result.Deleted, result.Refreshed, result.WebhookIds.Count);
            return result;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>Refreshes the webhooks that expire within <see cref="AppWebhookRefreshOptions.RefreshBeforeExpiry"/> (or do not say when).</summary>
    /// <returns>How many were refreshed, and the earliest expiry among all of them afterwards.</returns>
    private async Task<(int Refreshed, DateTimeOffset? ExpiresAt)> RefreshDueAsync(IReadOnlyList<RegisteredAppWebhook> webhooks, CancellationToken cancellationToken)
    {
        var dueBy = _time.GetUtcNow() + _options.RefreshBeforeExpiry;
        var due = webhooks.Where(w => w.ExpiresAt is not { } expiry || expiry <= dueBy).Select(w => w.Id).ToList();
        var expiries = webhooks.Where(w => !due.Contains(w.Id) && w.ExpiresAt is not null).Select(w => w.ExpiresAt!.Value).ToList();
        if (due.Count > 0) expiries.Add(await _registrar.RefreshAsync(due, cancellationToken).ConfigureAwait(false));
        return (due.Count, expiries.Count > 0 ? expiries.Min() : null);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _passes.RunAsync(token => RefreshOnceAsync(token), e => LifecycleLog.RefreshFailed(_logger, e, _options.Url, _options.Interval), stoppingToken);

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _pass.Dispose();
    }
}
