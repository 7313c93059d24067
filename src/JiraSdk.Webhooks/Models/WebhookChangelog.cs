using System.Text.Json;
using System.Text.Json.Serialization;
using JiraSdk.V3;

namespace JiraSdk.Webhooks.Models;

/// <summary>
/// The <c>changelog</c> of an issue event: what changed in this update. Jira sends <c>id</c> as a number in its documentation
/// and as a string in real Cloud deliveries; both are read into <see cref="Id"/>.
/// </summary>
public sealed class WebhookChangelog
{
    /// <summary>The changelog id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>One entry per changed field.</summary>
    [JsonPropertyName("items")]
    public IList<WebhookChangeItem> Items { get; set; } = new List<WebhookChangeItem>();

    /// <summary>Keys this type does not model, kept as JSON.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// One changed field. Extends the generated <see cref="ChangeDetails"/> with the Cloud-only account-id pair that user fields
/// carry in webhook deliveries and with the keys neither models.
/// </summary>
public sealed class WebhookChangeItem : ChangeDetails
{
    /// <summary>The account id the user field held before the change (Cloud, user fields only).</summary>
    [JsonPropertyName("tmpFromAccountId")]
    public string? TmpFromAccountId { get; set; }

    /// <summary>The account id the user field holds after the change (Cloud, user fields only).</summary>
    [JsonPropertyName("tmpToAccountId")]
    public string? TmpToAccountId { get; set; }

    /// <summary>Keys this type does not model, kept as JSON.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
