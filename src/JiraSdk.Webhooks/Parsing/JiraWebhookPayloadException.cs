using JiraSdk.Errors;

namespace JiraSdk.Webhooks.Parsing;

/// <summary>
/// A delivery body that is not a Jira webhook payload: empty, not JSON, not an object, without a <c>webhookEvent</c>, or
/// with a value of the wrong shape for a known event. The body is kept in <see cref="Body"/>.
/// </summary>
public sealed class JiraWebhookPayloadException : JiraException
{
    /// <summary>Creates the exception.</summary>
    public JiraWebhookPayloadException(string message, ReadOnlyMemory<byte> body, string? webhookEventName = null, string? jsonPath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Body = body;
        WebhookEventName = webhookEventName;
        JsonPath = jsonPath;
    }

    /// <summary>The raw body that failed to parse.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The <c>webhookEvent</c> name, when the body got far enough to have one.</summary>
    public string? WebhookEventName { get; }

    /// <summary>Where in the JSON the problem is, when known (e.g. <c>$.issue.fields</c>).</summary>
    public string? JsonPath { get; }
}
