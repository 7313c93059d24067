namespace JiraSdk.Webhooks.Delivery;

/// <summary>One HTTP delivery from Jira, as the transport received it.</summary>
public sealed class WebhookDelivery
{
    /// <summary>Creates a delivery.</summary>
    /// <param name="body">The raw body, byte for byte.</param>
    /// <param name="signatureHeader">The value of <c>X-Hub-Signature</c>, or <see langword="null"/>.</param>
    /// <param name="context">What the other headers say.</param>
    /// <param name="authorizationHeader">The value of <c>Authorization</c> (an OAuth 2.0 app's <c>Bearer</c> JWT), or <see langword="null"/>.</param>
    public WebhookDelivery(ReadOnlyMemory<byte> body, string? signatureHeader, WebhookDeliveryContext context, string? authorizationHeader = null)
    {
        Body = body;
        SignatureHeader = signatureHeader;
        AuthorizationHeader = authorizationHeader;
        Context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <summary>Reads a delivery from its body and headers; <paramref name="getHeader"/> returns a header's value or <see langword="null"/>.</summary>
    public static WebhookDelivery FromHeaders(ReadOnlyMemory<byte> body, Func<string, string?> getHeader) =>
        new(body, getHeader(WebhookDeliveryContext.SignatureHeader), WebhookDeliveryContext.FromHeaders(getHeader), getHeader(WebhookDeliveryContext.AuthorizationHeader));

    /// <summary>The raw body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The value of <c>X-Hub-Signature</c>, or <see langword="null"/>.</summary>
    public string? SignatureHeader { get; }

    /// <summary>The value of <c>Authorization</c>, or <see langword="null"/>. Never shown by <see cref="ToString"/>.</summary>
    public string? AuthorizationHeader { get; }

    /// <summary>What the other headers say.</summary>
    public WebhookDeliveryContext Context { get; }

    /// <inheritdoc />
    public override string ToString() => $"Jira webhook delivery {Context.DeliveryId ?? "(no id)"}, {Body.Length} bytes";
}
