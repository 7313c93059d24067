namespace JiraSdk.Webhooks.Registration;

/// <summary>
/// An admin webhook (made in Jira administration or over REST, needs the Administer Jira permission). Its
/// <see cref="Name"/> identifies it across restarts, so keep it stable. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class AdminWebhookDefinition
{
    /// <summary>Creates a definition.</summary>
    public AdminWebhookDefinition(string name, string url, IEnumerable<string> events)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A name is required: it finds the webhook again after a restart.", nameof(name)) : name;
        Url = string.IsNullOrWhiteSpace(url) ? throw new ArgumentException("The URL is required.", nameof(url)) : url;
        Events = (events ?? throw new ArgumentNullException(nameof(events))).ToList();
        if (Events.Count == 0) throw new ArgumentException("At least one event is needed.", nameof(events));
    }

    /// <summary>The webhook's name in Jira; how the registrar recognises it.</summary>
    public string Name { get; }

    /// <summary>Where Jira delivers.</summary>
    public string Url { get; }

    /// <summary>The <c>webhookEvent</c> names (see <see cref="Events.WebhookEventNames"/>).</summary>
    public IList<string> Events { get; }

    /// <summary>JQL that issue-related events must match; <see langword="null"/> for all issues.</summary>
    public string? JqlFilter { get; set; }

    /// <summary>
    /// The secret Jira signs deliveries with (<c>X-Hub-Signature</c>). Jira never shows it back, so a changed secret is only
    /// sent when something else changed or the webhook is not signed yet; use <see cref="AdminWebhookRegistrar.EnsureAsync"/>
    /// with <c>forceUpdate</c> to rotate it.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Whether the webhook is active. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc />
    public override string ToString() => $"Jira admin webhook '{Name}' → {Url} ({string.Join(", ", Events)}){(Secret is null ? "" : ", signed")}";
}

/// <summary>Which REST API a Jira site registers admin webhooks with.</summary>
public enum AdminWebhookApi
{
    /// <summary><c>/rest/webhooks/1.0/webhook</c>: Jira Cloud, and Server or Data Center up to 9.x.</summary>
    WebhooksV1,
    /// <summary><c>/rest/jira-webhook/1.0/webhooks</c>: Data Center 10 and later.</summary>
    DataCenter10,
}

/// <summary>What <see cref="AdminWebhookRegistrar.EnsureAsync"/> had to do.</summary>
public enum AdminWebhookChange
{
    /// <summary>The webhook already existed as defined.</summary>
    Unchanged,
    /// <summary>The webhook existed and was updated to the definition.</summary>
    Updated,
    /// <summary>No such webhook existed; it was created.</summary>
    Created,
}

/// <summary>An admin webhook as it now exists in Jira.</summary>
public sealed class AdminWebhookRegistration
{
    internal AdminWebhookRegistration(string id, AdminWebhookApi api, AdminWebhookChange change)
    {
        Id = id;
        Api = api;
        Change = change;
    }

    /// <summary>The webhook id.</summary>
    public string Id { get; }

    /// <summary>The API it was registered with.</summary>
    public AdminWebhookApi Api { get; }

    /// <summary>What had to be done.</summary>
    public AdminWebhookChange Change { get; }
}

/// <summary>An admin webhook as the site lists it; <see cref="Json"/> holds Jira's whole answer for it (the secret is never in it).</summary>
public sealed class AdminWebhook
{
    internal AdminWebhook(string id, AdminWebhookApi api, System.Text.Json.JsonElement json)
    {
        Id = id;
        Api = api;
        Json = json;
        Name = JsonRead.String(json, "name") ?? "";
        Url = JsonRead.String(json, "url") ?? "";
        Events = JsonRead.Strings(json, "events");
        Enabled = JsonRead.Boolean(json, api == AdminWebhookApi.WebhooksV1 ? "enabled" : "active") ?? true;
    }

    /// <summary>The webhook id.</summary>
    public string Id { get; }

    /// <summary>The API it is listed by.</summary>
    public AdminWebhookApi Api { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Where Jira delivers.</summary>
    public string Url { get; }

    /// <summary>The <c>webhookEvent</c> names.</summary>
    public IReadOnlyList<string> Events { get; }

    /// <summary>Whether Jira delivers to it.</summary>
    public bool Enabled { get; }

    /// <summary>Jira's JSON for the webhook, as listed.</summary>
    public System.Text.Json.JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => $"Jira admin webhook {Id} '{Name}' → {Url} ({string.Join(", ", Events)})";
}
