using JiraSdk.RichText;

namespace JiraSdk.Tests.RichText;

/// <summary>Conversions a tester found wrong through the CLI: wiki task lists, plain-text block separation, strong+em.</summary>
public class AdfConversionFixesTests
{
    private static AdfDocument Doc(string content) => AdfDocument.Parse("""{"type":"doc","version":1,"content":[""" + content + "]}");

    private static string Text(string text, params string[] marks) =>
        """{"type":"text","text":""" + System.Text.Json.JsonSerializer.Serialize(text) +
        (marks.Length == 0 ? "" : ""","marks":[""" + string.Join(",", marks.Select(m => "{\"type\":\"" + m + "\"}")) + "]") + "}";

    private static string Para(string inline) => """{"type":"paragraph","content":[""" + inline + "]}";

    private const string Tasks = """
        {"type":"taskList","attrs":{"localId":""},"content":[
          {"type":"taskItem","attrs":{"localId":"","state":"TODO"},"content":[{"type":"text","text":"todo item"}]},
          {"type":"taskItem","attrs":{"localId":"","state":"DONE"},"content":[{"type":"text","text":"done item"}]}]}
        """;

    [Test]
    public void A_task_list_goes_to_wiki_markup_with_escaped_brackets_and_reads_back_as_text()
    {
        var report = new AdfConversionReport();
        var wiki = Doc(Tasks).ToWikiMarkup(report);
        Assert.That(wiki, Is.EqualTo("* \\[ \\] todo item\n* \\[x\\] done item"));
        Assert.That(report.IsLossless, Is.False);
        Assert.That(report.Dropped.Select(d => d.Type), Is.EqualTo(new[] { "taskList" }));

        var back = AdfDocument.FromWikiMarkup(wiki);
        var list = (AdfBulletList)back.Blocks.Single();
        Assert.That(list.Content!.Select(item => ((AdfText)item.Content![0].Content!.Single()).Text), Is.EqualTo(new[] { "[ ] todo item", "[x] done item" }));
        Assert.That(list.Content!.SelectMany(item => item.Content![0].Content!).Any(n => n.Marks?.Any(m => m is AdfLinkMark) == true), Is.False, back.ToJson());
        Assert.That(back.ToMarkdown(), Is.EqualTo("- \\[ \\] todo item\n- \\[x\\] done item"));
        Assert.That(back.ToWikiMarkup(), Is.EqualTo(wiki));
    }

    [Test]
    public void Plain_text_puts_every_block_and_hard_break_on_its_own_line()
    {
        var doc = Doc(
            """{"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Title"}]},""" +
            Para("""{"type":"text","text":"Line one"},{"type":"hardBreak"},{"type":"text","text":"hard break"}""") + "," +
            """{"type":"blockquote","content":[""" + Para("""{"type":"text","text":"A quote"},{"type":"hardBreak"},{"type":"text","text":"over two lines"}""") + "," + Para(Text("second")) + "]}," +
            Tasks + "," +
            """{"type":"bulletList","content":[{"type":"listItem","content":[""" + Para(Text("first")) + """,{"type":"orderedList","attrs":{"order":1},"content":[{"type":"listItem","content":[""" + Para(Text("nested a")) + "]}]}]}," +
            """{"type":"listItem","content":[""" + Para(Text("second item")) + "]}]}," +
            """{"type":"codeBlock","attrs":{"language":"sh"},"content":[{"type":"text","text":"echo 1\necho 2"}]},""" +
            """{"type":"table","content":[{"type":"tableRow","content":[{"type":"tableHeader","content":[""" + Para(Text("k")) + """]},{"type":"tableHeader","content":[""" + Para(Text("v")) + "]}]}," +
            """{"type":"tableRow","content":[{"type":"tableCell","content":[""" + Para(Text("a")) + """]},{"type":"tableCell","content":[""" + Para(Text("b")) + "]}]}]}," +
            """{"type":"panel","attrs":{"panelType":"info"},"content":[""" + Para(Text("panel text")) + "]}," +
            """{"type":"rule"},""" + Para(Text("end")));
        Assert.That(doc.ToPlainText(), Is.EqualTo(
            "Title\n\nLine one\nhard break\n\n> A quote\n> over two lines\n> \n> second\n\n[ ] todo item\n[x] done item\n\n" +
            "- first\n  1. nested a\n- second item\n\necho 1\necho 2\n\nk | v\na | b\n\npanel text\n\n----\n\nend"));
    }

    [TestCase("em", "strong")]
    [TestCase("strong", "em")]
    public void Strong_and_em_together_are_plain_markdown_in_either_mark_order(string outer, string inner)
    {
        var doc = Doc(Para(Text("a ") + "," + Text("b", outer, inner) + "," + Text(" c")));
        var markdown = doc.ToMarkdown();
        Assert.That(markdown, Is.EqualTo(outer == "em" ? "a ***b*** c" : "a **_b_** c"));
        Assert.That(AdfNode.DeepEquals(AdfDocument.FromMarkdown(markdown), doc), Is.True, markdown);
    }

    [Test]
    public void Markdown_strong_em_reads_and_writes_back_as_written()
    {
        Assert.That(AdfDocument.FromMarkdown("a ***b*** c").ToMarkdown(), Is.EqualTo("a ***b*** c"));
        Assert.That(AdfDocument.FromMarkdown("a **_b_** c").ToMarkdown(), Is.EqualTo("a **_b_** c"));
        Assert.That(AdfDocument.FromMarkdown("a ~~**b**~~ and **~~c~~** d").ToMarkdown(), Is.EqualTo("a ~~**b**~~ and **~~c~~** d"));
    }

    [Test]
    public void A_markdown_image_paragraph_is_an_external_media_node_and_writes_back_as_an_image()
    {
        var doc = AdfDocument.FromMarkdown("Intro\n\n![a chart](https://e.com/i.png)\n\n![](<https://e.com/my image.png>)");
        Assert.That(doc.ToJson(), Does.Contain(
            """{"type":"mediaSingle","attrs":{"layout":"center"},"content":[{"type":"media","attrs":{"type":"external","url":"https://e.com/i.png","alt":"a chart"}}]}"""));
        var result = AdfTestFiles.Schema.Validate(doc);
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
        Assert.That(doc.ToMarkdown(), Is.EqualTo("Intro\n\n![a chart](https://e.com/i.png)\n\n![](<https://e.com/my image.png>)"));
        Assert.That(AdfNode.DeepEquals(AdfDocument.FromMarkdown(doc.ToMarkdown()), doc), Is.True);
    }

    [Test]
    public void An_image_among_text_or_nested_stays_a_link_and_nested_media_round_trips_as_a_directive()
    {
        var inline = AdfDocument.FromMarkdown("see ![chart](https://e.com/i.png)\n\n- ![chart](https://e.com/i.png)");
        Assert.That(inline.ToJson(), Does.Not.Contain("media").And.Contain("\"href\":\"https://e.com/i.png\""));

        var nested = Doc("""{"type":"bulletList","content":[{"type":"listItem","content":[""" + Para(Text("x")) +
            """,{"type":"mediaSingle","attrs":{"layout":"center"},"content":[{"type":"media","attrs":{"type":"external","url":"https://e.com/i.png"}}]}]}]}""");
        var markdown = nested.ToMarkdown();
        Assert.That(markdown, Does.Contain(":::mediaSingle"));
        Assert.That(AdfNode.DeepEquals(AdfDocument.FromMarkdown(markdown), nested), Is.True, markdown);
    }

    [Test]
    public void Markdown_table_column_alignment_is_the_alignment_mark_of_the_cells_paragraphs()
    {
        const string markdown = "| a | b | c |\n| --- | :-: | --: |\n| 1 | 2 | 3 |";
        var doc = AdfDocument.FromMarkdown("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |");
        var result = AdfTestFiles.Schema.Validate(doc);
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
        var aligns = doc.Blocks[0].Content!.Select(row => row.Content!.Select(cell => (cell.Content![0].Marks?.SingleOrDefault() as AdfAlignmentMark)?.Align).ToArray()).ToArray();
        Assert.That(aligns, Is.EqualTo(new[] { new[] { null, "center", "end" }, new[] { null, "center", "end" } }));
        Assert.That(doc.ToMarkdown(), Is.EqualTo(markdown));
        Assert.That(AdfNode.DeepEquals(AdfDocument.FromMarkdown(markdown), doc), Is.True);
    }
}
