using JiraSdk.Generator.Normalizations;

namespace JiraSdk.Generator.Tests;

/// <summary>The normalizations the Jira Software (agile) and Data Center specs need, each on the smallest spec that shows it.</summary>
public class AgileAndDataCenterNormalizationTests
{
    [Test]
    public void TheDataCenterServerPathMovesIntoEveryPath()
    {
        var document = Spec.Parse("""
            {"servers":[{"url":"http://{baseurl}/rest","variables":{"baseurl":{"default":"localhost:8090"}}}],
             "paths":{"/api/2/issue/{issueIdOrKey}":{"get":{"operationId":"getIssue"}},"/agile/1.0/board":{"get":{"operationId":"getAllBoards"}}}}
            """);

        new ServerBasePath().Apply(document);

        Assert.That(document.Operations().Select(op => op.Path), Is.EqualTo(new[] { "/rest/api/2/issue/{issueIdOrKey}", "/rest/agile/1.0/board" }));
        Assert.That(Spec.At(document, "/servers/0/url"), Is.EqualTo("\"http://{baseurl}\""));
    }

    [Test]
    public void ACloudServerWithoutAPathLeavesThePathsAlone()
    {
        var document = Spec.Parse("""{"servers":[{"url":"https://your-domain.atlassian.net"}],"paths":{"/rest/agile/1.0/board":{"get":{"operationId":"getAllBoards"}}}}""");

        new ServerBasePath().Apply(document);

        Assert.That(document.Operations().Single().Path, Is.EqualTo("/rest/agile/1.0/board"));
        Assert.That(document.Changes, Is.Empty);
    }

    [Test]
    public void TwoApisSharingAnOperationIdInOneTagGetOneClientEach()
    {
        var document = Spec.Parse("""
            {"paths":{
              "/rest/agile/1.0/issue/{issueIdOrKey}":{"get":{"operationId":"getIssue","tags":["Issue"]}},
              "/rest/agile/1.0/issue/rank":{"put":{"operationId":"rankIssues","tags":["Issue"]}},
              "/rest/api/2/issue/{issueIdOrKey}":{"get":{"operationId":"getIssue","tags":["Issue"]},"put":{"operationId":"editIssue","tags":["Issue"]}},
              "/rest/api/2/issue":{"post":{"operationId":"createIssue","tags":["Issue"]}},
              "/rest/api/2/project":{"get":{"operationId":"getProject","tags":["Project"]}}}}
            """);

        new OperationIdClashes().Apply(document);

        var tags = document.Operations().ToDictionary(op => $"{op.Method} {op.Path}", op => op.Node["tags"]![0]!.GetValue<string>());
        Assert.That(tags["get /rest/agile/1.0/issue/{issueIdOrKey}"], Is.EqualTo("AgileIssue"));
        Assert.That(tags["put /rest/agile/1.0/issue/rank"], Is.EqualTo("AgileIssue"), "the whole agile part of the tag moves, so each client holds one API");
        Assert.That(tags["get /rest/api/2/issue/{issueIdOrKey}"], Is.EqualTo("Issue"));
        Assert.That(tags["get /rest/api/2/project"], Is.EqualTo("Project"));
        Assert.That(document.Operations().Select(op => op.OperationId), Has.Exactly(2).EqualTo("getIssue"), "both keep their operationId");
    }

    [Test]
    public void TwoOperationsOfOneApiSharingAnIdFailTheGeneration()
    {
        var document = Spec.Parse("""
            {"paths":{"/rest/api/2/a":{"get":{"operationId":"getThing","tags":["T"]}},"/rest/api/2/b":{"get":{"operationId":"getThing","tags":["T"]}}}}
            """);

        var error = Assert.Throws<InvalidOperationException>(() => new OperationIdClashes().Apply(document));
        Assert.That(error!.Message, Does.Contain("getThing").And.Contain("patch"));
    }

    [Test]
    public void AResponseDescribedOnlyByAnExampleReturnsItsJson()
    {
        var document = Spec.Parse("""
            {"paths":{"/rest/agile/1.0/sprint/{sprintId}":{"get":{"operationId":"getSprint","responses":{
              "200":{"content":{"application/json":{"example":"{\"id\":37}"}}},
              "404":{"content":{"application/json":{"example":"{}"}}}}}}}}
            """);

        new ExampleOnlyResponses().Apply(document);

        Assert.That(Spec.At(document, "/paths/~1rest~1agile~11.0~1sprint~1{sprintId}/get/responses/200/content/application~1json/schema"), Is.EqualTo("{}"));
        Assert.That(Spec.At(document, "/paths/~1rest~1agile~11.0~1sprint~1{sprintId}/get/responses/404/content/application~1json"), Does.Not.Contain("schema"),
            "error bodies are read by the error mapping, not the method");
    }

    [Test]
    public void AFreeFormObjectQueryParameterBecomesAMapOfStrings()
    {
        var document = Spec.Parse("""
            {"paths":{"/rest/remotelinks/1.0/bulkByProperties":{"delete":{"operationId":"deleteRemoteLinksByProperty","parameters":[
              {"name":"params","in":"query","schema":{"type":"object"}},
              {"name":"_updateSequenceNumber","in":"query","schema":{"type":"integer"}}]}}}}
            """);

        new ObjectQueryParameters().Apply(document);

        Assert.That(Spec.At(document, "/paths/~1rest~1remotelinks~11.0~1bulkByProperties/delete/parameters/0/schema"),
            Is.EqualTo("""{"type":"object","additionalProperties":{"type":"string"}}"""));
        Assert.That(Spec.At(document, "/paths/~1rest~1remotelinks~11.0~1bulkByProperties/delete/parameters/1/schema"), Is.EqualTo("""{"type":"integer"}"""));
    }

    [Test]
    public void AJavaStringListQueryParameterIsOneCommaSeparatedString()
    {
        var document = Spec.Parse("""
            {"components":{"schemas":{"StringList":{"type":"object","example":null}}},
             "paths":{"/rest/api/2/filter/{id}":{"get":{"operationId":"getFilter","parameters":[{"name":"expand","in":"query","schema":{"$ref":"#/components/schemas/StringList"}}]}},
                      "/rest/agile/1.0/board":{"get":{"operationId":"getAllBoards","parameters":[{"name":"type","in":"query","schema":{"additionalProperties":false,"type":"object"}}]}}}}
            """);

        new ObjectQueryParameters().Apply(document);

        Assert.That(Spec.At(document, "/paths/~1rest~1api~12~1filter~1{id}/get/parameters/0/schema/type"), Is.EqualTo("\"string\""));
        Assert.That(Spec.At(document, "/paths/~1rest~1agile~11.0~1board/get/parameters/0/schema/type"), Is.EqualTo("\"string\""));
    }

    [Test]
    public void OneOperationIdInTwoClientsKeepsItsMethodNameInBoth()
    {
        var document = Spec.Parse("""
            {"paths":{"/rest/agile/1.0/board/{boardId}/properties/{propertyKey}":{"get":{"operationId":"getProperty","tags":["Board"]}},
                      "/rest/api/2/application-properties":{"get":{"operationId":"getProperty","tags":["ApplicationProperties"]}}}}
            """);

        new SharedOperationIds().Apply(document);

        // NSwag numbers operationIds that are equal (ordinal); its method name only capitalizes the first letter.
        Assert.That(document.Operations().Select(op => op.OperationId), Is.EqualTo(new[] { "getProperty", "GetProperty" }));
    }

    [Test]
    public void OneOperationIdTwiceInOneClientFailsTheGeneration()
    {
        var document = Spec.Parse("""
            {"paths":{"/a":{"get":{"operationId":"getThing","tags":["T"]}},"/b":{"get":{"operationId":"getThing","tags":["T"]}}}}
            """);

        var error = Assert.Throws<InvalidOperationException>(() => new SharedOperationIds().Apply(document));
        Assert.That(error!.Message, Does.Contain("getThing"));
    }

    [Test]
    public void AnAllOfOfOneInlineSchemaIsThatSchema()
    {
        var document = Spec.Parse("""
            {"components":{"schemas":{"Changelog":{"type":"object","properties":{
              "historyMetadata":{"description":"The history metadata.","allOf":[{"description":"Details.","type":"object","properties":{"type":{"type":"string"}}}]},
              "author":{"allOf":[{"$ref":"#/components/schemas/User"}]}}}}}}
            """);

        new SingleInlineAllOf().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/Changelog/properties/historyMetadata"),
            Is.EqualTo("""{"description":"The history metadata.","type":"object","properties":{"type":{"type":"string"}}}"""));
        Assert.That(Spec.At(document, "/components/schemas/Changelog/properties/author"), Is.EqualTo("""{"allOf":[{"$ref":"#/components/schemas/User"}]}"""));
    }

    [Test]
    public void AUnionOfInlineObjectsWithoutADiscriminatorBecomesOneObjectThatReadsEveryMember()
    {
        var document = Spec.Parse("""
            {"components":{"schemas":{"Deployment":{"type":"object","properties":{"associations":{"type":"array","items":{"oneOf":[
              {"type":"object","required":["associationType","values"],"properties":{
                "associationType":{"type":"string","enum":["issueIdOrKeys"]},"values":{"type":"array","items":{"type":"string"}}}},
              {"type":"object","required":["associationType"],"properties":{
                "associationType":{"type":"string","enum":["serviceIdOrKeys"]},"values":{"type":"array","items":{"type":"string"}},
                "services":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"}}}}}}]}}}}}}}
            """);

        new InlineUnions().Apply(document);

        const string items = "/components/schemas/Deployment/properties/associations/items";
        Assert.That(Spec.At(document, items + "/oneOf"), Is.EqualTo("null"));
        Assert.That(Spec.At(document, items + "/properties/associationType/enum"), Is.EqualTo("""["issueIdOrKeys","serviceIdOrKeys"]"""));
        Assert.That(Spec.At(document, items + "/properties/values"), Is.EqualTo("""{"type":"array","items":{"type":"string"}}"""));
        Assert.That(Spec.At(document, items + "/properties/services/type"), Is.EqualTo("\"array\""));
        Assert.That(Spec.At(document, items + "/required"), Is.EqualTo("""["associationType"]"""), "required only where every member requires it");
    }

    [Test]
    public void AUnionOfOneInlineObjectIsThatObject()
    {
        var document = Spec.Parse("""
            {"components":{"schemas":{"Vulnerability":{"type":"object","properties":{"removeAssociations":{"type":"array","items":{"anyOf":[
              {"title":"IssueIdOrKeysAssociation","type":"object","required":["values"],"properties":{"values":{"type":"array","items":{"type":"string"}}}}]}}}}}}}
            """);

        new InlineUnions().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/Vulnerability/properties/removeAssociations/items"),
            Is.EqualTo("""{"type":"object","properties":{"values":{"type":"array","items":{"type":"string"}}},"required":["values"]}"""));
    }
}
