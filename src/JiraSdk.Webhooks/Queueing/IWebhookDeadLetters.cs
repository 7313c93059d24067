namespace JiraSdk.Webhooks.Queueing;

/// <summary>
/// The dead letters of a durable <see cref="IWebhookDeliveryQueue"/> with an attempt limit: deliveries it gave up on,
/// kept with their history until an operator requeues (after fixing the cause) or deletes them. Implemented by the
/// SQLite (JiraSdk.Webhooks.Sqlite) and Redis (JiraSdk.Webhooks.Redis) queues.
/// </summary>
public interface IWebhookDeadLetters
{
    /// <summary>The dead-lettered deliveries, oldest first.</summary>
    /// <param name="limit">The most to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IReadOnlyList<DeadLetteredWebhookDelivery>> GetDeadLettersAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a dead-lettered delivery back on the queue with its attempts reset; a copy already queued (Jira redelivered
    /// it meanwhile) stays queued once. Returns <see langword="false"/> when no dead letter has <paramref name="key"/>.
    /// </summary>
    ValueTask<bool> RequeueDeadLetterAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes a dead-lettered delivery for good. Returns <see langword="false"/> when no dead letter has <paramref name="key"/>.</summary>
    ValueTask<bool> DeleteDeadLetterAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>A delivery a queue gave up on after its attempt limit: kept, with its history, until someone requeues or deletes it.</summary>
public sealed class DeadLetteredWebhookDelivery
{
    /// <summary>Creates a dead-lettered delivery.</summary>
    /// <param name="delivery">The delivery, with the number of failed attempts in <see cref="QueuedWebhookDelivery.Attempt"/>.</param>
    /// <param name="enqueuedAt">When the receiver first queued it.</param>
    /// <param name="deadLetteredAt">When the queue gave up on it.</param>
    public DeadLetteredWebhookDelivery(QueuedWebhookDelivery delivery, DateTimeOffset enqueuedAt, DateTimeOffset deadLetteredAt)
    {
        Delivery = delivery ?? throw new ArgumentNullException(nameof(delivery));
        EnqueuedAt = enqueuedAt;
        DeadLetteredAt = deadLetteredAt;
    }

    /// <summary>The delivery; its <see cref="QueuedWebhookDelivery.Attempt"/> is the number of attempts that failed.</summary>
    public QueuedWebhookDelivery Delivery { get; }

    /// <summary>When the receiver first queued it.</summary>
    public DateTimeOffset EnqueuedAt { get; }

    /// <summary>When the queue gave up on it.</summary>
    public DateTimeOffset DeadLetteredAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"dead-lettered Jira webhook delivery {Delivery.Context.DeliveryId ?? Delivery.Key} after {Delivery.Attempt} attempts";
}
