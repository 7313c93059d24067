namespace JiraSdk.Webhooks.Registration;

/// <summary>
/// One app (dynamic) webhook: which events, narrowed by which JQL. Jira Cloud accepts only a subset of JQL here
/// (<c>project</c>, <c>issuetype</c>, <c>status</c>, <c>assignee</c>, <c>reporter</c>, <c>issueKey</c>, <c>issue.property</c>
/// with <c>=</c>, <c>!=</c>, <c>IN</c>, <c>NOT IN</c>).
/// </summary>
public sealed class AppWebhookDefinition
{
    /// <summary>Creates a definition.</summary>
    public AppWebhookDefinition(IEnumerable<string> events, string jqlFilter)
    {
        Events = (events ?? throw new ArgumentNullException(nameof(events))).ToList();
        if (Events.Count == 0) throw new ArgumentException("At least one event is needed.", nameof(events));
        JqlFilter = string.IsNullOrWhiteSpace(jqlFilter) ? throw new ArgumentException("Jira requires a JQL filter.", nameof(jqlFilter)) : jqlFilter.Trim();
    }

    /// <summary>The <c>webhookEvent</c> names (see <see cref="Events.WebhookEventNames"/>).</summary>
    public IList<string> Events { get; }

    /// <summary>The JQL filter.</summary>
    public string JqlFilter { get; }

    /// <summary>Limits <c>jira:issue_updated</c> to changes of these fields.</summary>
    public IList<string> FieldIdsFilter { get; set; } = new List<string>();

    /// <summary>Limits issue property events to these property keys.</summary>
    public IList<string> IssuePropertyKeysFilter { get; set; } = new List<string>();

    internal bool Matches(RegisteredAppWebhook existing) =>
        JsonRead.SameSet(Events, existing.Events)
        && string.Equals(JqlFilter, existing.JqlFilter?.Trim(), StringComparison.Ordinal)
        && JsonRead.SameSet(FieldIdsFilter, existing.FieldIdsFilter)
        && JsonRead.SameSet(IssuePropertyKeysFilter, existing.IssuePropertyKeysFilter);

    internal V3.WebhookDetails ToDetails()
    {
        var details = new V3.WebhookDetails { JqlFilter = JqlFilter };
        foreach (var name in Events) details.Events.Add(V3.WebhookDetailsEventsItem.FromValue(name));
        if (FieldIdsFilter.Count > 0) details.FieldIdsFilter = FieldIdsFilter.ToList();
        if (IssuePropertyKeysFilter.Count > 0) details.IssuePropertyKeysFilter = IssuePropertyKeysFilter.ToList();
        return details;
    }
}

/// <summary>An app webhook as Jira lists it (spec schema <c>Webhook</c>).</summary>
public sealed class RegisteredAppWebhook
{
    internal RegisteredAppWebhook(long id, string url, IReadOnlyList<string> events, string? jqlFilter,
        IReadOnlyList<string> fieldIdsFilter, IReadOnlyList<string> issuePropertyKeysFilter, DateTimeOffset? expiresAt)
    {
        Id = id;
        Url = url;
        Events = events;
        JqlFilter = jqlFilter;
        FieldIdsFilter = fieldIdsFilter;
        IssuePropertyKeysFilter = issuePropertyKeysFilter;
        ExpiresAt = expiresAt;
    }

    internal static RegisteredAppWebhook From(V3.Webhook webhook) => new(
        webhook.Id,
        webhook.Url ?? "",
        webhook.Events?.Where(e => e is not null).Select(e => e.Value).ToArray() ?? Array.Empty<string>(),
        webhook.JqlFilter,
        webhook.FieldIdsFilter?.ToArray() ?? Array.Empty<string>(),
        webhook.IssuePropertyKeysFilter?.ToArray() ?? Array.Empty<string>(),
        webhook.ExpirationDate is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);

    /// <summary>The webhook id.</summary>
    public long Id { get; }

    /// <summary>Where Jira delivers.</summary>
    public string Url { get; }

    /// <summary>The <c>webhookEvent</c> names.</summary>
    public IReadOnlyList<string> Events { get; }

    /// <summary>The JQL filter.</summary>
    public string? JqlFilter { get; }

    /// <summary>The field ids <c>jira:issue_updated</c> is limited to; empty for all.</summary>
    public IReadOnlyList<string> FieldIdsFilter { get; }

    /// <summary>The issue property keys property events are limited to; empty for all.</summary>
    public IReadOnlyList<string> IssuePropertyKeysFilter { get; }

    /// <summary>When Jira stops delivering unless the webhook is refreshed (<c>expirationDate</c>); <see langword="null"/> when Jira did not say.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"Jira app webhook {Id} → {Url} ({string.Join(", ", Events)}; JQL '{JqlFilter}')";
}
