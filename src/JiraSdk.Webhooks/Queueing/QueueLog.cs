using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.Queueing;

/// <summary>The delivery queues' log messages (event ids from 30; the receiver's are in <c>WebhookLog</c>); never bodies.</summary>
internal static partial class QueueLog
{
    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "Processing queued Jira webhook delivery {DeliveryId} failed (attempt {Attempt}, the queue's last); moved to its dead letters.")]
    public static partial void DeadLettered(ILogger logger, Exception error, string? deliveryId, int attempt);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "The Jira webhook delivery queue failed; asking it again in {Pause}.")]
    public static partial void QueueFailed(ILogger logger, Exception error, TimeSpan pause);
}
