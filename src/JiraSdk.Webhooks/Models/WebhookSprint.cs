using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSdk.Webhooks.Models;

/// <summary>The <c>sprint</c> of a sprint event (Jira Software; the platform API has no sprint model to reuse).</summary>
public sealed class WebhookSprint
{
    /// <summary>The sprint id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>The REST URL of the sprint.</summary>
    [JsonPropertyName("self")]
    public string? Self { get; set; }

    /// <summary>The sprint state: <c>future</c>, <c>active</c> or <c>closed</c>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>The sprint name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>When the sprint starts.</summary>
    [JsonPropertyName("startDate")]
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>When the sprint is due to end.</summary>
    [JsonPropertyName("endDate")]
    public DateTimeOffset? EndDate { get; set; }

    /// <summary>When the sprint was completed.</summary>
    [JsonPropertyName("completeDate")]
    public DateTimeOffset? CompleteDate { get; set; }

    /// <summary>The board the sprint was created on.</summary>
    [JsonPropertyName("originBoardId")]
    public long? OriginBoardId { get; set; }

    /// <summary>The sprint goal.</summary>
    [JsonPropertyName("goal")]
    public string? Goal { get; set; }

    /// <summary>Keys this type does not model, kept as JSON.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>board</c> of a board event (Jira Software; the platform API has no board model to reuse).</summary>
public sealed class WebhookBoard
{
    /// <summary>The board id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>The REST URL of the board.</summary>
    [JsonPropertyName("self")]
    public string? Self { get; set; }

    /// <summary>The board name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The board type: <c>scrum</c>, <c>kanban</c> or <c>simple</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Keys this type does not model (for example <c>location</c> or <c>filter</c>), kept as JSON.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
