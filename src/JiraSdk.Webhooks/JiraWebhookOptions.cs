namespace JiraSdk.Webhooks;

/// <summary>How deliveries are accepted. Its <see cref="object.ToString"/> does not show the secrets.</summary>
public sealed class JiraWebhookOptions
{
    /// <summary>The default largest body accepted: 25 MiB, the size above which Jira drops payloads anyway.</summary>
    public const long DefaultMaxBodyBytes = 25L * 1024 * 1024;

    /// <summary>
    /// The webhook secrets of admin and Data Center webhooks. A delivery that carries <c>X-Hub-Signature</c> must be signed
    /// with one of them (more than one lets you rotate).
    /// </summary>
    public IList<string> Secrets { get; set; } = new List<string>();

    /// <summary>
    /// The client secrets of the OAuth 2.0 (3LO) app whose dynamic webhooks (<c>POST /rest/api/3/webhook</c>) deliver here.
    /// Such deliveries carry <c>Authorization: Bearer &lt;JWT&gt;</c> signed HS256 with the client secret; a token must
    /// be valid under one of these (more than one lets you rotate). Connect apps' JWTs (with a <c>qsh</c> claim) are not
    /// supported: Connect ends in December 2026.
    /// </summary>
    public IList<string> ClientSecrets { get; set; } = new List<string>();

    /// <summary>
    /// Whether a delivery with neither <c>X-Hub-Signature</c> nor a bearer token is accepted although secrets are
    /// configured (for example while some webhooks are not yet signed). Default <see langword="false"/>: refused with 401
    /// before its body is read. When no secret is configured at all, nothing is checked and a warning is logged once.
    /// </summary>
    public bool AllowUnsigned { get; set; }

    /// <summary>
    /// How far a bearer token's <c>exp</c>, <c>nbf</c> and <c>iat</c> may be off this machine's clock. Default 30 seconds.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest request body accepted; bigger ones are refused before they are read in full.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>How long <c>Retry-After</c> asks Jira to wait when a delivery arrives while its first copy is still processed. Default 10 seconds.</summary>
    public TimeSpan InProgressRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(JiraWebhookOptions)} ({Secrets.Count} secret(s), {ClientSecrets.Count} client secret(s), AllowUnsigned={AllowUnsigned}, MaxBodyBytes={MaxBodyBytes})";
}
