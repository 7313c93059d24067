using System.Runtime.Serialization;
using System.Text.Json;
using JiraSdk.Serialization;

namespace JiraSdk.Tests.Serialization;

public class JiraEnumConverterTests
{
    public enum EventName
    {
        [EnumMember(Value = "jira:issue_created")] JiraIssueCreated,
        [EnumMember(Value = "comment_created")] CommentCreated,
    }

    public sealed class Subscription
    {
        public EventName Required { get; set; }
        public EventName? Optional { get; set; }
        public List<EventName>? Events { get; set; }
    }

    private static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);
        return options;
    }

    [Test]
    public void WritesWireValuesSingleAndInCollections()
    {
        var json = JsonSerializer.Serialize(new Subscription { Required = EventName.CommentCreated, Optional = EventName.JiraIssueCreated, Events = [EventName.JiraIssueCreated] }, Options);

        Assert.That(json, Is.EqualTo("""{"Required":"comment_created","Optional":"jira:issue_created","Events":["jira:issue_created"]}"""));
    }

    [Test]
    public void AnUnknownValueInAnOptionalPropertyReadsAsNull()
    {
        var value = JsonSerializer.Deserialize<Subscription>("""{"Required":"comment_created","Optional":"sprint_started"}""", Options)!;

        Assert.That(value.Required, Is.EqualTo(EventName.CommentCreated));
        Assert.That(value.Optional, Is.Null);
    }

    [Test]
    public void AnUnknownValueInARequiredPropertyIsAJsonErrorWithItsPath()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Subscription>("""{"Required":"sprint_started"}""", Options));

        Assert.That(error!.Message, Does.Contain("sprint_started"));
        Assert.That(error.Path, Is.EqualTo("$.Required"));
    }
}
