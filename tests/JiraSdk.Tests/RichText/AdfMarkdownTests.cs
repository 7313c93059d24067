using System.Text.Json.Nodes;
using JiraSdk.RichText;

namespace JiraSdk.Tests.RichText;

public class AdfMarkdownTests
{
    private static string Json(AdfDocument doc) => doc.ToJson();

    private static void AssertRoundTrip(AdfDocument doc)
    {
        var markdown = doc.ToMarkdown();
        var back = AdfDocument.FromMarkdown(markdown);
        Assert.That(AdfNode.DeepEquals(back, doc), Is.True, $"markdown:\n{markdown}\n\nexpected:\n{Json(doc)}\n\nactual:\n{Json(back)}");
    }

    [Test]
    public void Common_markdown_becomes_the_expected_adf()
    {
        var doc = AdfDocument.FromMarkdown("""
            # Title

            Some **bold**, *em*, ~~gone~~, `code` and [a link](https://example.com "T").
            Second line.

            - one
            - two
              1. nested

            3. three
            4. four

            - [ ] todo
            - [x] done

            > quoted

            ```csharp
            var x = 1;
            ```

            | a | b |
            | --- | --- |
            | 1 | 2 |

            ---
            """);
        var expected = AdfDocument.Parse("""
            {"type":"doc","version":1,"content":[
              {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Title"}]},
              {"type":"paragraph","content":[{"type":"text","text":"Some "},{"type":"text","text":"bold","marks":[{"type":"strong"}]},{"type":"text","text":", "},
                {"type":"text","text":"em","marks":[{"type":"em"}]},{"type":"text","text":", "},{"type":"text","text":"gone","marks":[{"type":"strike"}]},
                {"type":"text","text":", "},{"type":"text","text":"code","marks":[{"type":"code"}]},{"type":"text","text":" and "},
                {"type":"text","text":"a link","marks":[{"type":"link","attrs":{"href":"https://example.com","title":"T"}}]},{"type":"text","text":"."},
                {"type":"hardBreak"},{"type":"text","text":"Second line."}]},
              {"type":"bulletList","content":[
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"one"}]}]},
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"two"}]},
                  {"type":"orderedList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"nested"}]}]}]}]}]},
              {"type":"orderedList","attrs":{"order":3},"content":[
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"three"}]}]},
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"four"}]}]}]},
              {"type":"taskList","attrs":{"localId":""},"content":[
                {"type":"taskItem","attrs":{"localId":"","state":"TODO"},"content":[{"type":"text","text":"todo"}]},
                {"type":"taskItem","attrs":{"localId":"","state":"DONE"},"content":[{"type":"text","text":"done"}]}]},
              {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"quoted"}]}]},
              {"type":"codeBlock","attrs":{"language":"csharp"},"content":[{"type":"text","text":"var x = 1;"}]},
              {"type":"table","content":[
                {"type":"tableRow","content":[{"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"a"}]}]},{"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"b"}]}]}]},
                {"type":"tableRow","content":[{"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"1"}]}]},{"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"2"}]}]}]}]},
              {"type":"rule"}]}
            """);
        Assert.That(AdfNode.DeepEquals(doc, expected), Is.True, Json(doc));
        var result = AdfTestFiles.Schema.Validate(doc);
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
    }

    [Test]
    public void Markdown_written_in_the_canonical_style_comes_back_as_written()
    {
        const string markdown = """
            # Release notes

            Shipped **today** by *the team*, see [the docs](https://example.com/docs).
            A second line with `code`.

            - one
            - two
              - nested

            1. first
            2. second

            - [ ] write it
            - [x] test it

            > A quote.

            ```json
            {"a": 1}
            ```

            | Key | Value |
            | --- | --- |
            | a | 1 |

            ---

            :::panel{"panelType":"info"}
            Deploys :status{"text":"FROZEN","color":"red"} on Friday, ask :mention{"id":"5b10ac8d82e05b22cc7d4ef5","text":"@Ann"}.
            :::

            Some :underline[underlined] and :textColor[red]{"color":"#ff0000"} text.
            """;
        Assert.That(AdfDocument.FromMarkdown(markdown).ToMarkdown(), Is.EqualTo(markdown));
    }

    [Test]
    public void Headings_where_adf_allows_none_become_bold_paragraphs()
    {
        var doc = AdfDocument.FromMarkdown("> ## Note\n> text\n\n- # Item");
        Assert.That(doc.ToMarkdown(), Is.EqualTo("> **Note**\n>\n> text\n\n- **Item**"));
        var result = AdfTestFiles.Schema.Validate(doc);
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
    }

    [Test]
    public void Nodes_without_markdown_syntax_use_directives()
    {
        var doc = AdfDocument.Parse("""
            {"type":"doc","version":1,"content":[
              {"type":"panel","attrs":{"panelType":"warning"},"content":[{"type":"paragraph","content":[{"type":"text","text":"careful"}]}]},
              {"type":"expand","attrs":{"title":"More"},"content":[
                {"type":"nestedExpand","attrs":{"title":"Even more"},"content":[{"type":"paragraph","content":[{"type":"text","text":"deep"}]}]}]},
              {"type":"paragraph","marks":[{"type":"alignment","attrs":{"align":"center"}}],"content":[{"type":"text","text":"centred"}]},
              {"type":"paragraph","content":[
                {"type":"emoji","attrs":{"shortName":":smile:","text":"😄"}},{"type":"text","text":" "},
                {"type":"date","attrs":{"timestamp":"1795996800000"}},{"type":"text","text":" "},
                {"type":"inlineCard","attrs":{"url":"https://example.com/card"}},
                {"type":"text","text":"sub","marks":[{"type":"subsup","attrs":{"type":"sub"}}]}]},
              {"type":"blockCard","attrs":{"url":"https://example.com/block"}},
              {"type":"mediaSingle","attrs":{"layout":"center"},"content":[{"type":"media","attrs":{"type":"file","id":"abc","collection":"c"}}]},
              {"type":"taskList","attrs":{"localId":"6f1e"},"content":[{"type":"taskItem","attrs":{"localId":"1a","state":"TODO"},"content":[{"type":"text","text":"uuid task"}]}]}]}
            """);
        var markdown = doc.ToMarkdown();
        Assert.That(markdown, Does.Contain(":::panel{\"panelType\":\"warning\"}"));
        Assert.That(markdown, Does.Contain("::::expand{\"title\":\"More\"}\n:::nestedExpand"));
        Assert.That(markdown, Does.Contain(":emoji{\"shortName\":\":smile:\",\"text\":\"😄\"}"));
        Assert.That(markdown, Does.Contain(":subsup[sub]{\"type\":\"sub\"}"));
        Assert.That(markdown, Does.Contain("::blockCard{\"url\":\"https://example.com/block\"}"));
        Assert.That(markdown, Does.Not.Contain("::adf{\"type\":\"doc\""));
        AssertRoundTrip(doc);
    }

    [Test]
    public void Text_that_looks_like_markdown_stays_text()
    {
        var doc = Adf.Document(d => d
            .Paragraph("# not a heading *not em* [not](a link) `not code` <b>not html</b> &amp; | :x{} \\ ~~no~~")
            .Paragraph("1. not a list")
            .Paragraph("- not a list either")
            .Paragraph(p => p.Text("  leading and trailing spaces  ").HardBreak().Text("> not a quote"))
            .Paragraph("line\nbreak inside text")
            .Heading(2, "ends with #"));
        AssertRoundTrip(doc);
        Assert.That(doc.ToMarkdown(), Does.Not.Contain("::adf"));
    }

    [Test]
    public void Jira_style_tables_keep_their_attributes()
    {
        var doc = AdfDocument.Parse("""
            {"type":"doc","version":1,"content":[{"type":"table","attrs":{"isNumberColumnEnabled":false,"layout":"default","localId":"t1"},"content":[
              {"type":"tableRow","content":[{"type":"tableHeader","attrs":{},"content":[{"type":"paragraph","content":[{"type":"text","text":"h"}]}]}]},
              {"type":"tableRow","content":[{"type":"tableCell","attrs":{"colwidth":[120]},"content":[{"type":"paragraph","content":[{"type":"text","text":"c"}]}]}]}]}]}
            """);
        AssertRoundTrip(doc);
    }

    [Test]
    public void Every_document_generated_from_the_schema_comes_back_the_same([Range(1, 300)] int seed)
    {
        var json = new AdfSchemaGenerator(AdfTestFiles.SchemaJson, seed).Document();
        var doc = AdfDocument.FromJson(json);
        AssertRoundTrip(doc);
    }

    [TestCaseSource(typeof(AdfTestFiles), nameof(AdfTestFiles.RealDocuments))]
    public void Real_documents_come_back_the_same(string json)
    {
        var doc = AdfDocument.Parse(json);
        AssertRoundTrip(doc);
        Assert.That(doc.ToMarkdown(), Does.Not.Contain("::adf"));
    }

    [Test]
    public void Generated_documents_are_mostly_written_as_markdown_not_as_json()
    {
        var whole = 0;
        for (var seed = 1; seed <= 100; seed++)
        {
            var json = new AdfSchemaGenerator(AdfTestFiles.SchemaJson, seed).Document();
            if (AdfDocument.FromJson(json).ToMarkdown().StartsWith("::adf{\"type\":\"doc\"", StringComparison.Ordinal)) whole++;
        }
        Assert.That(whole, Is.LessThan(5), "documents written whole as JSON");
    }
}
