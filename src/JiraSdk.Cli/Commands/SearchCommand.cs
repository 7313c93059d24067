using System.CommandLine;
using System.Runtime.CompilerServices;
using JiraSdk.Cli.Configuration;
using JiraSdk.Cli.Connection;
using JiraSdk.Cli.Output;
using JiraSdk.Issues;
using JiraSdk.Paging;

namespace JiraSdk.Cli.Commands;

/// <summary>
/// <c>jira search "&lt;jql&gt;"</c>: streams the matching issues page by page as a table or JSON, through the SDK's search
/// and its one paging engine: REST API v3 pages Cloud's <c>/search/jql</c> by <c>nextPageToken</c>, v2 pages
/// <c>/rest/api/2/search</c> by <c>startAt</c>, which Data Center serves.
/// </summary>
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
            var pages = connection.ApiVersion == "3"
                ? Pages(connection.Client.V3.SearchIssuesAsync(query, fieldList, pageSize: size, cancellationToken: cancellationToken), size)
                : Pages(connection.Client.V2.SearchIssuesByOffsetAsync(query, fieldList, pageSize: size, cancellationToken: cancellationToken), size);
            await foreach (var page in pages.WithCancellation(cancellationToken))
            {
                pageNumber++;
                var issues = max is { } cap ? page.Take(cap - written).ToList() : page;
                await sink.WriteAsync(issues);
                written += issues.Count;
                await context.Error.WriteLineAsync($"jira: page {pageNumber}: {written} issues");
                if (max is { } stop && written >= stop) break;
            }
            await sink.CompleteAsync();
            if (written == 0) await context.Error.WriteLineAsync("jira: no issues match");
            return ExitCodes.Success;
        });
        return command;
    }

    // v2 and v3 issues are different generated types with one read model (IJiraIssue): the sinks take either.
    private static async IAsyncEnumerable<IReadOnlyList<IJiraIssue>> Pages<TIssue>(JiraAsyncPageable<TIssue> search, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TIssue : class, IJiraIssue
    {
        await foreach (var page in search.AsPages(pageSizeHint: pageSize).WithCancellation(cancellationToken)) yield return page.Values;
    }
}

/// <summary>Where search results go as pages arrive.</summary>
internal interface IIssueSink
{
    Task WriteAsync(IReadOnlyList<IJiraIssue> issues);

    Task CompleteAsync();
}
