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
}

/// <summary>An app webhook as Jira lists it.</summary>
internal sealed class RegisteredAppWebhook
{
    public long Id { get; set; }
    public string Url { get; set; } = "";
    public IReadOnlyList<string> Events { get; set; } = Array.Empty<string>();
    public string? JqlFilter { get; set; }
    public IReadOnlyList<string> FieldIdsFilter { get; set; } = Array.Empty<string>();
    public IReadOnlyList<string> IssuePropertyKeysFilter { get; set; } = Array.Empty<string>();
    public DateTimeOffset? ExpiresAt { get; set; }
}
