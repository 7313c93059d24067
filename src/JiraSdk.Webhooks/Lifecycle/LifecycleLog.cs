using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.Lifecycle;

/// <summary>The lifecycle services' log messages (event ids 101–119); they never carry secrets, tokens or bodies.</summary>
internal static partial class LifecycleLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Jira app webhooks for {Url}: {Registered} registered, {Deleted} deleted, {Refreshed} refreshed; {Count} in place.")]
    public static partial void Synchronised(ILogger logger, string url, int registered, int deleted, int refreshed, int count);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Keeping the Jira app webhooks for {Url} registered and refreshed failed; trying again in {Interval}.")]
    public static partial void RefreshFailed(ILogger logger, Exception error, string url, TimeSpan interval);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Failed Jira webhook deliveries: {Fetched} fetched, {Processed} processed, {Duplicates} already processed, {Skipped} skipped, {Pending} left for the next pass.")]
    public static partial void Recovered(ILogger logger, int fetched, int processed, int duplicates, int skipped, int pending);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Fetching failed Jira webhook deliveries failed; trying again in {Interval}.")]
    public static partial void RecoveryFailed(ILogger logger, Exception error, TimeSpan interval);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Failed Jira webhook delivery {DeliveryId} has no body (the webhook excludes it); it cannot be processed.")]
    public static partial void NoBody(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Failed Jira webhook delivery {DeliveryId} was not processed ({Status}); it is tried again on the next pass.")]
    public static partial void NotRecovered(ILogger logger, string deliveryId, Delivery.WebhookReceiveStatus status);
}
