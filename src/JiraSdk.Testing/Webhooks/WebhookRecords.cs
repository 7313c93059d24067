namespace JiraSdk.Testing.Webhooks;

/// <summary>An admin webhook (<c>/rest/webhooks/1.0/webhook</c>, DC 10 <c>/rest/jira-webhook/1.0/webhooks</c>): any event, optional JQL for issue-related events,
/// optional secret for <c>X-Hub-Signature</c>.</summary>
internal sealed class AdminWebhookRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public List<string> Events { get; set; } = new();
    public string? JqlFilter { get; set; }
    public bool ExcludeBody { get; set; }
    public string? Secret { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset LastUpdated { get; set; }
    public string LastUpdatedBy { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    /// <summary>DC 10's <c>sslVerificationRequired</c> (kept and shown; the sandbox delivers over plain loopback HTTP).</summary>
    public bool SslVerificationRequired { get; set; } = true;
}

/// <summary>A dynamic webhook an OAuth 2.0 app registered (<c>/rest/api/3/webhook</c>); expires 30 days after
/// registration or refresh.</summary>
internal sealed class AppWebhookRecord
{
    public long Id { get; set; }
    public string ClientId { get; set; } = "";
    public string OwnerAccountId { get; set; } = "";
    public string Url { get; set; } = "";
    public List<string> Events { get; set; } = new();
    public string JqlFilter { get; set; } = "";
    public List<string>? FieldIdsFilter { get; set; }
    public List<string>? IssuePropertyKeysFilter { get; set; }
    public DateTimeOffset ExpirationDate { get; set; }
}

/// <summary>A delivery that ran out of retries (<c>GET /rest/api/3/webhook/failed</c>).</summary>
internal sealed record FailedDelivery(string Id, string? Body, string Url, DateTimeOffset FailureTime, string? ClientId);
