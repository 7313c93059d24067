using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.Sqlite;

/// <summary>The SQLite queue's log messages (event ids from 40); never bodies.</summary>
internal static partial class SqliteQueueLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "The lease on queued Jira webhook delivery {DeliveryId} ran out without an answer (a processor stopped or ran past the visibility timeout); handing it out again as attempt {Attempt}.")]
    public static partial void LeaseExpired(ILogger logger, string? deliveryId, int attempt);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Queued Jira webhook delivery {DeliveryId} reached its attempt limit ({Attempts}) through leases that ran out; moved to the dead letters.")]
    public static partial void DeadLetteredAfterExpiredLeases(ILogger logger, string? deliveryId, int attempts);
}
