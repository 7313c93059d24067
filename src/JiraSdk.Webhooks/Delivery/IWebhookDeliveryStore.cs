namespace JiraSdk.Webhooks.Delivery;

/// <summary>
/// Remembers which deliveries are being processed and which were, so a delivery Jira sends twice (a retry after a lost
/// acknowledgement, or while the first attempt still runs) is processed once. A claim is held by one caller at a time;
/// <see cref="CompleteAsync"/> and <see cref="ReleaseAsync"/> act only on the caller's own claim, so one instance cannot
/// clobber another's. Implementations must be safe for concurrent use and, to serve several receiver instances, claim
/// atomically (e.g. Redis <c>SET NX</c>).
/// </summary>
public interface IWebhookDeliveryStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for processing. The result says whether the caller now holds the claim, another
    /// holder is still processing it (<see cref="WebhookDeliveryClaimStatus.InProgress"/>: answer with a retryable status),
    /// or it was completed (<see cref="WebhookDeliveryClaimStatus.Completed"/>: a duplicate).
    /// </summary>
    /// <param name="key">The de-duplication key: a delivery id or a body digest, as the receiver builds them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookDeliveryClaim> TryClaimAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the claimed key was processed, so later copies are duplicates for the retention period. Returns
    /// <see langword="false"/> when the claim had lapsed and another holder took the key over (nothing is written then).
    /// </summary>
    ValueTask<bool> CompleteAsync(WebhookDeliveryClaim claim, CancellationToken cancellationToken);

    /// <summary>Gives up the caller's claim after a failure, so Jira's retry is processed. Does nothing to another holder's claim.</summary>
    ValueTask ReleaseAsync(WebhookDeliveryClaim claim, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IWebhookDeliveryStore.TryClaimAsync"/> found.</summary>
public enum WebhookDeliveryClaimStatus
{
    /// <summary>The caller holds the claim and must complete or release it.</summary>
    Claimed,
    /// <summary>Another holder is processing the key now; its outcome is not known yet.</summary>
    InProgress,
    /// <summary>The key was processed; this is a duplicate.</summary>
    Completed,
}

/// <summary>A claim on a de-duplication key, or the reason none was granted. Its token identifies the holder.</summary>
public sealed class WebhookDeliveryClaim
{
    /// <summary>Creates a claim result.</summary>
    /// <param name="key">The key claimed.</param>
    /// <param name="status">What the store found.</param>
    /// <param name="token">The holder's unique token when <paramref name="status"/> is <see cref="WebhookDeliveryClaimStatus.Claimed"/>.</param>
    public WebhookDeliveryClaim(string key, WebhookDeliveryClaimStatus status, string? token = null)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Status = status;
        if (status == WebhookDeliveryClaimStatus.Claimed && string.IsNullOrEmpty(token))
            throw new ArgumentException("A granted claim needs its holder's token.", nameof(token));
        Token = token;
    }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>What the store found.</summary>
    public WebhookDeliveryClaimStatus Status { get; }

    /// <summary>The holder's token, for a granted claim.</summary>
    public string? Token { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Key}: {Status}";
}
