using JiraSdk;
using JiraSdk.Issues;

namespace DocsReminder.Reminders;

/// <summary>A ticket the reminder posts about; <paramref name="Excerpt"/> is the start of its description as plain text.</summary>
public sealed record DocsTicket(string Key, string Summary, string Status, Uri Link, string Excerpt = "");

/// <summary>Searches Jira for the docs tickets that wait on someone and sends one reminder per ticket.</summary>
public sealed class DocsReminderJob
{
    private readonly JiraClient _jira;
    private readonly bool _dataCenter;
    private readonly IReminderSink _sink;

    /// <summary>Creates the job.</summary>
    /// <param name="jira">The Jira client; every search goes through its pipeline (retries, errors, paging).</param>
    /// <param name="dataCenter">Data Center: search REST API v2 paged by <c>startAt</c>; otherwise Cloud's <c>/rest/api/3/search/jql</c>.</param>
    /// <param name="sink">Where each reminder goes (Slack, or the console).</param>
    /// <param name="project">The project key, e.g. <c>DOCS</c>.</param>
    public DocsReminderJob(JiraClient jira, bool dataCenter, IReminderSink sink, string project = "DOCS")
    {
        _jira = jira;
        _dataCenter = dataCenter;
        _sink = sink;
        Jql = $"project = {project} AND status in (\"On Hold\", \"Ready to Publish\") ORDER BY key ASC";
    }

    /// <summary>The tickets to remind about: the project's tickets on hold or ready to publish.</summary>
    public string Jql { get; }

    /// <summary>Runs the reminder once and returns the tickets it sent a reminder for.</summary>
    public async Task<IReadOnlyList<DocsTicket>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sent = new List<DocsTicket>();
        // One page in memory at a time; the SDK follows nextPageToken (Cloud) or startAt (Data Center).
        string[] fields = ["summary", "status", "description"];
        // Both APIs' issues are IJiraIssue: one read model whichever search served them.
        IAsyncEnumerable<IJiraIssue> issues = _dataCenter
            ? _jira.V2.SearchIssuesByOffsetAsync(Jql, fields, cancellationToken: cancellationToken)
            : _jira.V3.SearchIssuesAsync(Jql, fields, cancellationToken: cancellationToken);
        await foreach (var issue in issues.WithCancellation(cancellationToken))
        {
            var ticket = ToTicket(issue);
            await _sink.SendAsync(ticket, FormatMessage(ticket), cancellationToken);
            sent.Add(ticket);
        }
        return sent;
    }

    /// <summary>The Slack text for a ticket: linked key, summary, status and a description excerpt (Slack's mrkdwn).</summary>
    public static string FormatMessage(DocsTicket ticket) =>
        $"<{ticket.Link}|{Escape(ticket.Key)}> {Escape(ticket.Summary)} is *{Escape(ticket.Status)}*"
        + (ticket.Excerpt.Length == 0 ? "" : "\n> " + Escape(ticket.Excerpt));

    private DocsTicket ToTicket(IJiraIssue issue)
    {
        var key = issue.Key ?? issue.Id ?? "?";
        var fields = issue.Fields ?? new IssueFields();
        return new DocsTicket(key, fields.Summary ?? "", fields.Status?.Name ?? "",
            new Uri(_jira.HttpClient.BaseAddress!, "browse/" + Uri.EscapeDataString(key)), Excerpt(fields));
    }

    // The description as plain text (ADF on v3, wiki markup on Data Center), on one line and cut to a Slack-sized excerpt.
    private static string Excerpt(IssueFields fields)
    {
        var text = fields.Description?.ToPlainText() ?? "";
        text = string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ExcerptLength ? text : text.Substring(0, ExcerptLength - 1) + "…";
    }

    private const int ExcerptLength = 140;

    // Slack treats &, < and > as control characters in message text.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
