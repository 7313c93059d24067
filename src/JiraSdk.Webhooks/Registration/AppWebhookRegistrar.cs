using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Registration;

/// <summary>Timing of app webhook refreshes.</summary>
public sealed class AppWebhookRegistrarOptions
{
    /// <summary>How long before expiry the webhooks are refreshed. Default 5 days, so a few failed attempts do no harm.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long to wait after a failed refresh before trying again. Default 1 hour.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long Jira keeps a webhook without a refresh, used when Jira does not say. Default 30 days.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>
/// Registers Jira Cloud app (dynamic) webhooks — <c>POST /rest/api/3/webhook</c>, for Connect and OAuth 2.0 apps — so that
/// each definition exists exactly once for its URL, and keeps them alive past Jira's 30-day expiry.
/// </summary>
/// <remarks>
/// An app has one webhook URL. <see cref="SubscribeAsync"/> treats the definitions it is given as the whole set for that URL:
/// webhooks that already match are kept (so a restart creates nothing), missing ones are created, and ones that no longer
/// match are deleted (Jira cannot update an app webhook, so a changed JQL or event list is a delete and a create).
/// </remarks>
public sealed class AppWebhookRegistrar
{
    private const string WebhookPath = "rest/api/3/webhook";
    private const int PageSize = 100;
    private readonly JiraWebhookRestClient _jira;
    private readonly AppWebhookRegistrarOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a registrar.</summary>
    /// <param name="jira">An <see cref="HttpClient"/> whose base address is the Jira site and whose handlers authenticate as the app.</param>
    /// <param name="options">Refresh timing.</param>
    /// <param name="timeProvider">The clock the refreshes are scheduled on.</param>
    /// <param name="logger">Where refresh failures are logged.</param>
    public AppWebhookRegistrar(HttpClient jira, AppWebhookRegistrarOptions? options = null, TimeProvider? timeProvider = null, ILogger<AppWebhookRegistrar>? logger = null)
    {
        _jira = new JiraWebhookRestClient(jira);
        _options = options ?? new AppWebhookRegistrarOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Makes the webhooks for <paramref name="url"/> exactly <paramref name="webhooks"/>, refreshes them, and schedules
    /// refreshes before they expire. Dispose the subscription to stop refreshing (the webhooks stay); call
    /// <see cref="AppWebhookSubscription.UnsubscribeAsync"/> to delete them.
    /// </summary>
    public async Task<AppWebhookSubscription> SubscribeAsync(string url, IReadOnlyList<AppWebhookDefinition> webhooks, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url)) throw new ArgumentException("The webhook URL is required.", nameof(url));
        if (webhooks is null || webhooks.Count == 0) throw new ArgumentException("At least one webhook definition is needed.", nameof(webhooks));

        var existing = (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(w => SameUrl(w.Url, url)).ToList();
        var kept = new List<RegisteredAppWebhook>();
        var missing = new List<AppWebhookDefinition>();
        foreach (var definition in webhooks)
        {
            var match = existing.FirstOrDefault(w => !kept.Contains(w) && definition.Matches(w));
            if (match is null) missing.Add(definition);
            else kept.Add(match);
        }

        var ids = kept.Select(w => w.Id).ToList();
        if (missing.Count > 0) ids.AddRange(await RegisterAsync(url, missing, cancellationToken).ConfigureAwait(false));

        var stale = existing.Where(w => !kept.Contains(w)).Select(w => w.Id).ToList();
        if (stale.Count > 0) await DeleteAsync(stale, cancellationToken).ConfigureAwait(false);

        var subscription = new AppWebhookSubscription(this, url, ids, _timeProvider, _options, _logger);
        await subscription.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    internal async Task<IReadOnlyList<RegisteredAppWebhook>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<RegisteredAppWebhook>();
        for (var startAt = 0; ; startAt += PageSize)
        {
            var page = await _jira.GetAsync(
                $"{WebhookPath}?startAt={startAt.ToString(CultureInfo.InvariantCulture)}&maxResults={PageSize.ToString(CultureInfo.InvariantCulture)}",
                cancellationToken).ConfigureAwait(false);
            var items = JsonRead.Items(page).ToList();
            foreach (var item in items)
            {
                all.Add(new RegisteredAppWebhook
                {
                    Id = JsonRead.Int64(item, "id") ?? throw new JiraWebhookRegistrationException("Jira listed a webhook without an id."),
                    Url = JsonRead.String(item, "url") ?? "",
                    Events = JsonRead.Strings(item, "events"),
                    JqlFilter = JsonRead.String(item, "jqlFilter"),
                    FieldIdsFilter = JsonRead.Strings(item, "fieldIdsFilter"),
                    IssuePropertyKeysFilter = JsonRead.Strings(item, "issuePropertyKeysFilter"),
                    ExpiresAt = JsonRead.Timestamp(item, "expirationDate"),
                });
            }
            var isLast = page is { } p ? JsonRead.Boolean(p, "isLast") : true;
            if (items.Count == 0 || isLast != false) return all;
        }
    }

    private async Task<IReadOnlyList<long>> RegisterAsync(string url, IReadOnlyList<AppWebhookDefinition> definitions, CancellationToken cancellationToken)
    {
        var webhooks = new JsonArray();
        foreach (var definition in definitions)
        {
            var webhook = new JsonObject
            {
                ["events"] = JsonRead.ArrayOf(definition.Events),
                ["jqlFilter"] = definition.JqlFilter,
            };
            if (definition.FieldIdsFilter.Count > 0)
                webhook["fieldIdsFilter"] = JsonRead.ArrayOf(definition.FieldIdsFilter);
            if (definition.IssuePropertyKeysFilter.Count > 0)
                webhook["issuePropertyKeysFilter"] = JsonRead.ArrayOf(definition.IssuePropertyKeysFilter);
            webhooks.Add(webhook);
        }
        var response = await _jira.PostAsync(WebhookPath, new JsonObject { ["url"] = url, ["webhooks"] = webhooks }, cancellationToken).ConfigureAwait(false);

        var results = response is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("webhookRegistrationResult", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : throw new JiraWebhookRegistrationException("Jira's answer to the webhook registration has no 'webhookRegistrationResult'.");
        var ids = new List<long>();
        var rejected = new List<RejectedAppWebhook>();
        for (var index = 0; index < definitions.Count; index++)
        {
            // Jira answers in request order; a missing entry is a refusal without a reason.
            var result = index < results.Count ? results[index] : default;
            if (result.ValueKind == JsonValueKind.Object && JsonRead.Int64(result, "createdWebhookId") is { } id) ids.Add(id);
            else rejected.Add(new RejectedAppWebhook(index, definitions[index],
                (result.ValueKind == JsonValueKind.Object ? JsonRead.Strings(result, "errors") : Enumerable.Empty<string>())
                    .DefaultIfEmpty("Jira rejected the webhook without giving a reason.").ToArray()));
        }
        if (rejected.Count > 0)
        {
            // Leave nothing half-registered behind: the next attempt starts from a clean slate for these definitions.
            if (ids.Count > 0) await DeleteAsync(ids, CancellationToken.None).ConfigureAwait(false);
            throw new JiraWebhookRegistrationException(rejected);
        }
        return ids;
    }

    internal async Task DeleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        await _jira.DeleteAsync(WebhookPath, IdsBody(ids), cancellationToken).ConfigureAwait(false);

    internal async Task<DateTimeOffset?> RefreshAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var response = await _jira.PutAsync(WebhookPath + "/refresh", IdsBody(ids), cancellationToken).ConfigureAwait(false);
        return response is { } r ? JsonRead.Timestamp(r, "expirationDate") : null;
    }

    private static JsonObject IdsBody(IReadOnlyList<long> ids) =>
        new() { ["webhookIds"] = JsonRead.ArrayOf(ids) };

    private static bool SameUrl(string left, string right) =>
        string.Equals(left.TrimEnd('/'), right.TrimEnd('/'), StringComparison.Ordinal);
}
