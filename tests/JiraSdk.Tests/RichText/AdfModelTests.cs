using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.RichText;

namespace JiraSdk.Tests.RichText;

public class AdfModelTests
{
    [Test]
    public void Every_node_and_mark_of_the_schema_has_a_model()
    {
        var missing = new List<string>();
        foreach (var definition in AdfTestFiles.SchemaJson["definitions"]!.AsObject())
        {
            if (definition.Value?["properties"]?["type"]?["enum"] is not JsonArray types) continue;
            var type = types[0]!.GetValue<string>();
            if (definition.Key.EndsWith("_node", StringComparison.Ordinal) && AdfNode.Create(type) is AdfUnknownNode) missing.Add("node " + type);
            if (definition.Key.EndsWith("_mark", StringComparison.Ordinal) && AdfMark.Create(type) is AdfUnknownMark) missing.Add("mark " + type);
        }
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Typed_properties_read_and_write_the_attributes()
    {
        var doc = AdfDocument.Parse("""{"version":1,"type":"doc","content":[{"type":"panel","attrs":{"panelType":"info"},"content":[{"type":"heading","attrs":{"level":3},"content":[{"type":"text","text":"Hi","marks":[{"type":"textColor","attrs":{"color":"#ff0000"}}]}]}]}]}""");
        var panel = (AdfPanel)doc.Blocks[0];
        var heading = (AdfHeading)panel.Content![0];
        var text = (AdfText)heading.Content![0];
        Assert.That(panel.PanelType, Is.EqualTo("info"));
        Assert.That(heading.Level, Is.EqualTo(3));
        Assert.That(text.Text, Is.EqualTo("Hi"));
        Assert.That(((AdfTextColorMark)text.Marks![0]).Color, Is.EqualTo("#ff0000"));

        panel.PanelType = "warning";
        heading.Level = null;
        Assert.That(doc.ToJson(), Does.Contain("\"panelType\":\"warning\"").And.Not.Contain("level"));
    }

    [Test]
    public void Unknown_nodes_marks_attributes_and_properties_are_written_back_unchanged()
    {
        const string json = """
            {"version":1,"type":"doc","future":{"x":[1,2.50]},"content":[
              {"type":"hologram","attrs":{"depth":3},"content":[{"type":"text","text":"a"}],"glow":true},
              {"type":"paragraph","attrs":{"localId":"p1","newAttr":"x"},"content":[
                {"type":"text","text":"b","marks":[{"type":"sparkle","attrs":{"level":9}},{"type":"strong","extra":1}]},
                {"type":"mention","attrs":{"id":"u1","text":"@Ann","newAttr":[1]}}]},
              {"type":"weird","content":"not an array"}]}
            """;
        var doc = AdfDocument.Parse(json);
        Assert.That(doc.Blocks[0], Is.InstanceOf<AdfUnknownNode>());
        Assert.That(doc.Blocks[1].Content![0].Marks![0], Is.InstanceOf<AdfUnknownMark>());
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(doc.ToJson()), JsonNode.Parse(json)), Is.True, doc.ToJson());
        Assert.That(AdfNode.DeepEquals(AdfDocument.FromMarkdown(doc.ToMarkdown()), doc), Is.True, doc.ToMarkdown());
    }

    [Test]
    public void Malformed_json_is_a_typed_error_naming_where()
    {
        Assert.That(() => AdfDocument.Parse("{"), Throws.TypeOf<AdfFormatException>());
        Assert.That(() => AdfDocument.Parse("""{"type":"paragraph"}"""), Throws.TypeOf<AdfFormatException>().With.Message.Contains("doc"));
        Assert.That(() => AdfDocument.Parse("""{"type":"doc","version":1,"content":[{"text":"x"}]}"""),
            Throws.TypeOf<AdfFormatException>().With.Message.Contains("$.content[0]"));
    }

    [Test]
    public void The_builder_makes_documents_that_validate_against_the_schema()
    {
        var doc = Adf.Document(d => d
            .Heading(2, "Release")
            .Paragraph(p => p.Text("Shipped by ").Mention("5b10ac8d82e05b22cc7d4ef5", "@Ann").Text(" ").Strong("today").Text(", see ").Link("notes", "https://example.com/n")
                .HardBreak().Emoji(":smile:", "😄").Text(" ").Status("DONE", "green").Text(" ").Date(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)))
            .BulletList(l => l.Item("one").Item(i => i.Paragraph("two").CodeBlock("x = 1", "python")))
            .OrderedList(l => l.Item("first"), start: 3)
            .TaskList(t => t.Task("write", done: true).Task("test"))
            .Panel("info", p => p.Paragraph("Deploys freeze on Friday."))
            .Expand("More", e => e.Paragraph("hidden"))
            .Blockquote(q => q.Paragraph("quoted"))
            .Table(new[] { "a", "b" }, new[] { "1", "2" })
            .Rule());
        var result = AdfTestFiles.Schema.Validate(doc);
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
        Assert.That(((AdfDate)doc.Blocks[1].Content![^1]).Timestamp, Is.EqualTo("1795996800000"));
    }

    [Test]
    public void Validation_reports_what_breaks_the_schema()
    {
        var doc = AdfDocument.Parse("""{"version":1,"type":"doc","content":[{"type":"heading","attrs":{"level":9},"content":[{"type":"text","text":""}]}]}""");
        var result = AdfTestFiles.Schema.Validate(doc);
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors, Is.Not.Empty);
        Assert.That(AdfTestFiles.Schema.Validate(JsonSerializer.Deserialize<JsonElement>("""{"version":1,"type":"doc","content":[]}""")).IsValid, Is.True);
    }

    [TestCaseSource(typeof(AdfTestFiles), nameof(AdfTestFiles.RealDocuments))]
    public void Real_documents_read_and_write_back_the_same_json(string json)
    {
        var doc = AdfDocument.Parse(json);
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(doc.ToJson()), JsonNode.Parse(json)), Is.True);
    }
}
