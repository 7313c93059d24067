using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Verification;

namespace JiraSdk.Webhooks.Delivery;

/// <summary>What became of a delivery.</summary>
public enum WebhookReceiveStatus
{
    /// <summary>Verified, parsed and handled (inline).</summary>
    Processed,
    /// <summary>Verified, parsed and put on the delivery queue; a background processor handles it (answer 202).</summary>
    Queued,
    /// <summary>Already handled (or queued); not dispatched again.</summary>
    Duplicate,
    /// <summary>Another copy of the delivery is being processed now; answer with a retryable status so Jira tries again.</summary>
    InProgress,
    /// <summary>The signature or bearer token was missing, malformed, of another method or algorithm, expired, or wrong.</summary>
    SignatureRejected,
    /// <summary>The body is not a Jira webhook payload.</summary>
    MalformedPayload,
    /// <summary>A handler threw, or the queue refused the delivery; Jira should retry.</summary>
    HandlerFailed,
}

/// <summary>The outcome of <see cref="JiraWebhookReceiver.ReceiveAsync"/>.</summary>
public sealed class WebhookReceiveResult
{
    internal WebhookReceiveResult(WebhookReceiveStatus status, WebhookSignatureStatus signatureStatus, JiraWebhookEvent? webhookEvent = null, Exception? error = null)
    {
        Status = status;
        SignatureStatus = signatureStatus;
        Event = webhookEvent;
        Error = error;
    }

    /// <summary>What became of the delivery.</summary>
    public WebhookReceiveStatus Status { get; }

    /// <summary>What the signature or token check found.</summary>
    public WebhookSignatureStatus SignatureStatus { get; }

    /// <summary>The parsed event, once parsing succeeded.</summary>
    public JiraWebhookEvent? Event { get; }

    /// <summary>The parse error or handler exception, for <see cref="WebhookReceiveStatus.MalformedPayload"/> and <see cref="WebhookReceiveStatus.HandlerFailed"/>.</summary>
    public Exception? Error { get; }
}
