using System.Text.Json;
using JiraSdk.Serialization;
using JiraSdk.V3;

namespace JiraSdk.Tests.Generated;

/// <summary>The three oneOf + discriminator schemas of v3 read into subtypes and write back the same JSON.</summary>
public class DiscriminatorTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);
        return options;
    }

    [TestCase("""{"type":"user","accountId":"5b10ac8d82e05b22cc7d4ef5"}""", typeof(UserContextVariable))]
    [TestCase("""{"type":"issue","id":10002,"key":"DOCS-1"}""", typeof(IssueContextVariable))]
    public void CustomContextVariableRoundTrips(string json, Type expected) => AssertRoundTrip<CustomContextVariable>(json, expected);

    [TestCase("""{"type":"datepicker","date":"2024-01-31","useCurrent":false}""", typeof(CustomFieldContextDefaultValueDate))]
    [TestCase("""{"type":"option.single","contextId":"10100","optionId":"10001"}""", typeof(CustomFieldContextDefaultValueSingleOption))]
    public void CustomFieldContextDefaultValueRoundTrips(string json, Type expected) => AssertRoundTrip<CustomFieldContextDefaultValue>(json, expected);

    [Test]
    public void NestedWorkflowConditionsRoundTrip()
    {
        const string json = """{"nodeType":"compound","conditions":[{"nodeType":"simple","type":"PermissionCondition"}],"operator":"AND"}""";
        AssertRoundTrip<WorkflowCondition>(json, typeof(WorkflowCompoundCondition));
        var compound = (WorkflowCompoundCondition)JsonSerializer.Deserialize<WorkflowCondition>(json, Options)!;
        Assert.That(compound.Conditions!.Single(), Is.InstanceOf<WorkflowSimpleCondition>());
    }

    private static void AssertRoundTrip<TBase>(string json, Type expected)
    {
        var value = JsonSerializer.Deserialize<TBase>(json, Options);
        Assert.That(value, Is.InstanceOf(expected));
        var written = JsonSerializer.Serialize(value, Options);
        Assert.That(JsonNodeEquals(written, json), Is.True, $"wrote {written}");
    }

    private static bool JsonNodeEquals(string a, string b) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(a), System.Text.Json.Nodes.JsonNode.Parse(b));
}
