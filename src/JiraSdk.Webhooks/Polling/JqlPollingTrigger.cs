using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JiraSdk.V3;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;
using JiraSdk.Webhooks.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Polling;

/// <summary>
/// Where no webhook can be registered: runs a JQL search on a schedule (<c>updated &gt;= cursor ORDER BY updated, id</c>,
/// <c>POST /rest/api/3/search/jql</c> with <c>nextPageToken</c> paging) and hands each new issue version to the same
/// handlers as webhooks, as an <see cref="IssueCreatedEvent"/> or <see cref="IssueUpdatedEvent"/>. Each version is emitted
/// once: the query window overlaps the last one (JQL compares dates to the minute) and versions already emitted there
/// are skipped. The cursor is saved after every page, so a restart or a handler failure resumes where it stopped.
/// </summary>
public sealed class JqlPollingTrigger
{
    private static readonly Regex OrderBy = new(@"\border\s+by\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private readonly IIssueSearchClient _search;
    private readonly JqlPollingTriggerOptions _options;
    private readonly IJiraWebhookHandler _handler;
    private readonly IPollingCursorStore _cursors;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly JsonSerializerOptions _json = WebhookJson.CreateOptions();
    private readonly string _cursorKey;
    private readonly List<string> _fields;

    /// <summary>Creates a trigger.</summary>
    /// <param name="jira">An <see cref="HttpClient"/> whose base address is the Jira site and whose handlers authenticate.</param>
    /// <param name="options">What to poll for and how often.</param>
    /// <param name="handler">Receives the events (a <see cref="JiraWebhookEventProcessor"/> works as for webhooks).</param>
    /// <param name="cursors">Where the cursor is kept; in memory when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock of the schedule.</param>
    /// <param name="logger">Where failed polls are logged.</param>
    public JqlPollingTrigger(HttpClient jira, JqlPollingTriggerOptions options, IJiraWebhookHandler handler,
        IPollingCursorStore? cursors = null, TimeProvider? timeProvider = null, ILogger<JqlPollingTrigger>? logger = null)
        : this(new IssueSearchClient(jira ?? throw new ArgumentNullException(nameof(jira))), options, handler, cursors, timeProvider, logger)
    {
    }

    /// <summary>Creates a trigger over a generated search client.</summary>
    public JqlPollingTrigger(IIssueSearchClient search, JqlPollingTriggerOptions options, IJiraWebhookHandler handler,
        IPollingCursorStore? cursors = null, TimeProvider? timeProvider = null, ILogger<JqlPollingTrigger>? logger = null)
    {
        _search = search ?? throw new ArgumentNullException(nameof(search));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        if (OrderBy.IsMatch(options.Jql ?? "")) throw new ArgumentException("The JQL must not contain ORDER BY: the trigger orders by updated and id.", nameof(options));
        if (options.Interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "Interval must be positive.");
        if (options.PageSize <= 0) throw new ArgumentOutOfRangeException(nameof(options), "PageSize must be positive.");
        if (options.Overlap < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "Overlap must not be negative.");
        _cursors = cursors ?? new InMemoryPollingCursorStore();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _cursorKey = options.CursorKey ?? "jql-poll:" + options.Jql;
        _fields = options.Fields.Concat(new[] { "created", "updated" }).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Polls every <see cref="JqlPollingTriggerOptions.Interval"/> until cancelled; a failed poll is logged and retried next time.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        // Armed before the first poll, so polls keep a steady rate whatever a poll takes, and the schedule does not
        // depend on when this loop gets a thread back.
        using var ticks = new PeriodicTimer(_options.Interval, _timeProvider);
#endif
        while (!cancellationToken.IsCancellationRequested)
        {
#if !NET8_0_OR_GREATER
            var due = _timeProvider.GetUtcNow() + _options.Interval;
#endif
            try
            {
                await PollOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Polling Jira with JQL '{Jql}' failed; trying again in {Interval}.", _options.Jql, _options.Interval);
            }
            try
            {
#if NET8_0_OR_GREATER
                if (!await ticks.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false)) return;
#else
                var wait = due - _timeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero) await _timeProvider.Delay(wait, cancellationToken).ConfigureAwait(false);
#endif
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs the search once, emits every issue version not emitted before, and returns how many it emitted.</summary>
    /// <exception cref="Exception">A handler failed or Jira refused the search; what was emitted before is remembered.</exception>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var stored = await _cursors.LoadAsync(_cursorKey, cancellationToken).ConfigureAwait(false);
        var watermark = stored?.Watermark ?? _options.StartAt ?? _timeProvider.GetUtcNow();
        var windowStart = FloorToMinute(watermark - _options.Overlap);
        var seen = new HashSet<PolledIssueVersion>(stored?.Seen ?? Array.Empty<PolledIssueVersion>());
        var seenIssueIds = new HashSet<string>(seen.Select(v => v.IssueId), StringComparer.Ordinal);

        var request = new SearchAndReconcileRequestBean
        {
            Jql = BuildJql(windowStart),
            Fields = _fields,
            MaxResults = _options.PageSize,
        };
        var emitted = 0;
        try
        {
            do
            {
                var page = await _search.SearchAndReconsileIssuesUsingJqlPostAsync(request, cancellationToken).ConfigureAwait(false);
                foreach (var issue in page.Issues ?? Array.Empty<IssueBean>())
                {
                    if (issue.Id is null || ReadTime(issue, "updated") is not { } updated) continue;
                    var version = new PolledIssueVersion(issue.Id, updated);
                    if (seen.Contains(version)) continue;

                    var created = ReadTime(issue, "created");
                    var isCreation = created is { } c && c >= windowStart && !seenIssueIds.Contains(issue.Id);
                    await EmitAsync(issue, version, isCreation, cancellationToken).ConfigureAwait(false);
                    seen.Add(version);
                    seenIssueIds.Add(issue.Id);
                    if (updated > watermark) watermark = updated;
                    emitted++;
                }
                await SaveAsync(watermark, seen, cancellationToken).ConfigureAwait(false);
                request.NextPageToken = page.IsLast == true ? null : page.NextPageToken;
            }
            while (request.NextPageToken is not null);
        }
        catch
        {
            // Keep what was emitted so far, so the next poll neither repeats it nor loses the rest.
            await SaveAsync(watermark, seen, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        return emitted;
    }

    private async Task EmitAsync(IssueBean issue, PolledIssueVersion version, bool isCreation, CancellationToken cancellationToken)
    {
        IssueWebhookEvent webhookEvent = isCreation ? new IssueCreatedEvent() : new IssueUpdatedEvent();
        webhookEvent.WebhookEventName = isCreation ? WebhookEventNames.IssueCreated : WebhookEventNames.IssueUpdated;
        webhookEvent.IssueEventTypeName = isCreation ? IssueEventTypeNames.IssueCreated : IssueEventTypeNames.IssueUpdated;
        webhookEvent.TimestampMilliseconds = version.Updated.ToUnixTimeMilliseconds();
        webhookEvent.Issue = issue;
        webhookEvent.Raw = JsonSerializer.SerializeToElement(webhookEvent, webhookEvent.GetType(), _json);
        var context = new WebhookDeliveryContext(
            $"jql-poll:{version.IssueId}:{version.Updated.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}", flow: "Polling");
        await _handler.HandleAsync(webhookEvent, context, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask SaveAsync(DateTimeOffset watermark, HashSet<PolledIssueVersion> seen, CancellationToken cancellationToken)
    {
        // Only versions the next query can return again need remembering.
        var nextWindowStart = FloorToMinute(watermark - _options.Overlap);
        return _cursors.SaveAsync(_cursorKey, new PollingCursor(watermark, seen.Where(v => v.Updated >= nextWindowStart)), cancellationToken);
    }

    private string BuildJql(DateTimeOffset windowStart)
    {
        var local = TimeZoneInfo.ConvertTime(windowStart, _options.JqlTimeZone);
        var since = $"updated >= \"{local.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture)}\"";
        var jql = string.IsNullOrWhiteSpace(_options.Jql) ? since : $"({_options.Jql}) AND {since}";
        return jql + " ORDER BY updated ASC, id ASC";
    }

    private static DateTimeOffset FloorToMinute(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private static DateTimeOffset? ReadTime(IssueBean issue, string field)
    {
        if (issue.Fields is null || !issue.Fields.TryGetValue(field, out var value)) return null;
        // Read from Jira, a field is a JsonElement; one set by hand may be a plain string.
        var json = value switch
        {
            JsonElement element => element,
            string text => JsonSerializer.SerializeToElement(text),
            _ => default,
        };
        return JiraSdk.Serialization.JiraDateTimeOffsetConverter.TryRead(json, out var time) ? time : null;
    }
}
