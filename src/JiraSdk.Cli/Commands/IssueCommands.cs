using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.Cli.Configuration;
using JiraSdk.Cli.Connection;
using JiraSdk.Cli.Output;
using JiraSdk.RichText;

namespace JiraSdk.Cli.Commands;

/// <summary><c>jira issue get|create|transition|comment</c>.</summary>
internal static class IssueCommands
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var issue = new Command("issue", "Read, create, transition and comment on issues");
        issue.Add(Get(globals, context));
        issue.Add(CreateIssue(globals, context));
        issue.Add(Transition(globals, context));
        issue.Add(Comment(globals, context));
        return issue;
    }

    private static Argument<string> KeyArgument() => new("key") { Description = "The issue key or id, e.g. DOCS-1" };

    private static Command Get(GlobalOptions globals, CliContext context)
    {
        var key = KeyArgument();
        var fields = new Option<string[]>("--fields", "-f") { Description = "Fields to fetch, comma-separated (default: all navigable fields)", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the issue as Jira returned it" };
        var markdown = new Option<bool>("--markdown") { Description = "Print the issue's rich text as Markdown: the description, or the rich-text fields named by --fields" };
        var command = new Command("get", "Show one issue") { key, fields, json, markdown };
        CommandActions.WithConnection(command, globals, context, async (parse, connection, cancellationToken) =>
        {
            var issueKey = IssueKey(parse.GetValue(key));
            var fieldList = CommandActions.SplitList(parse.GetValue(fields));
            var path = $"{Api(connection)}/issue/{Uri.EscapeDataString(issueKey)}" + (fieldList.Count == 0 ? string.Empty : "?fields=" + Uri.EscapeDataString(string.Join(",", fieldList)));
            var body = await connection.SendExpectingSuccessAsync(HttpMethod.Get, path, null, cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(CliJson.Pretty(body));
                return ExitCodes.Success;
            }
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (parse.GetValue(markdown))
            {
                await context.Output.WriteAsync(RichTextText.FieldsAsMarkdown(root, fieldList.Count > 0 ? fieldList : new[] { "description" }));
                return ExitCodes.Success;
            }
            var shown = fieldList.Count > 0 ? fieldList : new[] { "summary", "issuetype", "status", "priority", "assignee", "reporter", "created", "updated", "description" };
            await context.Output.WriteLineAsync(FieldText.IssueField(root, "key"));
            var width = shown.Max(f => f.Length);
            foreach (var field in shown.Where(f => f != "key"))
                await context.Output.WriteLineAsync($"  {(field + ":").PadRight(width + 1)} {FieldText.Indented(FieldText.IssueField(root, field), width + 4)}".TrimEnd());
            await context.Output.WriteLineAsync($"  {"url:".PadRight(width + 1)} {new Uri(connection.SiteUrl, "browse/" + Uri.EscapeDataString(FieldText.IssueField(root, "key")))}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateIssue(GlobalOptions globals, CliContext context)
    {
        var project = new Option<string?>("--project", "-p") { Description = "The project key" };
        var type = new Option<string>("--type", "-t") { Description = "The issue type name (default Task)", DefaultValueFactory = _ => "Task" };
        var summary = new Option<string?>("--summary", "-s") { Description = "The summary" };
        var description = new Option<string?>("--description") { Description = "The description as Markdown (ADF on API v3, wiki markup on v2)" };
        var descriptionFile = new Option<FileInfo?>("--description-file") { Description = "Read the description from a Markdown file" };
        var adf = AdfOption();
        var field = new Option<string[]>("--field") { Description = "Another field as name=value, or name:=JSON (repeatable)" };
        var data = new Option<string?>("--data", "-d") { Description = "The whole request body as JSON (inline, @file or -); other options are merged into its fields" };
        var command = new Command("create", "Create an issue and print its key") { project, type, summary, description, descriptionFile, adf, field, data };
        CommandActions.WithSettings(command, globals, context, async (parse, settings, cancellationToken) =>
        {
            var bodyText = await RequestBody.ReadAsync(parse.GetValue(data), context, cancellationToken);
            var body = bodyText is null ? new JsonObject() : JsonNode.Parse(bodyText) as JsonObject ?? throw new UsageException("--data must be a JSON object.");
            var fields = body["fields"] as JsonObject ?? new JsonObject();
            body["fields"] = fields;
            if (parse.GetValue(project) is { } projectKey) fields["project"] = new JsonObject { ["key"] = projectKey };
            if (parse.GetValue(summary) is { } text) fields["summary"] = text;
            if (fields["issuetype"] is null || parse.GetResult(type) is { Implicit: false }) fields["issuetype"] = new JsonObject { ["name"] = parse.GetValue(type) };
            var descriptionText = parse.GetValue(description);
            if (parse.GetValue(descriptionFile) is { } file)
            {
                if (descriptionText is not null) throw new UsageException("Give --description or --description-file, not both.");
                if (!file.Exists) throw new UsageException($"--description-file: {file.FullName} does not exist.");
                descriptionText = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }
            if (descriptionText is not null) fields["description"] = await RichTextAsync(descriptionText, settings.ApiVersion, parse.GetValue(adf), "--description", context);
            foreach (var assignment in parse.GetValue(field) ?? Array.Empty<string>()) Assign(fields, assignment);
            if (fields["project"] is null) throw new UsageException("Creating an issue needs --project (or fields.project in --data).");
            if (fields["summary"] is null) throw new UsageException("Creating an issue needs --summary (or fields.summary in --data).");

            using var connection = await JiraConnection.OpenAsync(settings, context, cancellationToken);
            var created = await connection.SendExpectingSuccessAsync(HttpMethod.Post, $"{Api(connection)}/issue", body.ToJsonString(), cancellationToken);
            using var document = JsonDocument.Parse(created);
            var key = FieldText.IssueField(document.RootElement, "key");
            await context.Output.WriteLineAsync(key);
            await context.Error.WriteLineAsync($"jira: created {key}: {new Uri(connection.SiteUrl, "browse/" + Uri.EscapeDataString(key))}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Transition(GlobalOptions globals, CliContext context)
    {
        var key = KeyArgument();
        var to = new Argument<string?>("transition") { Description = "The transition name or id; omit to list the available ones", Arity = ArgumentArity.ZeroOrOne };
        var comment = new Option<string?>("--comment") { Description = "A comment to add with the transition, as Markdown (ADF on API v3, wiki markup on v2)" };
        var adf = AdfOption();
        var command = new Command("transition", "Move an issue through its workflow, or list the transitions it has") { key, to, comment, adf };
        CommandActions.WithConnection(command, globals, context, async (parse, connection, cancellationToken) =>
        {
            var issueKey = IssueKey(parse.GetValue(key));
            var path = $"{Api(connection)}/issue/{Uri.EscapeDataString(issueKey)}/transitions";
            using var document = JsonDocument.Parse(await connection.SendExpectingSuccessAsync(HttpMethod.Get, path, null, cancellationToken));
            var available = document.RootElement.TryGetProperty("transitions", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(t => (Id: FieldText.Render(t.GetProperty("id")), Name: t.TryGetProperty("name", out var n) ? FieldText.Render(n) : string.Empty, To: t.TryGetProperty("to", out var s) ? FieldText.Render(s) : string.Empty)).ToList()
                : new();
            var wanted = parse.GetValue(to);
            if (wanted is null)
            {
                foreach (var t in available) await context.Output.WriteLineAsync($"{t.Id}\t{t.Name}\t→ {t.To}");
                return ExitCodes.Success;
            }
            var match = available.FirstOrDefault(t => t.Id == wanted);
            if (match.Id is null) match = available.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase));
            if (match.Id is null)
                throw new CommandFailedException($"{issueKey} has no transition '{wanted}'; available: {(available.Count == 0 ? "none" : string.Join(", ", available.Select(t => $"{t.Name} ({t.Id})")))}.");
            var body = new JsonObject { ["transition"] = new JsonObject { ["id"] = match.Id } };
            if (parse.GetValue(comment) is { } text)
                body["update"] = new JsonObject { ["comment"] = new JsonArray(new JsonObject { ["add"] = new JsonObject { ["body"] = await RichTextAsync(text, connection.ApiVersion, parse.GetValue(adf), "--comment", context) } }) };
            await connection.SendExpectingSuccessAsync(HttpMethod.Post, path, body.ToJsonString(), cancellationToken);
            await context.Error.WriteLineAsync($"jira: {issueKey}: {match.Name} → {match.To}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Comment(GlobalOptions globals, CliContext context)
    {
        var key = KeyArgument();
        var text = new Argument<string>("text") { Description = "The comment as Markdown (ADF on API v3, wiki markup on v2); - reads it from standard input" };
        var adf = AdfOption();
        var command = new Command("comment", "Add a comment to an issue and print its id") { key, text, adf };
        CommandActions.WithConnection(command, globals, context, async (parse, connection, cancellationToken) =>
        {
            var issueKey = IssueKey(parse.GetValue(key));
            var comment = parse.GetValue(text)!;
            if (comment == "-") comment = await context.Input.ReadToEndAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(comment)) throw new UsageException("The comment is empty.");
            var body = new JsonObject { ["body"] = await RichTextAsync(comment.TrimEnd(), connection.ApiVersion, parse.GetValue(adf), "the comment", context) };
            var created = await connection.SendExpectingSuccessAsync(HttpMethod.Post, $"{Api(connection)}/issue/{Uri.EscapeDataString(issueKey)}/comment", body.ToJsonString(), cancellationToken);
            using var document = JsonDocument.Parse(created);
            await context.Output.WriteLineAsync(FieldText.IssueField(document.RootElement, "id"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Api(JiraConnection connection) => "rest/api/" + connection.ApiVersion;

    private static string IssueKey(string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException("The issue key is empty.") : value.Trim();

    private static Option<bool> AdfOption() =>
        new("--adf") { Description = "The text is ADF JSON, sent as it is (API v3; converted to wiki markup on v2)" };

    /// <summary>
    /// Rich text from the command line: Markdown (or ADF JSON with <c>--adf</c>) becomes ADF for API v3 and wiki markup
    /// for v2, which is what each version's rich-text fields take. What wiki markup cannot express is named on standard error.
    /// </summary>
    internal static async Task<JsonNode> RichTextAsync(string text, string apiVersion, bool isAdf, string what, CliContext context)
    {
        AdfDocument document;
        if (isAdf)
        {
            try
            {
                document = AdfDocument.Parse(text);
            }
            catch (AdfFormatException invalid)
            {
                throw new UsageException($"{what} is not ADF JSON: {invalid.Message}");
            }
            if (apiVersion != "2") return JsonNode.Parse(text)!;
        }
        else document = AdfDocument.FromMarkdown(text);
        if (apiVersion != "2") return document.ToJsonObject();
        var report = new AdfConversionReport();
        var wiki = document.ToWikiMarkup(report);
        foreach (var dropped in report.Dropped)
            await context.Error.WriteLineAsync($"jira: warning: {what}: wiki markup (API v2) cannot express {dropped}");
        return JsonValue.Create(wiki);
    }

    private static void Assign(JsonObject fields, string assignment)
    {
        var json = assignment.IndexOf(":=", StringComparison.Ordinal);
        var plain = assignment.IndexOf('=');
        if (json > 0 && json < plain)
        {
            try
            {
                fields[assignment.Substring(0, json).Trim()] = JsonNode.Parse(assignment.Substring(json + 2));
            }
            catch (JsonException ex)
            {
                throw new UsageException($"--field {assignment.Substring(0, json)}:= is not valid JSON: {ex.Message}");
            }
        }
        else if (plain > 0) fields[assignment.Substring(0, plain).Trim()] = assignment.Substring(plain + 1);
        else throw new UsageException($"--field '{assignment}' must be name=value or name:=JSON.");
    }
}
