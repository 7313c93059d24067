namespace JiraSdk.Webhooks.Events;

/// <summary>
/// Declares the <c>webhookEvent</c> name Jira sends for the event type it is on: the one place an event's wire name is
/// written. The parser's name-to-type map and <see cref="Processing.JiraWebhookEventProcessor"/>'s dispatch are derived
/// from these declarations. Names come from Atlassian's webhook documentation and the <c>WebhookDetails.events</c> enum
/// of the platform spec (see <c>../shared/webhooks/EVENTS.md</c> §2).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class JiraWebhookEventAttribute : Attribute
{
    /// <summary>Declares <paramref name="name"/> as the wire name of the event type.</summary>
    /// <param name="name">The <c>webhookEvent</c> value, e.g. <c>jira:issue_created</c>; compared ordinally.</param>
    public JiraWebhookEventAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The <c>webhookEvent</c> value.</summary>
    public string Name { get; }

    /// <summary>
    /// An older name Jira still sends for the same event (e.g. <c>jira:worklog_updated</c>): read when parsing, never the
    /// name the SDK reports as the event's own. Each type has exactly one name that is not legacy.
    /// </summary>
    public bool IsLegacyName { get; set; }
}
