using JiraSdk.Generator.Normalizations;

namespace JiraSdk.Generator.Tests;

public class NormalizationTests
{
    [Test]
    public void TagsBecomePascalCaseClientNamesAndTheUntaggedOperationGetsOne()
    {
        var document = Spec.Parse("""
            {"tags":[{"name":"Issue custom field values (apps)"}],
             "paths":{"/rest/api/3/app/field/value":{"post":{"operationId":"updateMultipleCustomFieldValues","tags":["Issue custom field values (apps)"]}},
                      "/rest/internal/api/latest/worklog/bulk":{"post":{"operationId":"getWorklogsByIssueIdAndWorklogId"}}}}
            """);

        new TagNames().Apply(document);

        Assert.That(Spec.At(document, "/paths/~1rest~1api~13~1app~1field~1value/post/tags"), Is.EqualTo("""["IssueCustomFieldValuesApps"]"""));
        Assert.That(Spec.At(document, "/paths/~1rest~1internal~1api~1latest~1worklog~1bulk/post/tags"), Is.EqualTo("""["InternalWorklog"]"""));
        Assert.That(Spec.At(document, "/tags/0/name"), Is.EqualTo("\"IssueCustomFieldValuesApps\""));
    }

    [Test]
    public void BooleanEnumsBecomePlainBooleans()
    {
        var document = Spec.Parse("""{"components":{"schemas":{"BoardFeaturePayload":{"properties":{"state":{"type":"boolean","enum":[true,false]}}}}}}""");

        new BooleanEnums().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/BoardFeaturePayload/properties/state"), Is.EqualTo("""{"type":"boolean"}"""));
    }

    [Test]
    public void OneOfWithDiscriminatorBecomesABaseTypeWithSubtypes()
    {
        var document = Spec.Parse("""
            {"components":{"schemas":{
              "Condition":{"type":"object","oneOf":[{"$ref":"#/components/schemas/Simple"}],
                           "discriminator":{"propertyName":"nodeType","mapping":{"simple":"#/components/schemas/Simple"}}},
              "Simple":{"description":"A simple one.","type":"object","required":["nodeType","type"],
                        "properties":{"nodeType":{"type":"string"},"type":{"type":"string"}}}}}}
            """);

        new Discriminators().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/Condition"),
            Is.EqualTo("""{"type":"object","discriminator":{"propertyName":"nodeType","mapping":{"simple":"#/components/schemas/Simple"}}}"""));
        Assert.That(Spec.At(document, "/components/schemas/Simple"),
            Is.EqualTo("""{"description":"A simple one.","allOf":[{"$ref":"#/components/schemas/Condition"},{"type":"object","required":["type"],"properties":{"type":{"type":"string"}}}]}"""));
    }

    [Test]
    public void ADiscriminatorWithoutSubtypesIsRemoved()
    {
        var document = Spec.Parse("""{"components":{"schemas":{"Association":{"type":"object","discriminator":{"propertyName":"type"},"properties":{"type":{"type":"string"}}}}}}""");

        new Discriminators().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/Association"), Is.EqualTo("""{"type":"object","properties":{"type":{"type":"string"}}}"""));
    }

    [Test]
    public void NoContentResponsesLoseTheirBody()
    {
        var document = Spec.Parse("""{"paths":{"/x":{"put":{"operationId":"x","responses":{"204":{"description":"ok","content":{"application/json":{"schema":{}}}}}}}}}""");

        new NoContentResponses().Apply(document);

        Assert.That(Spec.At(document, "/paths/~1x/put/responses/204"), Is.EqualTo("""{"description":"ok"}"""));
    }

    [Test]
    public void StreamingResponseBodiesBecomeBinary()
    {
        var document = Spec.Parse("""
            {"paths":{"/a":{"get":{"operationId":"getAvatar","responses":{"200":{"content":{
              "application/json":{"schema":{"$ref":"#/components/schemas/StreamingResponseBody"}},"image/png":{}}}}}}}}
            """);

        new BinaryResponses().Apply(document);

        Assert.That(Spec.At(document, "/paths/~1a/get/responses/200/content"), Is.EqualTo("""{"image/png":{"schema":{"type":"string","format":"binary"}}}"""));
    }

    [Test]
    public void InlineTypesAreNamedAfterTheirOwners()
    {
        var document = Spec.Parse("""
            {"paths":{"/p":{"get":{"operationId":"getProjects",
               "parameters":[{"name":"orderBy","in":"query","schema":{"type":"string","enum":["name","-name"]}}],
               "requestBody":{"content":{"application/json":{"schema":{"type":"object","properties":{"a":{"type":"string"}}}}}},
               "responses":{"200":{"content":{"application/json":{"schema":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"}}}}}}}}}}},
             "components":{"schemas":{
               "Project":{"properties":{"style":{"type":"string","enum":["classic","next-gen"]},
                                        "lead":{"type":"object","properties":{"name":{"type":"string"}}}}},
               "ProjectStyle":{"type":"string"}}}}
            """);

        new InlineSchemas().Apply(document);

        Assert.That(Spec.At(document, "/paths/~1p/get/parameters/0/schema"), Is.EqualTo("""{"$ref":"#/components/schemas/GetProjectsOrderBy"}"""));
        Assert.That(Spec.At(document, "/paths/~1p/get/requestBody/content/application~1json/schema"), Is.EqualTo("""{"$ref":"#/components/schemas/GetProjectsRequest"}"""));
        Assert.That(Spec.At(document, "/paths/~1p/get/responses/200/content/application~1json/schema/items"), Is.EqualTo("""{"$ref":"#/components/schemas/GetProjectsResponseItem"}"""));
        Assert.That(Spec.At(document, "/components/schemas/Project/properties/lead"), Is.EqualTo("""{"$ref":"#/components/schemas/ProjectLead"}"""));
        // ProjectStyle is taken by an existing schema, so the enum takes a word, not a number.
        Assert.That(Spec.At(document, "/components/schemas/Project/properties/style"), Is.EqualTo("""{"$ref":"#/components/schemas/ProjectStyleValue"}"""));
        Assert.That(Spec.At(document, "/components/schemas/ProjectStyleValue/enum"), Is.EqualTo("""["classic","next-gen"]"""));
    }

    [Test]
    public void SchemaNamesThatWouldMakeNSwagNumberThingsAreRenamedEverywhere()
    {
        var document = Spec.Parse("""
            {"paths":{"/v":{"get":{"operationId":"getVotes","responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Votes"}}}}}}}},
             "components":{"schemas":{
               "Votes":{"properties":{"votes":{"type":"integer"}}},
               "Jackson1":{"type":"object"},
               "Fields":{"type":"object"},
               "fields":{"discriminator":{"propertyName":"type","mapping":{"a":"#/components/schemas/Jackson1"}}},
               "Holder":{"properties":{"j":{"$ref":"#/components/schemas/Jackson1"},"f":{"$ref":"#/components/schemas/fields"}}}}}}
            """);

        new SchemaNames().Apply(document);

        var schemas = document.Schemas.Select(s => s.Key).ToList();
        Assert.That(schemas, Is.EqualTo(new[] { "VotesDetails", "Jackson", "Fields", "FieldsValue", "Holder" }));
        Assert.That(Spec.At(document, "/paths/~1v/get/responses/200/content/application~1json/schema"), Is.EqualTo("""{"$ref":"#/components/schemas/VotesDetails"}"""));
        Assert.That(Spec.At(document, "/components/schemas/Holder/properties"), Is.EqualTo("""{"j":{"$ref":"#/components/schemas/Jackson"},"f":{"$ref":"#/components/schemas/FieldsValue"}}"""));
        Assert.That(Spec.At(document, "/components/schemas/FieldsValue/discriminator/mapping/a"), Is.EqualTo("\"#/components/schemas/Jackson\""));
    }

    [TestCase("jira:issue_created", "JiraIssueCreated")]
    [TestCase("PROJECT_ID", "ProjectId")]
    [TestCase("next-gen", "NextGen")]
    [TestCase("-name", "Name")]
    [TestCase("2xx", "_2xx")]
    [TestCase("", "Empty")]
    public void EnumMembersGetPascalCaseNames(string value, string expected) =>
        Assert.That(EnumMemberNames.MemberName(value), Is.EqualTo(expected));

    [Test]
    public void EnumsWhoseNamesWouldCollideKeepNSwagNames()
    {
        var document = Spec.Parse("""{"components":{"schemas":{"A":{"type":"string","enum":["name","-name","NAME"]},"B":{"type":"string","enum":["a-b","c"]}}}}""");

        new EnumMemberNames().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/A"), Does.Not.Contain("x-enumNames"));
        Assert.That(Spec.At(document, "/components/schemas/B/x-enumNames"), Is.EqualTo("""["AB","C"]"""));
    }

    [Test]
    public void OperationIdsEndingInAsyncOrWithJavaNamesAreMadeDistinct()
    {
        var document = Spec.Parse("""
            {"paths":{"/a":{"put":{"operationId":"archiveIssues"},"post":{"operationId":"archiveIssuesAsync"}},
                      "/b":{"get":{"operationId":"AddonPropertiesResource.getAddonProperties_get"}}}}
            """);

        new OperationNames().Apply(document);

        Assert.That(document.Operations().Select(op => op.OperationId), Is.EqualTo(new[] { "archiveIssues", "archiveIssuesAsyncAsync", "getAddonProperties" }));
    }
}
