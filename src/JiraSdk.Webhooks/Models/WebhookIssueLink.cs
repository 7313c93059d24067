using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSdk.Webhooks.Models;

/// <summary>
/// The <c>issueLink</c> of an issue-link event. Webhooks send ids of both ends, unlike the REST <c>IssueLink</c>, which
/// embeds the linked issues; hence a model of its own.
/// </summary>
public sealed class WebhookIssueLink
{
    /// <summary>The link id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The id of the issue the link goes out from.</summary>
    [JsonPropertyName("sourceIssueId")]
    public string? SourceIssueId { get; set; }

    /// <summary>The id of the issue the link points to.</summary>
    [JsonPropertyName("destinationIssueId")]
    public string? DestinationIssueId { get; set; }

    /// <summary>The kind of link.</summary>
    [JsonPropertyName("issueLinkType")]
    public WebhookIssueLinkType? IssueLinkType { get; set; }

    /// <summary>Whether Jira made the link itself (for example sub-task or epic links) rather than a user.</summary>
    [JsonPropertyName("systemLink")]
    public bool? SystemLink { get; set; }

    /// <summary>Keys this type does not model, kept as JSON.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The type of an issue link as webhooks describe it.</summary>
public sealed class WebhookIssueLinkType
{
    /// <summary>The link type id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The link type name, e.g. <c>Blocks</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The phrase read from the destination, e.g. <c>is blocked by</c>.</summary>
    [JsonPropertyName("inwardName")]
    public string? InwardName { get; set; }

    /// <summary>The phrase read from the source, e.g. <c>blocks</c>.</summary>
    [JsonPropertyName("outwardName")]
    public string? OutwardName { get; set; }

    /// <summary>Whether the link type is a subtask link.</summary>
    [JsonPropertyName("isSubTaskLinkType")]
    public bool? IsSubTaskLinkType { get; set; }

    /// <summary>Whether Jira defines the link type.</summary>
    [JsonPropertyName("isSystemLinkType")]
    public bool? IsSystemLinkType { get; set; }

    /// <summary>Keys this type does not model, kept as JSON.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
