using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSdk.Webhooks.Events;

/// <summary>
/// One Jira webhook delivery, parsed. Every event keeps the keys it does not model in <see cref="AdditionalProperties"/>
/// and the whole delivery in <see cref="Raw"/>, so nothing Jira sent is lost.
/// </summary>
public abstract class JiraWebhookEvent
{
    /// <summary>The <c>webhookEvent</c> name as Jira sent it, e.g. <c>jira:issue_updated</c> (see <see cref="WebhookEventNames"/>).</summary>
    [JsonPropertyName("webhookEvent")]
    public string WebhookEventName { get; set; } = "";

    /// <summary>When the event happened, in milliseconds since the Unix epoch, as Jira sent it.</summary>
    [JsonPropertyName("timestamp")]
    public long? TimestampMilliseconds { get; set; }

    /// <summary>When the event happened, or <see langword="null"/> when the delivery had no timestamp.</summary>
    [JsonIgnore]
    public DateTimeOffset? Timestamp =>
        TimestampMilliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>The ids of the app (dynamic) webhooks this delivery matched; absent for admin webhooks.</summary>
    [JsonPropertyName("matchedWebhookIds")]
    public IList<long>? MatchedWebhookIds { get; set; }

    /// <summary>Set when a bulk operation caused the event.</summary>
    [JsonPropertyName("bulkOperationMetaData")]
    public BulkOperationMetadata? BulkOperationMetadata { get; set; }

    /// <summary>Top-level keys this type does not model, kept as JSON.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole delivery body as JSON, exactly as parsed.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; internal set; }
}

/// <summary>Describes the bulk operation that caused an event.</summary>
public sealed class BulkOperationMetadata
{
    /// <summary>Whether the bulk operation sent notification e-mails.</summary>
    [JsonPropertyName("sendMail")]
    public bool? SendMail { get; set; }

    /// <summary>Keys this type does not model, kept as JSON.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// A delivery whose <c>webhookEvent</c> this version of the SDK does not know (Jira adds events, and admins can send
/// custom ones). Read its content from <see cref="JiraWebhookEvent.Raw"/>.
/// </summary>
public sealed class UnknownWebhookEvent : JiraWebhookEvent
{
}
