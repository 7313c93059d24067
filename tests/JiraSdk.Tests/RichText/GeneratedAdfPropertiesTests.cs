using System.Text.Json;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using JiraSdk.RichText;
using JiraSdk.Serialization;
using JiraSdk.Tests.Generated;
using JiraSdk.V3;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.RichText;

/// <summary>The generated v3 models type rich text as <see cref="AdfDocument"/> (generator: AdfDocumentProperties).</summary>
public class GeneratedAdfPropertiesTests : GeneratedClientFixture
{
    // A comment as Jira Cloud returns it, with a node and an attribute the SDK's schema does not know.
    private const string Body = """
        {"type":"doc","version":1,"content":[
          {"type":"paragraph","content":[{"type":"text","text":"Ask "},{"type":"mention","attrs":{"id":"5b10a2844c20165700ede21g","text":"@Ann","accessLevel":""}},
            {"type":"text","text":" about ","marks":[{"type":"strong"}]},{"type":"status","attrs":{"text":"DONE","color":"green","localId":"s1"}}]},
          {"type":"panel","attrs":{"panelType":"info"},"content":[{"type":"paragraph","content":[{"type":"text","text":"note"}]}]},
          {"type":"futureNode","attrs":{"future":true},"content":[{"type":"text","text":"kept"}]}]}
        """;

    [Test]
    public void TheV3ModelsTypeExactlyTheRichTextPropertiesTheSpecDescribesAsAdf()
    {
        var typed = typeof(JiraApiV3).Assembly.GetTypes()
            .SelectMany(type => type.GetProperties().Where(p => p.DeclaringType == type && p.PropertyType == typeof(AdfDocument)).Select(p => type.Name + "." + p.Name))
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.That(typed, Is.EqualTo(new[] { "Comment.Body", "JiraRichTextInput.AdfValue", "Worklog.Comment" }));
    }

    [Test]
    public void ARichTextInputSendsItsDocumentAsAdf()
    {
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);

        var json = JsonSerializer.Serialize(new JiraRichTextInput { AdfValue = AdfDocument.FromMarkdown("Fixed in **1.2**") }, options);

        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse("""
            {"adfValue":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Fixed in "},{"type":"text","text":"1.2","marks":[{"type":"strong"}]}]}]}}
            """)), Is.True, json);
        Assert.That(JsonSerializer.Deserialize<JiraRichTextInput>(json, options)!.AdfValue!.ToMarkdown(), Is.EqualTo("Fixed in **1.2**"));
    }

    [Test]
    public async Task ACommentBodyIsReadAsADocumentAndWrittenBackUnchanged()
    {
        Mock.Expect(HttpMethod.Get, Site + "rest/api/3/issue/DOCS-1/comment/10000")
            .Respond("application/json", """{"id":"10000","body":""" + Body + "}");
        string? sent = null;
        Mock.Expect(HttpMethod.Put, Site + "rest/api/3/issue/DOCS-1/comment/10000")
            .With(request => { sent = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult(); return true; })
            .Respond("application/json", """{"id":"10000"}""");

        var comment = await Api.IssueComments.GetCommentAsync("DOCS-1", "10000");
        await Api.IssueComments.UpdateCommentAsync("DOCS-1", "10000", body: new Comment { Body = comment.Body });

        Assert.That(comment.Body, Is.Not.Null);
        Assert.That(comment.Body!.Content![0].Content![1], Is.TypeOf<AdfMention>());
        Assert.That(comment.Body.ToMarkdown(), Does.Contain(":mention{"));
        Mock.VerifyNoOutstandingExpectation();
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(sent!)!["body"], JsonNode.Parse(Body)), Is.True, sent);
    }

    [Test]
    public void AWikiMarkupBodyAsCloudWebhooksAndDataCenterSendItIsReadAsADocument()
    {
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);

        var comment = JsonSerializer.Deserialize<Comment>("""{"id":"1","body":"Looks *good*"}""", options)!;
        var worklog = JsonSerializer.Deserialize<Worklog>("""{"id":"2","comment":null}""", options)!;

        Assert.That(comment.Body!.ToMarkdown(), Is.EqualTo("Looks **good**"));
        Assert.That(worklog.Comment, Is.Null);
    }

    [Test]
    public void AValueThatIsNotADocumentIsASerializationErrorNamingTheProblem()
    {
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);

        Assert.That(() => JsonSerializer.Deserialize<Comment>("""{"body":{"type":"paragraph"}}""", options),
            Throws.InstanceOf<JsonException>().With.InnerException.TypeOf<AdfFormatException>());
    }
}
