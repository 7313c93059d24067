using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSdk.Benchmarks;

// The baseline: what a careful developer writes by hand with System.Text.Json source generation, copying every
// system field the SDK exposes into typed properties.

public sealed class RawIssue
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("key")] public string? Key { get; set; }
    [JsonPropertyName("self")] public string? Self { get; set; }
    [JsonPropertyName("fields")] public RawFields? Fields { get; set; }
}

public sealed class RawFields
{
    [JsonPropertyName("summary")] public string? Summary { get; set; }
    [JsonPropertyName("status")] public RawStatus? Status { get; set; }
    [JsonPropertyName("issuetype")] public RawNamed? IssueType { get; set; }
    [JsonPropertyName("project")] public RawProject? Project { get; set; }
    [JsonPropertyName("assignee")] public RawUser? Assignee { get; set; }
    [JsonPropertyName("reporter")] public RawUser? Reporter { get; set; }
    [JsonPropertyName("priority")] public RawNamed? Priority { get; set; }
    [JsonPropertyName("labels")] public List<string>? Labels { get; set; }
    [JsonPropertyName("created")] public string? Created { get; set; }
    [JsonPropertyName("updated")] public string? Updated { get; set; }
    [JsonPropertyName("description")] public JsonElement? Description { get; set; }
}

public sealed class RawStatus
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("statusCategory")] public RawNamed? StatusCategory { get; set; }
}

public sealed class RawNamed
{
    [JsonPropertyName("id")] public JsonElement Id { get; set; }
    [JsonPropertyName("key")] public string? Key { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class RawProject
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("key")] public string? Key { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class RawUser
{
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }
    [JsonPropertyName("displayName")] public string? DisplayName { get; set; }
    [JsonPropertyName("emailAddress")] public string? EmailAddress { get; set; }
    [JsonPropertyName("active")] public bool? Active { get; set; }
}

public sealed class RawSearchPage
{
    [JsonPropertyName("issues")] public List<RawIssue>? Issues { get; set; }
    [JsonPropertyName("nextPageToken")] public string? NextPageToken { get; set; }
    [JsonPropertyName("isLast")] public bool? IsLast { get; set; }
}

[JsonSerializable(typeof(RawIssue))]
[JsonSerializable(typeof(RawSearchPage))]
internal sealed partial class RawJson : JsonSerializerContext;
