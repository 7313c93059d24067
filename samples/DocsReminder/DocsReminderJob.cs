using System.Net.Http.Json;
using System.Text.Json;
using JiraSdk.V3;

namespace DocsReminder;

/// <summary>A ticket the reminder posts about.</summary>
public sealed record DocsTicket(string Key, string Summary, string Status, Uri Link);

/// <summary>Searches Jira for the tickets and posts one Slack message per ticket.</summary>
public sealed class DocsReminderJob
{
    private const int PageSize = 100;
    private readonly IIssueSearchClient _search;
    private readonly HttpClient _slack;
    private readonly DocsReminderOptions _options;

    /// <summary>Creates the job.</summary>
    /// <param name="search">The generated Jira search client.</param>
    /// <param name="slack">The client the Slack messages are posted with.</param>
    /// <param name="options">What to search and where to post.</param>
    public DocsReminderJob(IIssueSearchClient search, HttpClient slack, DocsReminderOptions options)
    {
        _search = search;
        _slack = slack;
        _options = options;
    }

    /// <summary>Runs the reminder once and returns the tickets it posted about.</summary>
    public async Task<IReadOnlyList<DocsTicket>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var tickets = await FindTicketsAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            using var response = await _slack.PostAsJsonAsync(_options.SlackWebhookUrl, new { text = FormatMessage(ticket) }, cancellationToken);
            // Slack's error bodies are short plain text ("invalid_payload"); they never echo the webhook URL.
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException(
                    $"Slack refused the message for {ticket.Key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}",
                    null, response.StatusCode);
        }
        return tickets;
    }

    /// <summary>Pages through the search results.</summary>
    public async Task<IReadOnlyList<DocsTicket>> FindTicketsAsync(CancellationToken cancellationToken)
    {
        var tickets = new List<DocsTicket>();
        var request = new SearchAndReconcileRequestBean { Jql = _options.Jql, Fields = ["summary", "status"], MaxResults = PageSize };
        do
        {
            var page = await _search.SearchAndReconsileIssuesUsingJqlPostAsync(request, cancellationToken);
            foreach (var issue in page.Issues ?? [])
                tickets.Add(ToTicket(issue));
            request.NextPageToken = page.IsLast == true ? null : page.NextPageToken;
        }
        while (request.NextPageToken is not null);
        return tickets;
    }

    /// <summary>The Slack text for a ticket: linked key, summary and status.</summary>
    public static string FormatMessage(DocsTicket ticket) =>
        $"<{ticket.Link}|{Escape(ticket.Key)}> {Escape(ticket.Summary)} is *{Escape(ticket.Status)}*";

    private DocsTicket ToTicket(IssueBean issue)
    {
        var key = issue.Key ?? issue.Id ?? "?";
        var summary = Field(issue, "summary") is { ValueKind: JsonValueKind.String } s ? s.GetString()! : "";
        var status = Field(issue, "status") is { ValueKind: JsonValueKind.Object } st && st.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
        var site = _options.Site.AbsoluteUri.TrimEnd('/');
        return new DocsTicket(key, summary, status, new Uri($"{site}/browse/{Uri.EscapeDataString(key)}"));
    }

    private static JsonElement? Field(IssueBean issue, string name) =>
        issue.Fields is not null && issue.Fields.TryGetValue(name, out var value) && value is JsonElement element ? element : null;

    // Slack treats &, < and > as control characters in message text.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
