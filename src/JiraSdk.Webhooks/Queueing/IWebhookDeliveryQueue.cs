using JiraSdk.Webhooks.Delivery;

namespace JiraSdk.Webhooks.Queueing;

/// <summary>
/// Where accepted deliveries wait for the background processor, so handlers run off Jira's 10-second request clock.
/// The receiver answers 202 once <see cref="TryEnqueueAsync"/> succeeded; the processor dequeues, handles, and then
/// acknowledges or asks for a later retry (at-least-once). A durable implementation (a file, SQLite, Redis, a message
/// broker) keeps deliveries across a restart; <see cref="MemoryWebhookDeliveryQueue"/> does not. Implementations must be
/// safe for concurrent use.
/// </summary>
public interface IWebhookDeliveryQueue
{
    /// <summary>Adds a delivery; <see langword="false"/> when the queue is full (the receiver then answers 503, and Jira retries).</summary>
    ValueTask<bool> TryEnqueueAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Waits for the next delivery due for processing. It stays owed until acknowledged or retried.</summary>
    ValueTask<QueuedWebhookDelivery> DequeueAsync(CancellationToken cancellationToken);

    /// <summary>Removes a processed delivery for good.</summary>
    ValueTask AcknowledgeAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Makes a delivery whose processing failed due again after <paramref name="delay"/>, with its attempt count raised.</summary>
    ValueTask RetryLaterAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>A delivery waiting on an <see cref="IWebhookDeliveryQueue"/>: the raw, verified body and what its headers said.</summary>
public sealed class QueuedWebhookDelivery
{
    /// <summary>Creates a queued delivery.</summary>
    /// <param name="key">The de-duplication key (the receiver uses the body's SHA-256 digest); the processor handles a key once.</param>
    /// <param name="body">The verified body, byte for byte.</param>
    /// <param name="context">What the delivery headers said.</param>
    /// <param name="attempt">How many times processing failed before; 0 at first.</param>
    public QueuedWebhookDelivery(string key, ReadOnlyMemory<byte> body, WebhookDeliveryContext context, int attempt = 0)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Body = body;
        Context = context ?? throw new ArgumentNullException(nameof(context));
        Attempt = attempt;
    }

    /// <summary>The de-duplication key.</summary>
    public string Key { get; }

    /// <summary>The verified body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>What the delivery headers said.</summary>
    public WebhookDeliveryContext Context { get; }

    /// <summary>How many times processing failed before.</summary>
    public int Attempt { get; }

    /// <inheritdoc />
    public override string ToString() => $"queued Jira webhook delivery {Context.DeliveryId ?? Key}, attempt {Attempt + 1}";
}
