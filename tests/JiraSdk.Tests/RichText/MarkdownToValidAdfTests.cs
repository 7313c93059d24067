using System.Text;
using JiraSdk.RichText;

namespace JiraSdk.Tests.RichText;

/// <summary>
/// Markdown → ADF gives a document valid against Atlassian's schema (../shared/adf/full.json) for every Markdown input
/// without directives: blocks a container cannot hold in ADF (a table or rule in a list item, a quote in a quote, a task
/// list in a quote, a paragraph under a task) are lifted out after the container, which goes on after them.
/// </summary>
public class MarkdownToValidAdfTests
{
    private static void AssertValid(AdfDocument document, string markdown)
    {
        var result = AdfTestFiles.Schema.Validate(document);
        Assert.That(result.IsValid, Is.True, $"Markdown:\n{markdown}\nADF:\n{document.ToJson()}\n{string.Join("\n", result.Errors)}");
    }

    private static string Types(IEnumerable<AdfNode> nodes) => string.Join(" ", nodes.Select(n => n.Type));

    [Test]
    public void A_table_in_a_list_item_is_lifted_out_and_the_list_goes_on_after_it()
    {
        const string markdown = "- one\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n\n  more of one\n- two";
        var doc = AdfDocument.FromMarkdown(markdown);

        AssertValid(doc, markdown);
        Assert.That(Types(doc.Blocks), Is.EqualTo("bulletList table bulletList"));
        Assert.That(doc.Blocks[0].Content!.Single().Content!.Single().Content!.Single(), Is.InstanceOf<AdfText>().With.Property("Text").EqualTo("one"));
        Assert.That(doc.Blocks[2].Content, Has.Count.EqualTo(2), "'more of one' and 'two'");
    }

    [Test]
    public void A_rule_in_a_nested_ordered_list_is_lifted_to_the_document_and_the_numbers_go_on()
    {
        const string markdown = "3. three\n4. four\n   1. a\n\n      ***\n\n   2. b\n5. five";
        var doc = AdfDocument.FromMarkdown(markdown);

        AssertValid(doc, markdown);
        Assert.That(Types(doc.Blocks), Is.EqualTo("orderedList rule orderedList"));
        Assert.That(((AdfOrderedList)doc.Blocks[0]).Order, Is.EqualTo(3));
        Assert.That(doc.Blocks[0].Content, Has.Count.EqualTo(2));
        Assert.That(((AdfOrderedList)doc.Blocks[2]).Order, Is.EqualTo(5), "the rest of item four, then five");
        var nested = (AdfOrderedList)doc.Blocks[2].Content![0].Content![0];
        Assert.That(nested.Order, Is.EqualTo(2), "b keeps its number");
    }

    [Test]
    public void Quotes_lift_what_adf_quotes_cannot_hold()
    {
        const string markdown = "> before\n>\n> > nested\n>\n> ---\n>\n> - [ ] task\n>\n> | a |\n> | - |\n> | 1 |\n>\n> after";
        var doc = AdfDocument.FromMarkdown(markdown);

        AssertValid(doc, markdown);
        Assert.That(Types(doc.Blocks), Is.EqualTo("blockquote blockquote rule taskList table blockquote"));
    }

    [Test]
    public void Blocks_under_a_task_are_lifted_out_of_the_task_list()
    {
        const string markdown = "- [ ] write it\n\n  with a note\n\n  ```\n  code\n  ```\n- [x] test it\n  - [ ] nested";
        var doc = AdfDocument.FromMarkdown(markdown);

        AssertValid(doc, markdown);
        Assert.That(Types(doc.Blocks), Is.EqualTo("taskList paragraph codeBlock taskList"));
        Assert.That(Types(doc.Blocks[3].Content!), Is.EqualTo("taskItem taskList"));
    }

    [TestCase("-")]
    [TestCase("1.\n2. two")]
    [TestCase(">")]
    [TestCase("- >")]
    [TestCase("- ---")]
    [TestCase("- - - ***")]
    [TestCase("> # a\n>\n> ## b")]
    public void Empty_and_degenerate_containers_are_valid(string markdown)
    {
        AssertValid(AdfDocument.FromMarkdown(markdown), markdown);
    }

    /// <summary>
    /// Property: Markdown generated from a grammar of CommonMark and GitHub's tables and task lists (nested lists, quotes,
    /// code, tables, rules, headings, emphasis, links, images, escapes, stray punctuation) reads as valid ADF, and that
    /// document comes back the same through Markdown (the round-trip guarantee on what Markdown makes).
    /// </summary>
    [Test]
    public void Generated_markdown_reads_as_valid_adf_that_round_trips([Range(1, 250)] int seed)
    {
        var markdown = new MarkdownGenerator(seed).Document();
        var doc = AdfDocument.FromMarkdown(markdown);

        AssertValid(doc, markdown);
        var again = AdfDocument.FromMarkdown(doc.ToMarkdown());
        Assert.That(AdfNode.DeepEquals(again, doc), Is.True, $"Markdown:\n{markdown}\nwritten back:\n{doc.ToMarkdown()}");
    }

    /// <summary>Random Markdown from a small grammar, seeded so a failure names its input.</summary>
    private sealed class MarkdownGenerator(int seed)
    {
        private readonly Random _random = new(seed);

        public string Document() => string.Join("\n\n", Blocks(0));

        private IEnumerable<string> Blocks(int depth)
        {
            var count = _random.Next(1, depth == 0 ? 6 : 4);
            for (var i = 0; i < count; i++) yield return Block(depth);
        }

        private string Block(int depth)
        {
            var kinds = depth < 3 ? 13 : 8;
            switch (_random.Next(kinds))
            {
                case 0:
                case 1: return Inline() + (_random.Next(4) == 0 ? "\n" + Inline() : "");
                case 2: return new string('#', _random.Next(1, 7)) + " " + Inline();
                case 3: return Inline() + "\n" + (_random.Next(2) == 0 ? "===" : "---");
                case 4: return new[] { "---", "***", "___", "- - -" }[_random.Next(4)];
                case 5: return "```" + (_random.Next(2) == 0 ? "csharp" : "") + "\nvar x = 1; // *not* emphasis\n\n  indented\n```";
                case 6: return Table();
                case 7: return new[] { "<div>html</div>", "[ref]: https://example.com \"t\"", "    indented code", "\\# not a heading" }[_random.Next(4)];
                case 8:
                case 9: return List(depth, _random.Next(3));
                case 10: return List(depth, 2);
                default: return Quote(depth);
            }
        }

        private string List(int depth, int kind)
        {
            var items = new List<string>();
            var start = _random.Next(0, 4);
            for (var i = 0; i < _random.Next(1, 4); i++)
            {
                var marker = kind switch
                {
                    0 => "- ",
                    1 => (start + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". ",
                    _ => _random.Next(2) == 0 ? "- [ ] " : "- [x] ",
                };
                var content = _random.Next(6) == 0 ? "" : string.Join("\n\n", Blocks(depth + 1));
                items.Add(Indent(marker, content));
            }
            return string.Join(_random.Next(3) == 0 ? "\n\n" : "\n", items);
        }

        private static string Indent(string marker, string content)
        {
            if (content.Length == 0) return marker.TrimEnd();
            var lines = content.Split('\n');
            var text = new StringBuilder(marker).Append(lines[0]);
            var pad = new string(' ', marker.StartsWith("- [", StringComparison.Ordinal) ? 2 : marker.Length);
            foreach (var line in lines.Skip(1)) text.Append('\n').Append(line.Length == 0 ? "" : pad + line);
            return text.ToString();
        }

        private string Quote(int depth) =>
            string.Join("\n", string.Join("\n\n", Blocks(depth + 1)).Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line));

        private string Table()
        {
            var columns = _random.Next(1, 4);
            var rows = new List<string>
            {
                "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(_ => Words(1))) + " |",
                "| " + string.Join(" | ", Enumerable.Repeat("---", columns)) + " |",
            };
            for (var r = 0; r < _random.Next(0, 3); r++)
                rows.Add("| " + string.Join(" | ", Enumerable.Range(0, columns).Select(_ => Inline().Replace("|", "\\|", StringComparison.Ordinal))) + " |");
            return string.Join("\n", rows);
        }

        private string Inline()
        {
            var parts = new List<string>();
            for (var i = 0; i < _random.Next(1, 5); i++)
            {
                parts.Add(_random.Next(11) switch
                {
                    0 => "**" + Words(2) + "**",
                    1 => "*" + Words(1) + "*",
                    2 => "`" + Words(2) + "`",
                    3 => "[" + Words(1) + "](https://example.com/a?b=c \"title\")",
                    4 => "![" + Words(1) + "](https://example.com/i.png)",
                    5 => "~~" + Words(1) + "~~",
                    6 => "<https://example.com>",
                    7 => new[] { "*", "_", "[", "]", "`", "\\*", "&amp;", "#", "|", "<", "~" }[_random.Next(11)],
                    8 => "***" + Words(1) + "*** and _" + Words(1) + "_",
                    _ => Words(3),
                });
            }
            return string.Join(" ", parts);
        }

        private string Words(int max) =>
            string.Join(" ", Enumerable.Range(0, _random.Next(1, max + 1)).Select(_ => new[] { "alpha", "beta", "gamma", "délta", "42", "x_y", "a.b" }[_random.Next(7)]));
    }
}
