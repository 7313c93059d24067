using System.Text.Json;
using JiraSdk.Serialization;

namespace JiraSdk.Tests.Serialization;

public class JsonObjectDictionaryTests
{
    private static JsonObjectDictionary Read(string json) => new(Utf8JsonObject.FromUtf8(System.Text.Encoding.UTF8.GetBytes(json)));

    [Test]
    public void LooksValuesUpLikeTheDictionaryItReplaces()
    {
        var fields = Read("""{"summary":"Hi","duedate":null,"labels":["a"],"summary":"Last"}""");

        Assert.That(fields.TryGetValue("summary", out var summary), Is.True);
        Assert.That(((JsonElement)summary!).GetString(), Is.EqualTo("Last"), "a repeated name keeps its last value");
        Assert.That(fields.ContainsKey("duedate"), Is.True);
        Assert.That(fields["duedate"], Is.Null, "JSON null reads as null");
        Assert.That(fields.ContainsKey("Summary"), Is.False, "names are ordinal");
        Assert.That(() => fields["missing"], Throws.InstanceOf<KeyNotFoundException>());
        Assert.That(() => fields.TryGetValue(null!, out _), Throws.ArgumentNullException);
    }

    [Test]
    public void EnumeratesCountsAndChangesAsADictionary()
    {
        var fields = Read("""{"summary":"Hi","duedate":null,"summary":"Last"}""");

        Assert.That(fields.Count, Is.EqualTo(2));
        Assert.That(fields.Keys, Is.EqualTo(new[] { "summary", "duedate" }));
        fields["priority"] = "High";
        fields.Remove("duedate");
        fields.Add("labels", new[] { "x" });

        Assert.That(fields.Keys, Is.EquivalentTo(new[] { "summary", "priority", "labels" }));
        Assert.That(fields["priority"], Is.EqualTo("High"));
        Assert.That(((JsonElement)fields["summary"]).GetString(), Is.EqualTo("Last"));
        Assert.That(() => fields.Add("summary", "again"), Throws.ArgumentException);
    }

    [Test]
    public void WritesBackTheSameJsonThroughTheSerializer()
    {
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);
        IDictionary<string, object> fields = Read("""{"summary":"Hi","duedate":null,"customfield_1":{"value":"Gold"}}""");

        Assert.That(JsonSerializer.Serialize(fields, options), Is.EqualTo("""{"summary":"Hi","duedate":null,"customfield_1":{"value":"Gold"}}"""));
    }
}
