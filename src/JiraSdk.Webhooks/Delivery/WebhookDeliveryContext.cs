using System.Globalization;

namespace JiraSdk.Webhooks.Delivery;

/// <summary>What the delivery headers say about a delivery: its id, retry count, flow lane and trace.</summary>
public sealed class WebhookDeliveryContext
{
    /// <summary>The delivery id header, stable across retries; the dedupe key.</summary>
    public const string IdentifierHeader = "X-Atlassian-Webhook-Identifier";
    /// <summary>The retry count header; absent on the first attempt.</summary>
    public const string RetryHeader = "X-Atlassian-Webhook-Retry";
    /// <summary>The flow header: <c>Primary</c> or <c>Secondary</c>.</summary>
    public const string FlowHeader = "X-Atlassian-Webhook-Flow";
    /// <summary>The trace header a Connect app can set on the request that caused the event.</summary>
    public const string TraceHeader = "X-Atlassian-Webhook-Trace";
    /// <summary>The signature header, <c>sha256=&lt;hex&gt;</c>, present when the webhook has a secret.</summary>
    public const string SignatureHeader = "X-Hub-Signature";
    /// <summary>The header an OAuth 2.0 app's dynamic webhook authenticates with: <c>Bearer &lt;JWT&gt;</c>.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>Creates a context.</summary>
    public WebhookDeliveryContext(string? deliveryId, int retryCount = 0, string? flow = null, string? trace = null)
    {
        DeliveryId = string.IsNullOrWhiteSpace(deliveryId) ? null : deliveryId!.Trim();
        RetryCount = retryCount;
        Flow = flow;
        Trace = trace;
    }

    /// <summary>Reads the context from delivery headers; <paramref name="getHeader"/> returns a header's value or <see langword="null"/>.</summary>
    public static WebhookDeliveryContext FromHeaders(Func<string, string?> getHeader)
    {
        if (getHeader is null) throw new ArgumentNullException(nameof(getHeader));
        var retry = int.TryParse(getHeader(RetryHeader), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 0;
        return new WebhookDeliveryContext(getHeader(IdentifierHeader), retry, getHeader(FlowHeader), getHeader(TraceHeader));
    }

    /// <summary>The delivery id (<c>X-Atlassian-Webhook-Identifier</c>), or <see langword="null"/> when Jira did not send one (Data Center may not).</summary>
    public string? DeliveryId { get; }

    /// <summary>How many times Jira has retried this delivery; 0 on the first attempt.</summary>
    public int RetryCount { get; }

    /// <summary><c>Primary</c> for the event itself, <c>Secondary</c> for knock-on effects of bulk or cascading changes.</summary>
    public string? Flow { get; }

    /// <summary>The value of <c>X-Atlassian-Webhook-Trace</c>, if any.</summary>
    public string? Trace { get; }
}
