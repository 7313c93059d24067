using System.Text;
using JiraSdk.Webhooks.Delivery;

namespace JiraSdk.Webhooks.Registration;

/// <summary>
/// A delivery to the app's webhooks that Jira gave up on after its retries, as <c>GET /rest/api/3/webhook/failed</c>
/// lists it (spec schema <c>FailedWebhook</c>). <see cref="ToString"/> never shows the body.
/// </summary>
public sealed class FailedWebhookDelivery
{
    /// <summary>Creates the record.</summary>
    /// <param name="id">The delivery's <c>X-Atlassian-Webhook-Identifier</c>.</param>
    /// <param name="body">The webhook body, or <see langword="null"/> when Jira kept none.</param>
    /// <param name="url">The URL Jira tried to deliver to.</param>
    /// <param name="failureTime">When Jira gave up (its last failed retry).</param>
    public FailedWebhookDelivery(string id, string? body, string url, DateTimeOffset failureTime)
    {
        Id = string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("A failed delivery has an id.", nameof(id)) : id;
        Body = body;
        Url = url ?? "";
        FailureTime = failureTime;
    }

    internal static FailedWebhookDelivery From(V3.FailedWebhook failed) =>
        new(failed.Id, failed.Body, failed.Url, DateTimeOffset.FromUnixTimeMilliseconds(failed.FailureTime));

    /// <summary>The delivery id, as Jira sent it in <c>X-Atlassian-Webhook-Identifier</c>: the same de-duplication key as the live delivery.</summary>
    public string Id { get; }

    /// <summary>The webhook body (JSON), or <see langword="null"/> when Jira kept none.</summary>
    public string? Body { get; }

    /// <summary>The URL Jira tried to deliver to.</summary>
    public string Url { get; }

    /// <summary>When Jira gave up on the delivery.</summary>
    public DateTimeOffset FailureTime { get; }

    /// <summary>The failure as a delivery the receiver can take: the body's UTF-8 bytes, no signature, the original identifier.</summary>
    internal WebhookDelivery ToDelivery() =>
        new(Encoding.UTF8.GetBytes(Body ?? ""), signatureHeader: null, new WebhookDeliveryContext(Id));

    /// <inheritdoc />
    public override string ToString() => $"Failed Jira webhook delivery {Id} to {Url} at {FailureTime:O}";
}
