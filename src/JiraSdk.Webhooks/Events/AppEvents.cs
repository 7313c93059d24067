namespace JiraSdk.Webhooks.Events;

/// <summary>The app lost access to some objects. Jira sends it as <c>app_access_to_objects_blocked</c>.</summary>
[JiraWebhookEvent("app_access_to_objects_blocked")]
public sealed class AppAccessToObjectsBlockedEvent : AppWebhookEvent
{
}

/// <summary>The app lost access to objects in a container. Jira sends it as <c>app_access_to_objects_in_container_blocked</c>.</summary>
[JiraWebhookEvent("app_access_to_objects_in_container_blocked")]
public sealed class AppAccessToObjectsInContainerBlockedEvent : AppWebhookEvent
{
}

/// <summary>A Jira expression the app registered failed to evaluate. Jira sends it as <c>jira_expression_evaluation_failed</c>.</summary>
[JiraWebhookEvent("jira_expression_evaluation_failed")]
public sealed class JiraExpressionEvaluationFailedEvent : AppWebhookEvent
{
}
