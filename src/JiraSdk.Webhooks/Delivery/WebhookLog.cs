using JiraSdk.Webhooks.Verification;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.Delivery;

/// <summary>The receiver's and processor's log messages; they never carry secrets, tokens or bodies.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No Jira webhook secret or client secret is configured: deliveries are accepted without authentication.")]
    public static partial void NoSecrets(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Rejected Jira webhook delivery {DeliveryId}: signature {SignatureStatus}.")]
    public static partial void Rejected(ILogger logger, string? deliveryId, WebhookSignatureStatus signatureStatus);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Rejected Jira webhook delivery {DeliveryId}: malformed payload.")]
    public static partial void Malformed(ILogger logger, Exception error, string? deliveryId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Dropped duplicate Jira webhook delivery {DeliveryId} (retry {RetryCount}).")]
    public static partial void Duplicate(ILogger logger, string? deliveryId, int retryCount);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Jira webhook delivery {DeliveryId} arrived while another copy is processed; asked Jira to retry.")]
    public static partial void InProgress(ILogger logger, string? deliveryId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "A handler failed for Jira webhook delivery {DeliveryId} ({WebhookEvent}).")]
    public static partial void HandlerFailed(ILogger logger, Exception error, string? deliveryId, string webhookEvent);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The delivery queue is full; asked Jira to retry delivery {DeliveryId}.")]
    public static partial void QueueFull(ILogger logger, string? deliveryId);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "The claim on {Key} lapsed and another holder took it over before it was completed.")]
    public static partial void ClaimLost(ILogger logger, string key);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Processing queued Jira webhook delivery {DeliveryId} failed (attempt {Attempt}); retrying in {Delay}.")]
    public static partial void QueuedFailed(ILogger logger, Exception error, string? deliveryId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Queued Jira webhook delivery {DeliveryId} is not a webhook payload any more; dropped.")]
    public static partial void QueuedMalformed(ILogger logger, Exception error, string? deliveryId);
}
