using System.CommandLine;
using System.Text.Json;
using JiraSdk.Cli.Configuration;
using JiraSdk.Cli.Connection;
using JiraSdk.Cli.Output;

namespace JiraSdk.Cli.Commands;

/// <summary><c>jira search "&lt;jql&gt;"</c>: streams the matching issues page by page as a table or JSON.</summary>
internal static class SearchCommand
{
    private static readonly string[] DefaultFields = { "summary", "status", "assignee" };

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var jql = new Argument<string>("jql") { Description = "The JQL query, e.g. \"project = DOCS ORDER BY created DESC\"" };
        var fields = new Option<string[]>("--fields", "-f") { Description = "Fields to show, comma-separated (default summary,status,assignee)", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int?>("--limit", "-n") { Description = "Stop after this many issues" };
        var pageSize = new Option<int>("--page-size") { Description = "Issues per request (default 100)", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print the issues as a JSON array instead of a table" };
        var command = new Command("search", "Search issues with JQL; pages are fetched as the output is written") { jql, fields, limit, pageSize, json };
        CommandActions.WithConnection(command, globals, context, async (parse, connection, cancellationToken) =>
        {
            var query = parse.GetValue(jql)!;
            if (string.IsNullOrWhiteSpace(query)) throw new UsageException("The JQL query is empty.");
            var max = parse.GetValue(limit);
            if (max is < 1) throw new UsageException("--limit must be at least 1.");
            var size = parse.GetValue(pageSize);
            if (size is < 1 or > 5000) throw new UsageException("--page-size must be between 1 and 5000.");
            if (max is { } m) size = Math.Min(size, m);
            var fieldList = CommandActions.SplitList(parse.GetValue(fields));
            if (fieldList.Count == 0) fieldList = DefaultFields;

            IIssueSink sink = parse.GetValue(json) ? new JsonIssueSink(context.Output) : new TableIssueSink(context.Output, fieldList);
            var written = 0;
            var pageNumber = 0;
            await foreach (var page in IssueSearch.PagesAsync(connection, query, fieldList, size, cancellationToken))
            {
                pageNumber++;
                var issues = max is { } cap ? page.Issues.Take(cap - written).ToList() : page.Issues;
                await sink.WriteAsync(issues);
                written += issues.Count;
                var total = page.Total is { } t ? $" of {t}" : string.Empty;
                await context.Error.WriteLineAsync($"jira: page {pageNumber}: {written}{total} issues");
                if (max is { } stop && written >= stop) break;
            }
            await sink.CompleteAsync();
            if (written == 0) await context.Error.WriteLineAsync("jira: no issues match");
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>Where search results go as pages arrive.</summary>
internal interface IIssueSink
{
    Task WriteAsync(IReadOnlyList<JsonElement> issues);

    Task CompleteAsync();
}
