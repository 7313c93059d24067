namespace JiraSdk.Webhooks.Sqlite;

/// <summary>Limits and timings of a <see cref="SqliteWebhookDeliveryQueue"/>.</summary>
public sealed class SqliteWebhookDeliveryQueueOptions
{
    /// <summary>
    /// How long a dequeued delivery is leased to its processor. When neither an acknowledgement, a retry nor a release
    /// comes within it (the process died or hangs), the delivery is handed out again, and that counts as a failed attempt.
    /// Longer than your slowest handler; default 5 minutes (the delivery stores' claim timeout).
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many failed attempts a delivery gets before it is moved to the dead letters
    /// (<see cref="SqliteWebhookDeliveryQueue.GetDeadLettersAsync"/>). Default 20: with the processor's back-off (1 s doubling,
    /// at most 5 minutes) about 53 minutes of retrying.
    /// </summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The most deliveries waiting or leased; beyond it the receiver answers 503 and Jira retries. Default 100,000.</summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>
    /// How often a waiting <see cref="SqliteWebhookDeliveryQueue.DequeueAsync"/> looks at the file for deliveries another
    /// process enqueued (this instance's own enqueues wake it at once). Default 1 second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an operation waits for another process's write lock on the file before it fails. Default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
