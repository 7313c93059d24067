namespace DocsReminder;

/// <summary>What the reminder searches for and where it posts.</summary>
public sealed class DocsReminderOptions
{
    /// <summary>The tickets to remind about.</summary>
    public string Jql { get; set; } = "project = DOCS AND status in (\"On Hold\", \"Ready to Publish\") ORDER BY key ASC";

    /// <summary>The Jira site, e.g. <c>https://acme.atlassian.net</c>; ticket links point to <c>&lt;site&gt;/browse/KEY</c>.</summary>
    public required Uri Site { get; set; }

    /// <summary>The Slack incoming-webhook URL. It is a secret: anyone holding it can post to the channel.</summary>
    public required Uri SlackWebhookUrl { get; set; }

    /// <summary>The weekday the reminder runs on. Default Monday.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>The time of day (UTC) the reminder runs at. Default 09:00.</summary>
    public TimeSpan TimeOfDay { get; set; } = TimeSpan.FromHours(9);
}
