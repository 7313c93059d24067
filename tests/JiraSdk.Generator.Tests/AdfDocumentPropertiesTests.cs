using JiraSdk.Generator.Normalizations;

namespace JiraSdk.Generator.Tests;

public class AdfDocumentPropertiesTests
{
    // Shapes as in jira-platform-v3.json: Comment.body and Worklog.comment are untyped and name ADF in their description;
    // MandatoryFieldValueForADF.value is a typed map that may hold ADF among other values; Project.description is a string.
    private const string V3Shapes = """
        {"components":{"schemas":{
          "Comment":{"type":"object","properties":{
            "body":{"description":"The comment text in [Atlassian Document Format](https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/)."},
            "id":{"type":"string","readOnly":true}}},
          "Worklog":{"type":"object","properties":{
            "comment":{"description":"A comment about the worklog in [Atlassian Document Format](https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/)."}}},
          "MandatoryFieldValueForADF":{"type":"object","properties":{
            "value":{"description":"Value for each field. Accepts Atlassian Document Format (ADF) for rich text fields.","type":"object"}}},
          "Project":{"type":"object","properties":{"description":{"type":"string","description":"A description."}}}}}}
        """;

    [Test]
    public void UntypedV3PropertiesDescribedAsAdfReferToTheExcludedAdfDocumentSchema()
    {
        var document = Spec.Parse(V3Shapes);

        new AdfDocumentProperties("v3").Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/Comment/properties/body"), Is.EqualTo(
            """{"$ref":"#/components/schemas/AdfDocument","description":"The comment text in [Atlassian Document Format](https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/)."}"""));
        Assert.That(Spec.At(document, "/components/schemas/Worklog/properties/comment/$ref"), Is.EqualTo("\"#/components/schemas/AdfDocument\""));
        Assert.That(Spec.At(document, "/components/schemas/MandatoryFieldValueForADF/properties/value/type"), Is.EqualTo("\"object\""));
        Assert.That(Spec.At(document, "/components/schemas/Project/properties/description"), Is.EqualTo("""{"type":"string","description":"A description."}"""));
        Assert.That(Spec.At(document, "/components/schemas/AdfDocument/type"), Is.EqualTo("\"object\""));
        Assert.That(document.Changes, Is.EqualTo(new[] { "2 rich-text properties typed as JiraSdk.RichText.AdfDocument: Comment.body, Worklog.comment" }));
    }

    [Test]
    public void TheRichTextInputsAdfValueIsADocumentThoughItsSchemaIsAFreeFormObject()
    {
        // As in jira-platform-v3.json; JiraIssueFields.richTextFields says adfValue takes only ADF.
        var document = Spec.Parse("""
            {"components":{"schemas":{
              "JiraRichTextInput":{"additionalProperties":false,"type":"object","properties":{"adfValue":{"additionalProperties":{},"type":"object"}}},
              "Other":{"type":"object","properties":{"adfValue":{"additionalProperties":{},"type":"object"}}}}}}
            """);

        new AdfDocumentProperties("v3").Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/JiraRichTextInput/properties/adfValue"), Is.EqualTo("""{"$ref":"#/components/schemas/AdfDocument"}"""));
        Assert.That(Spec.At(document, "/components/schemas/Other/properties/adfValue/type"), Is.EqualTo("\"object\""), "only the listed property");
    }

    [Test]
    public void V2KeepsItsWikiMarkupPropertiesAsTheyAre()
    {
        var document = Spec.Parse(V3Shapes);
        var before = document.Root.ToJsonString();

        new AdfDocumentProperties("v2").Apply(document);

        Assert.That(document.Root.ToJsonString(), Is.EqualTo(before));
        Assert.That(document.Changes, Is.Empty);
    }

    [Test]
    public void ASpecWithItsOwnAdfDocumentSchemaFailsTheGenerationClearly()
    {
        var document = Spec.Parse(V3Shapes.Replace("\"Project\":", "\"AdfDocument\":{\"type\":\"string\"},\"Project\":", StringComparison.Ordinal));

        Assert.That(() => new AdfDocumentProperties("v3").Apply(document), Throws.TypeOf<GeneratorException>().With.Message.Contains("AdfDocument"));
    }
}
