namespace JiraSdk.Webhooks.Delivery;

/// <summary>
/// Remembers which deliveries were handled, so a delivery Jira sends twice (a retry after a lost acknowledgement) is
/// dispatched once. Implementations must be safe for concurrent use.
/// </summary>
public interface IWebhookDeliveryStore
{
    /// <summary>
    /// Claims <paramref name="deliveryId"/> for processing. Returns <see langword="false"/> when it is already being processed
    /// or was processed, in which case the caller must not dispatch it again.
    /// </summary>
    ValueTask<bool> TryBeginAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="deliveryId"/> was handled, so later copies are dropped for the retention period.</summary>
    ValueTask CompleteAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Gives up a claim after the handler failed, so Jira's retry of the delivery is processed.</summary>
    ValueTask ReleaseAsync(string deliveryId, CancellationToken cancellationToken);
}
