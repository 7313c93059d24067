using System.Text.Json;
using JiraSdk.Issues;
using JiraSdk.RichText;

namespace JiraSdk.Tests.RichText;

public class AdfLossyConversionTests
{
    private static readonly AdfDocument Rich = AdfDocument.Parse("""
        {"type":"doc","version":1,"content":[
          {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Release"}]},
          {"type":"paragraph","content":[
            {"type":"text","text":"Ask "},{"type":"mention","attrs":{"id":"u1","text":"@Ann"}},{"type":"text","text":" about "},
            {"type":"text","text":"this","marks":[{"type":"strong"}]},{"type":"text","text":" and "},
            {"type":"text","text":"the docs","marks":[{"type":"link","attrs":{"href":"https://example.com/docs"}}]},{"type":"text","text":" "},
            {"type":"status","attrs":{"text":"DONE","color":"green"}},{"type":"hardBreak"},
            {"type":"text","text":"red","marks":[{"type":"textColor","attrs":{"color":"#ff0000"}}]},{"type":"text","text":" "},
            {"type":"text","text":"hi","marks":[{"type":"backgroundColor","attrs":{"color":"#ffff00"}}]}]},
          {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"one"}]},
            {"type":"orderedList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"nested"}]}]}]}]}]},
          {"type":"codeBlock","attrs":{"language":"sql"},"content":[{"type":"text","text":"select 1;"}]},
          {"type":"panel","attrs":{"panelType":"warning"},"content":[{"type":"paragraph","content":[{"type":"text","text":"careful"}]}]},
          {"type":"table","content":[{"type":"tableRow","content":[{"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"k"}]}]}]},
            {"type":"tableRow","content":[{"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"v"}]}]}]}]},
          {"type":"mediaSingle","attrs":{"layout":"center"},"content":[{"type":"media","attrs":{"type":"file","id":"abc","collection":"c"}}]}]}
        """);

    [Test]
    public void Plain_text_keeps_the_words_and_reports_the_rest()
    {
        var report = new AdfConversionReport();
        var text = Rich.ToPlainText(report);
        Assert.That(text, Is.EqualTo("Release\n\nAsk @Ann about this and the docs (https://example.com/docs) [DONE]\nred hi\n\n- one\n  1. nested\n\nselect 1;\n\ncareful\n\nk\nv"));
        Assert.That(report.IsLossless, Is.False);
        Assert.That(report.Dropped.Select(d => d.Type), Is.EquivalentTo(new[] { "strong", "textColor", "backgroundColor", "media" }));
        Assert.That(report.Dropped.Single(d => d.Type == "media").Path, Is.EqualTo("$.content[6].content[0]"));
        Assert.That(Rich.ToPlainText(), Is.EqualTo(text));
    }

    [Test]
    public void Wiki_markup_expresses_what_it_can_and_reports_the_rest()
    {
        var report = new AdfConversionReport();
        var wiki = Rich.ToWikiMarkup(report);
        Assert.That(wiki, Is.EqualTo(
            "h2. Release\n\nAsk [~accountid:u1] about *this* and [the docs|https://example.com/docs] *\\[DONE\\]*\n{color:#ff0000}red{color} hi\n\n" +
            "* one\n*# nested\n\n{code:sql}\nselect 1;\n{code}\n\n{warning}\ncareful\n{warning}\n\n||k||\n|v|"));
        Assert.That(report.Dropped.Select(d => d.Type), Is.EquivalentTo(new[] { "status", "backgroundColor", "mediaSingle", "media" }));
    }

    [Test]
    public void Wiki_markup_reads_back_into_the_same_structure()
    {
        var wiki = Rich.ToWikiMarkup();
        var back = AdfDocument.FromWikiMarkup(wiki);
        Assert.That(back.Blocks.Select(b => b.Type), Is.EqualTo(new[] { "heading", "paragraph", "bulletList", "codeBlock", "panel", "table" }));
        Assert.That(back.Blocks[1].Content![1], Is.InstanceOf<AdfMention>());
        Assert.That(((AdfMention)back.Blocks[1].Content![1]).Id, Is.EqualTo("u1"));
        Assert.That(back.Blocks[1].Content!.OfType<AdfText>().Single(t => t.Text == "the docs").Marks![0], Is.InstanceOf<AdfLinkMark>());
        Assert.That(back.ToWikiMarkup(), Is.EqualTo(wiki));
        var result = AdfTestFiles.Schema.Validate(back);
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
    }

    [Test]
    public void Wiki_markup_from_data_center_becomes_adf()
    {
        var doc = AdfDocument.FromWikiMarkup("h1. Title\nSome *bold* and _em_ text, {{code}}, -gone-, +under+, x^2^.\n\n# first\n# second\n\n{quote}\nquoted\n{quote}\n\n{noformat}\nraw *text*\n{noformat}\n\n----");
        Assert.That(doc.ToMarkdown(), Is.EqualTo("# Title\n\nSome **bold** and *em* text, `code`, ~~gone~~, :underline[under], x:subsup[2]{\"type\":\"sup\"}.\n\n1. first\n2. second\n\n> quoted\n\n```\nraw *text*\n```\n\n---"));
    }

    [Test]
    public void The_description_accessor_gives_a_document_from_v3_and_v2()
    {
        using var v3 = JsonDocument.Parse("""{"description":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Hello ","marks":[]},{"type":"text","text":"world","marks":[{"type":"strong"}]}]}]}}""");
        using var v2 = JsonDocument.Parse("""{"description":"Hello *world*","environment":null}""");
        Assert.That(new IssueFields(v3.RootElement).Description!.ToPlainText(), Is.EqualTo("Hello world"));
        Assert.That(new IssueFields(v2.RootElement).Description!.ToMarkdown(), Is.EqualTo("Hello **world**"));
        Assert.That(new IssueFields(v2.RootElement).Description!.ToPlainText(), Is.EqualTo("Hello world"));
        Assert.That(new IssueFields(v2.RootElement).GetDocument("environment"), Is.Null);
        Assert.That(AdfDocument.FromMarkdown(new IssueFields(v3.RootElement).Description!.ToMarkdown()).ToJson(), Is.EqualTo(new IssueFields(v3.RootElement).Description!.ToJson()));
    }

    [Test]
    public void A_generated_v3_comment_takes_a_document_as_its_body()
    {
        var options = new JsonSerializerOptions();
        JiraSdk.Serialization.JiraJson.Configure(options);
        var json = JsonSerializer.Serialize(new JiraSdk.V3.Comment { Body = AdfDocument.FromMarkdown("Fixed in **1.2**") }, options);
        var read = JsonSerializer.Deserialize<JiraSdk.V3.Comment>(json, options)!;
        Assert.That(AdfDocument.FromObject(read.Body)!.ToMarkdown(), Is.EqualTo("Fixed in **1.2**"));
    }

    [Test]
    public void A_document_serializes_as_adf_inside_a_request_model()
    {
        var body = new Dictionary<string, object> { ["body"] = AdfDocument.FromMarkdown("Hi **there**") };
        var options = new JsonSerializerOptions();
        JiraSdk.Serialization.JiraJson.Configure(options);
        var json = JsonSerializer.Serialize(body, options);
        Assert.That(json, Is.EqualTo("""{"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Hi "},{"type":"text","text":"there","marks":[{"type":"strong"}]}]}]}}"""));
        Assert.That(AdfDocument.FromObject(JsonSerializer.Deserialize<JsonElement>(json).GetProperty("body"))!.ToMarkdown(), Is.EqualTo("Hi **there**"));
    }
}
