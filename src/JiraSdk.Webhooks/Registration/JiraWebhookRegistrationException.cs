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

    /// <summary>Creates the exception for app webhooks Jira refused one by one (it answers 200 with per-webhook errors).</summary>
    public JiraWebhookRegistrationException(IReadOnlyList<RejectedAppWebhook> rejected)
        : base("Jira rejected " + string.Join("; ", (rejected ?? throw new ArgumentNullException(nameof(rejected))).Select(r => r.ToString())))
    {
        Rejected = rejected;
        Errors = rejected.SelectMany(r => r.Reasons).ToArray();
    }

    /// <summary>The error messages Jira gave, if any.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Which app webhook definitions Jira refused and why; empty when the failure was not per webhook.</summary>
    public IReadOnlyList<RejectedAppWebhook> Rejected { get; } = Array.Empty<RejectedAppWebhook>();
}

/// <summary>An app webhook definition Jira refused in a <c>POST /rest/api/3/webhook</c> answer, with Jira's reasons.</summary>
public sealed class RejectedAppWebhook
{
    /// <summary>Creates the record.</summary>
    public RejectedAppWebhook(int index, AppWebhookDefinition definition, IReadOnlyList<string> reasons)
    {
        Index = index;
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Reasons = reasons ?? throw new ArgumentNullException(nameof(reasons));
    }

    /// <summary>The definition's position in the request (0-based; Jira answers in request order).</summary>
    public int Index { get; }

    /// <summary>The definition refused.</summary>
    public AppWebhookDefinition Definition { get; }

    /// <summary>Jira's reasons, e.g. "The clause watchCount is unsupported".</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"webhook #{Index} ({string.Join(", ", Definition.Events)}; JQL '{Definition.JqlFilter}'): {string.Join(" ", Reasons)}";
}
