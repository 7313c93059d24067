using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using JiraSdk.Issues;
using JiraSdk.Paging;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;
using JiraSdk.Webhooks.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Polling;

/// <summary>
/// Where no webhook can be registered: runs a JQL search on a schedule (<c>updated &gt;= cursor ORDER BY updated, id</c>)
/// through <see cref="JiraClient"/> (<c>jira.V3.SearchIssuesAsync</c>, its V2 twin, or Data Center's offset search, as
/// <see cref="JqlPollingTriggerOptions.Endpoint"/> says), so retries, rate limits, error mapping and credentials are the
/// client's, and hands each new issue version to the same handlers as webhooks, as an <see cref="IssueCreatedEvent"/> or
/// <see cref="IssueUpdatedEvent"/> shaped like a webhook delivery (the <c>issue</c> as the search returned it). Each version is
/// emitted once: the query window overlaps the last one (JQL compares dates to the minute) and versions already emitted
/// there are skipped. The cursor is saved after every page, so a restart or a handler failure resumes where it stopped.
/// </summary>
public sealed class JqlPollingTrigger
{
    private static readonly Regex OrderBy = new(@"\border\s+by\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private readonly JiraClient _jira;
    private readonly JqlPollingTriggerOptions _options;
    private readonly IJiraWebhookHandler _handler;
    private readonly IPollingCursorStore _cursors;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly JiraWebhookParser _parser = new();
    private readonly JsonSerializerOptions _json = WebhookJson.CreateOptions();
    private readonly string _cursorKey;
    private readonly string[] _fields;
    private readonly string _flow;
    private readonly string _keyPrefix;

    /// <summary>Creates a trigger.</summary>
    /// <param name="jira">The client every search goes through.</param>
    /// <param name="options">What to poll for and how often.</param>
    /// <param name="handler">Receives the events (a <see cref="JiraWebhookEventProcessor"/> works as for webhooks).</param>
    /// <param name="cursors">Where the cursor is kept; in memory when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock of the schedule.</param>
    /// <param name="logger">Where failed polls are logged.</param>
    /// <exception cref="ArgumentException">The JQL has an <c>ORDER BY</c>, or an interval, page size or overlap is out of range.</exception>
    public JqlPollingTrigger(JiraClient jira, JqlPollingTriggerOptions options, IJiraWebhookHandler handler,
        IPollingCursorStore? cursors = null, TimeProvider? timeProvider = null, ILogger<JqlPollingTrigger>? logger = null)
        : this(jira, options, handler, cursors, timeProvider, logger, flow: "Polling", keyPrefix: "jql-poll")
    {
    }

    /// <summary>Creates a trigger whose events say where they come from.</summary>
    /// <param name="jira">The client every search goes through.</param>
    /// <param name="options">What to poll for and how often.</param>
    /// <param name="handler">Receives the events.</param>
    /// <param name="cursors">Where the cursor is kept; in memory when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock of the schedule.</param>
    /// <param name="logger">Where failed polls are logged.</param>
    /// <param name="flow">The <see cref="WebhookDeliveryContext.Flow"/> of the events: where they come from.</param>
    /// <param name="keyPrefix">Starts their delivery id, <c>{prefix}:{issue id}:{updated, ms since the epoch}</c>, and the
    /// default cursor key, <c>{prefix}:{jql}</c>.</param>
    internal JqlPollingTrigger(JiraClient jira, JqlPollingTriggerOptions options, IJiraWebhookHandler handler,
        IPollingCursorStore? cursors, TimeProvider? timeProvider, ILogger? logger, string flow, string keyPrefix)
    {
        _jira = jira ?? throw new ArgumentNullException(nameof(jira));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        if (OrderBy.IsMatch(options.Jql ?? "")) throw new ArgumentException("The JQL must not contain ORDER BY: the trigger orders by updated and id.", nameof(options));
        if (options.Interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "Interval must be positive.");
        if (options.PageSize <= 0) throw new ArgumentOutOfRangeException(nameof(options), "PageSize must be positive.");
        if (options.Overlap < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "Overlap must not be negative.");
        _cursors = cursors ?? new InMemoryPollingCursorStore();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _flow = flow;
        _keyPrefix = keyPrefix;
        _cursorKey = options.CursorKey ?? keyPrefix + ":" + options.Jql;
        _fields = options.Fields.Concat(new[] { "created", "updated" }).Distinct(StringComparer.Ordinal).ToArray();
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
            catch (Reconciliation.IssueChangeInProgressException e)
            {
                _logger.LogInformation("{Reason} Polling resumes there in {Interval}.", e.Message, _options.Interval);
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
    /// <exception cref="Exception">A handler failed or Jira refused the search (a <c>JiraSdk.Errors</c> exception); what was emitted before is remembered.</exception>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var stored = await _cursors.LoadAsync(_cursorKey, cancellationToken).ConfigureAwait(false);
        var watermark = stored?.Watermark ?? _options.StartAt ?? _timeProvider.GetUtcNow();
        var windowStart = FloorToMinute(watermark - _options.Overlap);
        var seen = new HashSet<PolledIssueVersion>(stored?.Seen ?? Array.Empty<PolledIssueVersion>());
        var seenIssueIds = new HashSet<string>(seen.Select(v => v.IssueId), StringComparer.Ordinal);

        var emitted = 0;
        try
        {
            await foreach (var page in SearchPagesAsync(BuildJql(windowStart), cancellationToken).ConfigureAwait(false))
            {
                foreach (var issue in page)
                {
                    if (issue.Id is not { } id || issue.Fields?.Updated is not { } updated) continue;
                    var version = new PolledIssueVersion(id, updated);
                    if (seen.Contains(version)) continue;

                    var isCreation = issue.Fields.Created is { } created && created >= windowStart && !seenIssueIds.Contains(id);
                    await EmitAsync(issue, version, isCreation, cancellationToken).ConfigureAwait(false);
                    seen.Add(version);
                    seenIssueIds.Add(id);
                    if (updated > watermark) watermark = updated;
                    emitted++;
                }
                await SaveAsync(watermark, seen, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // Keep what was emitted so far, so the next poll neither repeats it nor loses the rest.
            await SaveAsync(watermark, seen, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        return emitted;
    }

    /// <summary>The search's pages, through JiraClient's paging engine; v2 and v3 issues alike as the SDK's issue read model.</summary>
    private IAsyncEnumerable<IReadOnlyList<IJiraIssue>> SearchPagesAsync(string jql, CancellationToken cancellationToken) => _options.Endpoint switch
    {
        JqlSearchEndpoint.SearchJqlV2 => PagesOf(_jira.V2.SearchIssuesAsync(jql, _fields, pageSize: _options.PageSize, cancellationToken: cancellationToken), cancellationToken),
        JqlSearchEndpoint.DataCenterSearch => PagesOf(_jira.V2.SearchIssuesByOffsetAsync(jql, _fields, pageSize: _options.PageSize, cancellationToken: cancellationToken), cancellationToken),
        _ => PagesOf(_jira.V3.SearchIssuesAsync(jql, _fields, pageSize: _options.PageSize, cancellationToken: cancellationToken), cancellationToken),
    };

    private static async IAsyncEnumerable<IReadOnlyList<IJiraIssue>> PagesOf<TIssue>(JiraAsyncPageable<TIssue> search,
        [EnumeratorCancellation] CancellationToken cancellationToken) where TIssue : class, IJiraIssue
    {
        await foreach (var page in search.AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return page.Values;
    }

    private async Task EmitAsync(IJiraIssue issue, PolledIssueVersion version, bool isCreation, CancellationToken cancellationToken)
    {
        var milliseconds = version.Updated.ToUnixTimeMilliseconds();
        // Shaped as Jira's delivery of the same change and read by the webhook parser, so handlers cannot tell the
        // difference; the issue is written back as read (its fields are kept as Jira sent them).
        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteNumber("timestamp", milliseconds);
            json.WriteString("webhookEvent", isCreation ? WebhookEventNames.IssueCreated : WebhookEventNames.IssueUpdated);
            json.WriteString("issue_event_type_name", isCreation ? IssueEventTypeNames.IssueCreated : IssueEventTypeNames.IssueUpdated);
            json.WritePropertyName("issue");
            JsonSerializer.Serialize(json, issue, issue.GetType(), _json);
            json.WriteEndObject();
        }
        var webhookEvent = _parser.Parse(body.ToArray());
        var context = new WebhookDeliveryContext(
            $"{_keyPrefix}:{version.IssueId}:{milliseconds.ToString(CultureInfo.InvariantCulture)}", flow: _flow);
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
}
