using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.Redis;

/// <summary>The Redis queue's log messages (event ids from 50); never bodies.</summary>
internal static partial class RedisQueueLog
{
    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "The lease on queued Jira webhook delivery {DeliveryId} ran out without an answer (an instance stopped or ran past the visibility timeout); handing it out again as attempt {Attempt}.")]
    public static partial void LeaseExpired(ILogger logger, string? deliveryId, int attempt);
}
