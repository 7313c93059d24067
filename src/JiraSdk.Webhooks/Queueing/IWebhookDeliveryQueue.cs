using JiraSdk.Webhooks.Delivery;

namespace JiraSdk.Webhooks.Queueing;

/// <summary>
/// Where accepted deliveries wait for the background processor, so handlers run off Jira's 10-second request clock.
/// The receiver answers 202 once <see cref="TryEnqueueAsync"/> succeeded; the processor dequeues (a lease), handles, and
/// then acknowledges, retries later (a failed attempt) or releases (not an attempt): at-least-once. A durable
/// implementation (SQLite in JiraSdk.Webhooks.Sqlite, Redis, a message broker) keeps deliveries across a restart and
/// hands out again a delivery whose lease expired without an answer (a crashed processor);
/// <see cref="MemoryWebhookDeliveryQueue"/> keeps nothing across a restart. Implementations must be safe for concurrent use.
/// </summary>
public interface IWebhookDeliveryQueue
{
    /// <summary>
    /// Adds a delivery. A delivery whose <see cref="QueuedWebhookDelivery.Key"/> is already waiting is kept once (and the
    /// result is <see langword="true"/>: it is queued). <see langword="false"/> when the queue is full (the receiver then
    /// answers 503, and Jira retries). A durable queue returns only once the delivery is stored durably: the receiver
    /// acknowledges it to Jira right after.
    /// </summary>
    ValueTask<bool> TryEnqueueAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the next delivery due for processing and leases it to the caller: it stays owed until acknowledged,
    /// retried or released; a durable queue hands it out again once its lease (visibility timeout) expired without one
    /// of these answers.
    /// </summary>
    ValueTask<QueuedWebhookDelivery> DequeueAsync(CancellationToken cancellationToken);

    /// <summary>Removes a processed delivery for good (whoever holds its lease now: it was processed).</summary>
    ValueTask AcknowledgeAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt: the delivery is due again after <paramref name="delay"/> with its attempt count raised,
    /// or, once a queue with an attempt limit reached it, moved to the queue's dead letters. Returns
    /// <see langword="false"/> only when it was dead-lettered. Does nothing when the caller's lease was lost to another
    /// processor or the delivery was acknowledged meanwhile.
    /// </summary>
    ValueTask<bool> RetryLaterAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>
    /// Hands a leased delivery back without counting an attempt (the processor is stopping, or another processor holds
    /// the delivery's key): due again after <paramref name="delay"/>. Does nothing when the caller's lease was lost.
    /// </summary>
    ValueTask ReleaseAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>A delivery waiting on an <see cref="IWebhookDeliveryQueue"/>: the raw, verified body and what its headers said.</summary>
public sealed class QueuedWebhookDelivery
{
    /// <summary>Creates a queued delivery.</summary>
    /// <param name="key">The de-duplication key (the receiver uses the body's SHA-256 digest); the queue keeps a key once, the processor handles it once.</param>
    /// <param name="body">The verified body, byte for byte.</param>
    /// <param name="context">What the delivery headers said.</param>
    /// <param name="attempt">How many times processing failed before; 0 at first.</param>
    /// <param name="receipt">The lease a queue handed this copy out under; <see langword="null"/> for one not handed out.</param>
    public QueuedWebhookDelivery(string key, ReadOnlyMemory<byte> body, WebhookDeliveryContext context, int attempt = 0, string? receipt = null)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Body = body;
        Context = context ?? throw new ArgumentNullException(nameof(context));
        if (attempt < 0) throw new ArgumentOutOfRangeException(nameof(attempt), "The attempt count cannot be negative.");
        Attempt = attempt;
        Receipt = receipt;
    }

    /// <summary>The de-duplication key.</summary>
    public string Key { get; }

    /// <summary>The verified body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>What the delivery headers said.</summary>
    public WebhookDeliveryContext Context { get; }

    /// <summary>How many times processing failed before.</summary>
    public int Attempt { get; }

    /// <summary>
    /// An opaque token naming the lease this copy was handed out under, so a processor whose lease expired and was given to
    /// another cannot retry or release it; <see langword="null"/> for a queue that tells copies apart otherwise.
    /// </summary>
    public string? Receipt { get; }

    /// <inheritdoc />
    public override string ToString() => $"queued Jira webhook delivery {Context.DeliveryId ?? Key}, attempt {Attempt + 1}";
}
