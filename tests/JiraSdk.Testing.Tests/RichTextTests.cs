using System.Text.Json.Nodes;

namespace JiraSdk.Testing.Tests;

/// <summary>Rich text is kept as the ADF given on v3, served as wiki markup on v2, and searched as plain text.</summary>
public sealed class RichTextTests
{
    private JiraSandbox _sandbox = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = await JiraSandbox.StartAsync();
        _http = SandboxHttp.Create(_sandbox);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    private Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body = null, int expected = 200) =>
        _http.SendJsonAsync(method, path, body, expected);

    private static JsonObject Text(string text, string? mark = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (mark is not null) node["marks"] = new JsonArray(new JsonObject { ["type"] = mark });
        return node;
    }

    private static JsonObject RichDocument() => new()
    {
        ["type"] = "doc", ["version"] = 1,
        ["content"] = new JsonArray(
            new JsonObject { ["type"] = "heading", ["attrs"] = new JsonObject { ["level"] = 2 }, ["content"] = new JsonArray(Text("Release notes")) },
            new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(Text("Read "), Text("carefully", "strong"), Text(".")) },
            new JsonObject
            {
                ["type"] = "bulletList",
                ["content"] = new JsonArray(
                    new JsonObject { ["type"] = "listItem", ["content"] = new JsonArray(new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(Text("zebrafish")) }) },
                    new JsonObject { ["type"] = "listItem", ["content"] = new JsonArray(new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(Text("second")) }) }),
            },
            new JsonObject { ["type"] = "panel", ["attrs"] = new JsonObject { ["panelType"] = "info" }, ["content"] = new JsonArray(new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(Text("Note")) }) }),
    };

    [Test]
    public async Task A_rich_adf_document_round_trips_unchanged_through_v3_and_reads_as_wiki_on_v2()
    {
        var document = RichDocument();
        var created = await SendAsync(HttpMethod.Post, "rest/api/3/issue", new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "DOCS" }, ["issuetype"] = new JsonObject { ["name"] = "Task" },
                ["summary"] = "Rich description", ["description"] = document.DeepClone(), ["environment"] = document.DeepClone(),
            },
        }, expected: 201);
        var key = (string)created["key"]!;
        await SendAsync(HttpMethod.Post, $"rest/api/3/issue/{key}/comment", new JsonObject { ["body"] = document.DeepClone() }, expected: 201);

        var v3 = await SendAsync(HttpMethod.Get, $"rest/api/3/issue/{key}?fields=description,environment,comment");
        Assert.That(JsonNode.DeepEquals(v3["fields"]!["description"], document), Is.True, v3["fields"]!["description"]!.ToJsonString());
        Assert.That(JsonNode.DeepEquals(v3["fields"]!["environment"], document), Is.True);
        Assert.That(JsonNode.DeepEquals(v3["fields"]!["comment"]!["comments"]![0]!["body"], document), Is.True);

        var v2 = await SendAsync(HttpMethod.Get, $"rest/api/2/issue/{key}?fields=description,comment");
        var wiki = (string)v2["fields"]!["description"]!;
        Assert.That(wiki, Does.Contain("h2. Release notes"));
        Assert.That(wiki, Does.Contain("*carefully*"));
        Assert.That(wiki, Does.Contain("* zebrafish"));
        Assert.That(wiki, Does.Contain("{info}"), "an info panel");
        Assert.That((string?)v2["fields"]!["comment"]!["comments"]![0]!["body"], Is.EqualTo(wiki));
    }

    [Test]
    public async Task Wiki_written_on_v2_reads_as_adf_on_v3_and_text_search_finds_its_words()
    {
        var created = await SendAsync(HttpMethod.Post, "rest/api/2/issue", new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "DOCS" }, ["issuetype"] = new JsonObject { ["name"] = "Task" },
                ["summary"] = "Wiki description", ["description"] = "h1. Steps\n\n* platypus\n* *bold* word",
            },
        }, expected: 201);
        var key = (string)created["key"]!;

        var v3 = await SendAsync(HttpMethod.Get, $"rest/api/3/issue/{key}?fields=description");
        var blocks = v3["fields"]!["description"]!["content"]!.AsArray();
        Assert.That(blocks.Select(b => (string?)b!["type"]), Is.EqualTo(new[] { "heading", "bulletList" }));
        Assert.That((int?)blocks[0]!["attrs"]!["level"], Is.EqualTo(1));

        var v2 = await SendAsync(HttpMethod.Get, $"rest/api/2/issue/{key}?fields=description");
        Assert.That((string?)v2["fields"]!["description"], Is.EqualTo("h1. Steps\n\n* platypus\n* *bold* word"));

        var found = await SendAsync(HttpMethod.Post, "rest/api/3/search/jql", new JsonObject { ["jql"] = "project = DOCS AND description ~ platypus", ["fields"] = new JsonArray("key") });
        Assert.That(found["issues"]!.AsArray().Select(i => (string?)i!["key"]), Is.EqualTo(new[] { key }));
        var none = await SendAsync(HttpMethod.Post, "rest/api/3/search/jql", new JsonObject { ["jql"] = "project = DOCS AND description ~ \"h1\"", ["fields"] = new JsonArray("key") });
        Assert.That(none["issues"]!.AsArray(), Is.Empty, "wiki syntax is not searchable text");
    }

    [Test]
    public async Task A_textarea_custom_field_keeps_its_adf_on_v3_and_is_wiki_on_v2()
    {
        var field = _sandbox.Seed.AddCustomField("Release notes text", SandboxFieldType.TextArea);
        var document = RichDocument();
        var created = await SendAsync(HttpMethod.Post, "rest/api/3/issue", new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "DOCS" }, ["issuetype"] = new JsonObject { ["name"] = "Task" },
                ["summary"] = "Rich custom field", [field.Id] = document.DeepClone(),
            },
        }, expected: 201);
        var key = (string)created["key"]!;

        var v3 = await SendAsync(HttpMethod.Get, $"rest/api/3/issue/{key}?fields={field.Id}");
        Assert.That(JsonNode.DeepEquals(v3["fields"]![field.Id], document), Is.True);
        var v2 = await SendAsync(HttpMethod.Get, $"rest/api/2/issue/{key}?fields={field.Id}");
        Assert.That((string?)v2["fields"]![field.Id], Does.StartWith("h2. Release notes"));
        var definition = (await SendAsync(HttpMethod.Get, "rest/api/3/field"))["array"]!.AsArray().First(f => (string?)f!["id"] == field.Id)!;
        Assert.That((string?)definition["schema"]!["custom"], Is.EqualTo("com.atlassian.jira.plugin.system.customfieldtypes:textarea"));
    }

    private static string FindAdfSchema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "adf", "full.json");
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return "/work/shared/adf/full.json";
    }

    [Test]
    public async Task An_issue_written_from_markdown_stores_schema_valid_adf_that_reads_back_as_the_same_markdown()
    {
        const string markdown = "# Plan\n\nSome **bold** text and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n";
        var document = JiraSdk.RichText.AdfDocument.FromMarkdown(markdown);
        var created = await SendAsync(HttpMethod.Post, "rest/api/3/issue", new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "DOCS" }, ["issuetype"] = new JsonObject { ["name"] = "Task" },
                ["summary"] = "From Markdown", ["description"] = document.ToJsonObject(),
            },
        }, expected: 201);

        var v3 = await SendAsync(HttpMethod.Get, $"rest/api/3/issue/{(string)created["key"]!}?fields=description");
        var stored = v3["fields"]!["description"]!;
        var schema = JiraSdk.RichText.AdfSchema.Load(await File.ReadAllTextAsync(FindAdfSchema()));
        var validation = schema.Validate(System.Text.Json.JsonDocument.Parse(stored.ToJsonString()).RootElement);
        Assert.That(validation.IsValid, Is.True, string.Join("\n", validation.Errors));
        Assert.That(JiraSdk.RichText.AdfDocument.FromJson(stored).ToMarkdown(), Is.EqualTo(document.ToMarkdown()));
        Assert.That(document.ToMarkdown().TrimEnd(), Is.EqualTo(markdown.TrimEnd()));
    }
}
