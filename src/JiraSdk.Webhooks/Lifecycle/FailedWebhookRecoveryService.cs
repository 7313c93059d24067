using System.Threading.Channels;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Registration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Lifecycle;

/// <summary>How <see cref="FailedWebhookRecoveryService"/> polls for failed deliveries.</summary>
public sealed class FailedWebhookRecoveryOptions
{
    /// <summary>How often the hosted service asks Jira for deliveries it gave up on. Default 1 hour (Jira's own suggestion); Jira keeps them 72 hours.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Only failures to this URL are processed (compared without a trailing slash); <see langword="null"/> for all of the app's.</summary>
    public string? Url { get; set; }

    /// <summary>Failures per request, 1 to <see cref="AppWebhookRegistrar.MaxPageSize"/>.</summary>
    public int PageSize { get; set; } = AppWebhookRegistrar.MaxPageSize;

    internal void Validate()
    {
        if (PollInterval <= TimeSpan.Zero) throw new ArgumentException($"{nameof(FailedWebhookRecoveryOptions)}.{nameof(PollInterval)} must be positive.");
        if (PageSize is < 1 or > AppWebhookRegistrar.MaxPageSize)
            throw new ArgumentException($"{nameof(FailedWebhookRecoveryOptions)}.{nameof(PageSize)} must be between 1 and {AppWebhookRegistrar.MaxPageSize}.");
    }
}

/// <summary>What one pass of <see cref="FailedWebhookRecoveryService"/> did.</summary>
public sealed class FailedWebhookRecoveryResult
{
    internal FailedWebhookRecoveryResult(int fetched, int processed, int duplicates, int skipped, int pending)
    {
        Fetched = fetched;
        Processed = processed;
        Duplicates = duplicates;
        Skipped = skipped;
        Pending = pending;
    }

    /// <summary>How many failed deliveries Jira listed after the last pass's position.</summary>
    public int Fetched { get; }

    /// <summary>How many went to the handlers (or the delivery queue).</summary>
    public int Processed { get; }

    /// <summary>How many had already been processed, from a live delivery or an earlier pass, and were not handled again.</summary>
    public int Duplicates { get; }

    /// <summary>How many cannot be processed: another URL, no body, or not a webhook payload.</summary>
    public int Skipped { get; }

    /// <summary>How many a handler failed on, or another instance was still processing; the next pass tries them again.</summary>
    public int Pending { get; }
}

/// <summary>
/// Replays the deliveries Jira gave up on (<c>GET /rest/api/3/webhook/failed</c>, through the app's JiraClient) into the
/// receiver's own path: the same de-duplication keys (the delivery identifier Jira lists and the body digest, in the same
/// <see cref="IWebhookDeliveryStore"/>), parser and handlers (or delivery queue) as live deliveries, so an event already
/// processed from a live delivery is not handled twice. Runs as a hosted service every
/// <see cref="FailedWebhookRecoveryOptions.PollInterval"/>; <see cref="RecoverOnceAsync"/> runs one pass.
/// </summary>
/// <remarks>
/// The position (the failure time of the last delivery finished with) is kept in memory: after a restart the first pass
/// reads all failures Jira still keeps (72 hours) and the store's memory of processed keys de-duplicates them, so keep the
/// store's retention at least that long. A delivery whose handler fails keeps the position before it and is tried again
/// on the next pass. Failed deliveries carry no signature; the authenticated call that fetched them vouches for them.
/// </remarks>
public sealed class FailedWebhookRecoveryService : BackgroundService
{
    private readonly AppWebhookRegistrar _registrar;
    private readonly JiraWebhookReceiver _receiver;
    private readonly Func<JiraWebhookEvent, WebhookDeliveryContext, CancellationToken, Task>? _dispatch;
    private readonly FailedWebhookRecoveryOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly PeriodicPasses _passes;
    private DateTimeOffset? _after;

    /// <summary>Creates the service.</summary>
    /// <param name="registrar">The registrar, over a client authenticated as the app.</param>
    /// <param name="receiver">The receiver live deliveries go through: its store, handlers and queue are used.</param>
    /// <param name="options">Poll interval, URL and page size.</param>
    /// <param name="timeProvider">The clock the passes are scheduled on.</param>
    /// <param name="logger">Where passes and failures are logged.</param>
    public FailedWebhookRecoveryService(AppWebhookRegistrar registrar, JiraWebhookReceiver receiver, FailedWebhookRecoveryOptions? options = null,
        TimeProvider? timeProvider = null, ILogger<FailedWebhookRecoveryService>? logger = null)
        : this(registrar, receiver, null, options, timeProvider, logger)
    {
    }

    /// <summary>Creates the service with handlers that are resolved per delivery (ASP.NET Core's scoped handlers).</summary>
    internal FailedWebhookRecoveryService(AppWebhookRegistrar registrar, JiraWebhookReceiver receiver,
        Func<JiraWebhookEvent, WebhookDeliveryContext, CancellationToken, Task>? dispatch, FailedWebhookRecoveryOptions? options,
        TimeProvider? timeProvider, ILogger? logger)
    {
        _registrar = registrar ?? throw new ArgumentNullException(nameof(registrar));
        _receiver = receiver ?? throw new ArgumentNullException(nameof(receiver));
        _dispatch = dispatch;
        _options = options ?? new FailedWebhookRecoveryOptions();
        _options.Validate();
        _passes = new PeriodicPasses(timeProvider ?? TimeProvider.System, _options.PollInterval);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The failure time up to which every failed delivery has been dealt with; <see langword="null"/> before the first pass.</summary>
    public DateTimeOffset? Position => _after;

    /// <summary>Each finished pass of the hosted loop (its error, or <see langword="null"/>), for tests to wait on.</summary>
    internal ChannelReader<Exception?> Ticks => _passes.Ticks;

    /// <summary>One pass now: fetches the failures after the last position and processes each once.</summary>
    /// <param name="cancellationToken">Cancels the calls and the handlers.</param>
    /// <exception cref="Errors.JiraException">Listing the failures failed (e.g. 403 for a caller that is not an app).</exception>
    public async Task<FailedWebhookRecoveryResult> RecoverOnceAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            int fetched = 0, processed = 0, duplicates = 0, skipped = 0, pending = 0;
            var blocked = false;
            await foreach (var failure in _registrar.ListFailedDeliveriesAsync(_after, _options.PageSize, cancellationToken).ConfigureAwait(false))
            {
                fetched++;
                var done = true;
                if (_options.Url is { } url && !AppWebhookRegistrar.SameUrl(failure.Url, url)) skipped++;
                else if (failure.Body is null)
                {
                    LifecycleLog.NoBody(_logger, failure.Id);
                    skipped++;
                }
                else
                {
                    var result = await _receiver.ReceiveFetchedAsync(failure.ToDelivery(), _dispatch, cancellationToken).ConfigureAwait(false);
                    switch (result.Status)
                    {
                        case WebhookReceiveStatus.Processed or WebhookReceiveStatus.Queued: processed++; break;
                        case WebhookReceiveStatus.Duplicate: duplicates++; break;
                        case WebhookReceiveStatus.MalformedPayload: skipped++; break; // logged by the receiver; retrying cannot help
                        default:
                            LifecycleLog.NotRecovered(_logger, failure.Id, result.Status);
                            pending++;
                            done = false;
                            break;
                    }
                }
                // The position moves only over an unbroken run of finished deliveries; later ones are de-duplicated next time.
                if (!done) blocked = true;
                else if (!blocked) _after = failure.FailureTime;
            }
            LifecycleLog.Recovered(_logger, fetched, processed, duplicates, skipped, pending);
            return new FailedWebhookRecoveryResult(fetched, processed, duplicates, skipped, pending);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _passes.RunAsync(token => RecoverOnceAsync(token), e => LifecycleLog.RecoveryFailed(_logger, e, _options.PollInterval), stoppingToken);

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _pass.Dispose();
    }
}
