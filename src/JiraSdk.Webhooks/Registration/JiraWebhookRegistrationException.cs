using JiraSdk.Errors;

namespace JiraSdk.Webhooks.Registration;

/// <summary>Jira refused to register a webhook, or answered in a way the registrar cannot act on.</summary>
public sealed class JiraWebhookRegistrationException : JiraException
{
    /// <summary>Creates the exception.</summary>
    public JiraWebhookRegistrationException(string message, IReadOnlyList<string>? errors = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Errors = errors ?? Array.Empty<string>();
    }

    /// <summary>The error messages Jira gave, if any.</summary>
    public IReadOnlyList<string> Errors { get; }
}
