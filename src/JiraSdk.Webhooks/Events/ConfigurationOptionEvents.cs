namespace JiraSdk.Webhooks.Events;

/// <summary>Voting was turned on or off. Jira sends it as <c>option_voting_changed</c>.</summary>
[JiraWebhookEvent("option_voting_changed")]
public sealed class VotingOptionChangedEvent : ConfigurationOptionWebhookEvent
{
}

/// <summary>Watching was turned on or off. Jira sends it as <c>option_watching_changed</c>.</summary>
[JiraWebhookEvent("option_watching_changed")]
public sealed class WatchingOptionChangedEvent : ConfigurationOptionWebhookEvent
{
}

/// <summary>Allowing unassigned issues was turned on or off. Jira sends it as <c>option_unassigned_issues_changed</c>.</summary>
[JiraWebhookEvent("option_unassigned_issues_changed")]
public sealed class UnassignedIssuesOptionChangedEvent : ConfigurationOptionWebhookEvent
{
}

/// <summary>Sub-tasks were turned on or off. Jira sends it as <c>option_subtasks_changed</c>.</summary>
[JiraWebhookEvent("option_subtasks_changed")]
public sealed class SubtasksOptionChangedEvent : ConfigurationOptionWebhookEvent
{
}

/// <summary>Attachments were turned on or off. Jira sends it as <c>option_attachments_changed</c>.</summary>
[JiraWebhookEvent("option_attachments_changed")]
public sealed class AttachmentsOptionChangedEvent : ConfigurationOptionWebhookEvent
{
}

/// <summary>Issue linking was turned on or off. Jira sends it as <c>option_issuelinks_changed</c>.</summary>
[JiraWebhookEvent("option_issuelinks_changed")]
public sealed class IssueLinksOptionChangedEvent : ConfigurationOptionWebhookEvent
{
}

/// <summary>Time tracking was turned on or off. Jira sends it as <c>option_timetracking_changed</c>.</summary>
[JiraWebhookEvent("option_timetracking_changed")]
public sealed class TimeTrackingOptionChangedEvent : ConfigurationOptionWebhookEvent
{
}

/// <summary>The time tracking provider changed. Jira sends it as <c>option_timetracking_provider_changed</c>.</summary>
[JiraWebhookEvent("option_timetracking_provider_changed")]
public sealed class TimeTrackingProviderOptionChangedEvent : ConfigurationOptionWebhookEvent
{
}
