using JiraSdk.Generator.Normalizations;

namespace JiraSdk.Generator.Tests;

public class IssueFieldsPropertyTests
{
    // IssueBean.fields as jira-platform-v3.json/-v2.json declare it ({} values) and as jira-datacenter.json does (object values).
    private const string CloudShapes = """
        {"components":{"schemas":{
          "IssueBean":{"type":"object","properties":{
            "fields":{"additionalProperties":{},"type":"object"},
            "renderedFields":{"additionalProperties":{},"type":"object","description":"The rendered value of each field."},
            "key":{"type":"string"}}},
          "IssueUpdateDetails":{"type":"object","properties":{"fields":{"additionalProperties":{},"type":"object"}}}}}}
        """;

    private const string DataCenterShapes = """
        {"components":{"schemas":{
          "IssueBean":{"type":"object","properties":{
            "fields":{"type":"object","additionalProperties":{"type":"object","example":{"watcher":{"isWatching":false}}}}}}}}}
        """;

    [Test]
    public void IssueBeanFieldsReferToTheExcludedIssueFieldsSchema()
    {
        var document = Spec.Parse(CloudShapes);

        new IssueFieldsProperty().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/IssueBean/properties/fields"), Is.EqualTo("""{"$ref":"#/components/schemas/IssueFields"}"""));
        Assert.That(Spec.At(document, "/components/schemas/IssueFields/type"), Is.EqualTo("\"object\""));
        Assert.That(Spec.At(document, "/components/schemas/IssueBean/properties/renderedFields/type"), Is.EqualTo("\"object\""), "rendered fields are HTML strings, not the read model");
        Assert.That(Spec.At(document, "/components/schemas/IssueUpdateDetails/properties/fields/type"), Is.EqualTo("\"object\""), "what is sent stays a free map");
        Assert.That(document.Changes, Is.EqualTo(new[] { "IssueBean.fields typed as JiraSdk.Issues.IssueFields" }));
    }

    [Test]
    public void DataCenterIssueFieldsAreTypedToo()
    {
        var document = Spec.Parse(DataCenterShapes);

        new IssueFieldsProperty().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/IssueBean/properties/fields/$ref"), Is.EqualTo("\"#/components/schemas/IssueFields\""));
    }

    [Test]
    public void AnIssueBeanWhoseFieldsAreAlreadyTypedIsLeftAlone()
    {
        var document = Spec.Parse(CloudShapes.Replace("\"fields\":{\"additionalProperties\":{},\"type\":\"object\"}",
            "\"fields\":{\"$ref\":\"#/components/schemas/Fields\"}", StringComparison.Ordinal));
        var before = document.Root.ToJsonString();

        new IssueFieldsProperty().Apply(document);

        Assert.That(document.Root.ToJsonString(), Is.EqualTo(before));
        Assert.That(document.Changes, Is.Empty);
    }

    [Test]
    public void ASpecWithItsOwnIssueFieldsSchemaFailsTheGenerationClearly()
    {
        var document = Spec.Parse(CloudShapes.Replace("\"IssueUpdateDetails\":", "\"IssueFields\":{\"type\":\"string\"},\"IssueUpdateDetails\":", StringComparison.Ordinal));

        Assert.That(() => new IssueFieldsProperty().Apply(document), Throws.TypeOf<GeneratorException>().With.Message.Contains("IssueFields"));
    }
}
