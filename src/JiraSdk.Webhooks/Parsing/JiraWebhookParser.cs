using System.Text.Json;
using JiraSdk.Webhooks.Events;

namespace JiraSdk.Webhooks.Parsing;

/// <summary>
/// Turns a delivery body into a typed <see cref="JiraWebhookEvent"/>, dispatching on <c>webhookEvent</c>. Unknown event
/// names give an <see cref="UnknownWebhookEvent"/>; unknown keys are kept; only a body that is not a webhook payload
/// throws. Thread-safe; create one and share it.
/// </summary>
public sealed class JiraWebhookParser
{
    private readonly JsonSerializerOptions _options = WebhookJson.CreateOptions();

    /// <summary>Parses a delivery body.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <exception cref="JiraWebhookPayloadException">The body is not a Jira webhook payload.</exception>
    public JiraWebhookEvent Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) throw new JiraWebhookPayloadException("The webhook delivery has an empty body.", body);

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new JiraWebhookPayloadException($"The webhook delivery body is not valid JSON: {e.Message}", body, jsonPath: e.Path, innerException: e);
        }

        if (root.ValueKind != JsonValueKind.Object)
            throw new JiraWebhookPayloadException($"The webhook delivery body is a JSON {root.ValueKind}, not an object.", body);
        if (!root.TryGetProperty("webhookEvent", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(nameElement.GetString()))
            throw new JiraWebhookPayloadException("The webhook delivery has no 'webhookEvent' string.", body, jsonPath: "$.webhookEvent");

        var name = nameElement.GetString()!;
        var type = WebhookEventCatalog.Default.TypeOf(name) ?? typeof(UnknownWebhookEvent);
        JiraWebhookEvent webhookEvent;
        try
        {
            // From the body itself, so the issue fields keep their bytes as they came (Utf8JsonInput) rather than a re-read copy.
            using (JiraSdk.Serialization.Utf8JsonInput.Enter(body))
                webhookEvent = (JiraWebhookEvent)JsonSerializer.Deserialize(body.Span, type, _options)!;
        }
        catch (JsonException e)
        {
            throw new JiraWebhookPayloadException(
                $"The '{name}' delivery does not have the shape Jira documents at {e.Path ?? "$"}: {e.Message}", body, name, e.Path, e);
        }
        webhookEvent.Raw = root;
        return webhookEvent;
    }
}
