using JiraSdk.Paging;
using JiraSdk.V3;

namespace JiraSdk.Webhooks.Registration;

/// <summary>
/// Jira Cloud app (dynamic) webhooks — <c>/rest/api/3/webhook</c>, for Connect and OAuth 2.0 apps — through
/// <see cref="JiraClient"/>'s generated Webhooks operations (its retries, error mapping and credentials): list them,
/// make a URL's set exactly the definitions wanted, refresh them before Jira's 30-day expiry, delete them, and list the
/// deliveries Jira gave up on. Stateless and thread-safe; <see cref="Lifecycle.AppWebhookRefreshService"/> runs the
/// refresh on a schedule and <see cref="Lifecycle.FailedWebhookRecoveryService"/> replays the failed deliveries.
/// </summary>
/// <remarks>
/// The client must authenticate as the app (OAuth 2.0 or Connect): Jira answers 403 to a user's credentials here. An app
/// has one webhook URL; Jira cannot update an app webhook, so a changed JQL or event list is a delete and a create.
/// </remarks>
public sealed class AppWebhookRegistrar
{
    /// <summary>The most app webhooks or failed deliveries Jira returns per page (spec: <c>maxResults</c>, default and maximum 100).</summary>
    public const int MaxPageSize = 100;

    private readonly JiraClient _jira;

    /// <summary>Creates a registrar.</summary>
    /// <param name="jira">A client authenticated as the app (OAuth 2.0 or Connect).</param>
    public AppWebhookRegistrar(JiraClient jira) => _jira = jira ?? throw new ArgumentNullException(nameof(jira));

    /// <summary>
    /// Every webhook the app has registered (<c>GET /rest/api/3/webhook</c>, spec operation <c>getDynamicWebhooksForApp</c>),
    /// one page at a time through the SDK's paging engine.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public JiraAsyncPageable<RegisteredAppWebhook> ListAsync(CancellationToken cancellationToken = default)
    {
        // The generated twin (EnumerateDynamicWebhooksForAppAsync) with the page's items read into the read model.
        return JiraPages.ByOffset(
            (startAt, size, ct) => _jira.V3.Webhooks.GetDynamicWebhooksForAppAsync(startAt, size, ct),
            page => new OffsetPage<RegisteredAppWebhook>(page.Values?.Select(RegisteredAppWebhook.From), page.StartAt, page.Total, page.IsLast),
            MaxPageSize, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Makes the app's webhooks for <paramref name="url"/> exactly <paramref name="webhooks"/>: webhooks that already match
    /// a definition are kept (so a restart creates nothing), missing ones are registered, and ones for the URL that match
    /// no definition are deleted. Webhooks for other URLs are left alone.
    /// </summary>
    /// <param name="url">Where Jira delivers; compared without a trailing slash.</param>
    /// <param name="webhooks">The whole set wanted for the URL.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>What exists now and what had to change.</returns>
    /// <exception cref="JiraWebhookRegistrationException">Jira refused one or more definitions (it answers 200 with per-webhook errors); <see cref="JiraWebhookRegistrationException.Rejected"/> names them.</exception>
    /// <exception cref="Errors.JiraApiException">Jira answered with an error status (403 for a caller that is not an app).</exception>
    public async Task<AppWebhookSyncResult> SyncAsync(string url, IReadOnlyList<AppWebhookDefinition> webhooks, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(url)) throw new ArgumentException("The webhook URL is required.", nameof(url));
        if (webhooks is null || webhooks.Count == 0) throw new ArgumentException("At least one webhook definition is needed.", nameof(webhooks));

        var existing = new List<RegisteredAppWebhook>();
        await foreach (var webhook in ListAsync(cancellationToken).ConfigureAwait(false))
            if (SameUrl(webhook.Url, url)) existing.Add(webhook);

        var kept = new RegisteredAppWebhook?[webhooks.Count];
        var missing = new List<int>();
        for (var i = 0; i < webhooks.Count; i++)
        {
            var match = existing.FirstOrDefault(w => !kept.Contains(w) && webhooks[i].Matches(w));
            if (match is null) missing.Add(i);
            else kept[i] = match;
        }

        var ids = kept.Select(w => w?.Id ?? 0).ToArray();
        if (missing.Count > 0)
        {
            var created = await RegisterAsync(url, missing.Select(i => webhooks[i]).ToList(), cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < missing.Count; j++) ids[missing[j]] = created[j];
        }

        var stale = existing.Where(w => !kept.Contains(w)).Select(w => w.Id).ToList();
        if (stale.Count > 0) await DeleteAsync(stale, cancellationToken).ConfigureAwait(false);

        return new AppWebhookSyncResult(ids, kept.Where(w => w is not null).Select(w => w!).ToList(), missing.Count, stale.Count);
    }

    /// <summary>
    /// Registers <paramref name="webhooks"/> for <paramref name="url"/> (<c>POST /rest/api/3/webhook</c>, spec operation
    /// <c>registerDynamicWebhooks</c>). When Jira refuses any of them, the ones it created are deleted again, so nothing
    /// is left half-registered.
    /// </summary>
    /// <returns>The new webhook ids, in the order of <paramref name="webhooks"/>.</returns>
    /// <exception cref="JiraWebhookRegistrationException">Jira refused one or more definitions; <see cref="JiraWebhookRegistrationException.Rejected"/> names each with Jira's reasons.</exception>
    public async Task<IReadOnlyList<long>> RegisterAsync(string url, IReadOnlyList<AppWebhookDefinition> webhooks, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(url)) throw new ArgumentException("The webhook URL is required.", nameof(url));
        if (webhooks is null || webhooks.Count == 0) throw new ArgumentException("At least one webhook definition is needed.", nameof(webhooks));
        var body = new WebhookRegistrationDetails { Url = url };
        foreach (var definition in webhooks) body.Webhooks.Add(definition.ToDetails());

        var response = await _jira.V3.Webhooks.RegisterDynamicWebhooksAsync(body, cancellationToken).ConfigureAwait(false);
        var results = response?.WebhookRegistrationResult?.ToList()
            ?? throw new JiraWebhookRegistrationException("Jira's answer to the webhook registration has no 'webhookRegistrationResult'.");
        var ids = new List<long>();
        var rejected = new List<RejectedAppWebhook>();
        for (var index = 0; index < webhooks.Count; index++)
        {
            // Jira answers in request order; a missing entry is a refusal without a reason.
            var result = index < results.Count ? results[index] : null;
            if (result?.CreatedWebhookId is { } id) ids.Add(id);
            else rejected.Add(new RejectedAppWebhook(index, webhooks[index],
                (result?.Errors ?? Enumerable.Empty<string>()).DefaultIfEmpty("Jira rejected the webhook without giving a reason.").ToArray()));
        }
        if (rejected.Count > 0)
        {
            // Leave nothing half-registered behind: the next attempt starts from a clean slate for these definitions.
            if (ids.Count > 0) await DeleteAsync(ids, CancellationToken.None).ConfigureAwait(false);
            throw new JiraWebhookRegistrationException(rejected);
        }
        return ids;
    }

    /// <summary>Extends the webhooks' life (<c>PUT /rest/api/3/webhook/refresh</c>, spec operation <c>refreshWebhooks</c>).</summary>
    /// <returns>When the refreshed webhooks now expire (Jira: 30 days from now).</returns>
    public async Task<DateTimeOffset> RefreshAsync(IReadOnlyCollection<long> webhookIds, CancellationToken cancellationToken = default)
    {
        if (webhookIds is null || webhookIds.Count == 0) throw new ArgumentException("At least one webhook id is needed.", nameof(webhookIds));
        var response = await _jira.V3.Webhooks.RefreshWebhooksAsync(Ids(webhookIds), cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeMilliseconds(response.ExpirationDate);
    }

    /// <summary>Deletes webhooks by id (<c>DELETE /rest/api/3/webhook</c>, spec operation <c>deleteWebhookById</c>); ids of other apps are ignored by Jira.</summary>
    public async Task DeleteAsync(IReadOnlyCollection<long> webhookIds, CancellationToken cancellationToken = default)
    {
        if (webhookIds is null || webhookIds.Count == 0) throw new ArgumentException("At least one webhook id is needed.", nameof(webhookIds));
        await _jira.V3.Webhooks.DeleteWebhookByIdAsync(Ids(webhookIds), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The deliveries to the app's webhooks that Jira gave up on after its retries (<c>GET /rest/api/3/webhook/failed</c>,
    /// spec operation <c>getFailedWebhooks</c>; Jira keeps them 72 hours), oldest first, paged by failure time: a page's
    /// continuation token is the failure time (epoch milliseconds) of its last item, Jira's <c>after</c>.
    /// </summary>
    /// <param name="after">Only failures after this instant; <see langword="null"/> for all Jira still keeps.</param>
    /// <param name="pageSize">Failures per request, at most <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public JiraAsyncPageable<FailedWebhookDelivery> ListFailedDeliveriesAsync(DateTimeOffset? after = null, int pageSize = MaxPageSize, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > MaxPageSize) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"Jira returns 1 to {MaxPageSize} failed deliveries per page.");
        var start = after?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return JiraPages.ByToken<FailedWebhooks, FailedWebhookDelivery>(
            (token, size, ct) =>
            {
                var since = token ?? start;
                return _jira.V3.Webhooks.GetFailedWebhooksAsync(size,
                    since is null ? null : long.Parse(since, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture), ct);
            },
            page =>
            {
                var values = (page.Values ?? []).Select(FailedWebhookDelivery.From).ToList();
                // Spec: a page shorter than maxResults is the last; "next" is present only when the page had results.
                var isLast = values.Count == 0 || values.Count < page.MaxResults || string.IsNullOrEmpty(page.Next);
                var next = values.Count == 0 ? null : values[values.Count - 1].FailureTime.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new TokenPage<FailedWebhookDelivery>(values, next, isLast);
            },
            pageSize, cancellationToken);
    }

    private static ContainerForWebhookIDs Ids(IEnumerable<long> ids)
    {
        var body = new ContainerForWebhookIDs();
        foreach (var id in ids) body.WebhookIds.Add(id);
        return body;
    }

    internal static bool SameUrl(string left, string right) =>
        string.Equals(left.TrimEnd('/'), right.TrimEnd('/'), StringComparison.Ordinal);
}

/// <summary>What <see cref="AppWebhookRegistrar.SyncAsync"/> found and did.</summary>
public sealed class AppWebhookSyncResult
{
    internal AppWebhookSyncResult(IReadOnlyList<long> webhookIds, IReadOnlyList<RegisteredAppWebhook> kept, int created, int deleted)
    {
        WebhookIds = webhookIds;
        Kept = kept;
        Created = created;
        Deleted = deleted;
    }

    /// <summary>The webhook ids, in the order of the definitions.</summary>
    public IReadOnlyList<long> WebhookIds { get; }

    /// <summary>The webhooks that already matched a definition, as Jira listed them (with their expiry).</summary>
    public IReadOnlyList<RegisteredAppWebhook> Kept { get; }

    /// <summary>How many webhooks were registered because no existing one matched (e.g. they vanished or expired away).</summary>
    public int Created { get; }

    /// <summary>How many webhooks for the URL were deleted because they match no definition.</summary>
    public int Deleted { get; }
}
