namespace JiraSdk.Webhooks;

/// <summary>How deliveries are accepted. Its <see cref="object.ToString"/> does not show the secrets.</summary>
public sealed class JiraWebhookOptions
{
    /// <summary>The default largest body accepted: 25 MiB, the size above which Jira drops payloads anyway.</summary>
    public const long DefaultMaxBodyBytes = 25L * 1024 * 1024;

    /// <summary>
    /// The webhook secrets. When any is set, every delivery must carry a valid <c>X-Hub-Signature</c> made with one of them
    /// (more than one lets you rotate). Empty means deliveries are not verified: only do that behind another check.
    /// </summary>
    public IList<string> Secrets { get; set; } = new List<string>();

    /// <summary>The largest request body accepted; bigger ones are refused before they are read in full.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
