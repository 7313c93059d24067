namespace JiraSdk.Testing;

/// <summary>A user in the sandbox. <see cref="ToString"/> never reveals the API token.</summary>
public sealed class SandboxUser
{
    internal SandboxUser(string accountId, string name, string displayName, string emailAddress, string apiToken)
    {
        AccountId = accountId;
        Name = name;
        DisplayName = displayName;
        EmailAddress = emailAddress;
        ApiToken = apiToken;
    }

    /// <summary>The Cloud account id.</summary>
    public string AccountId { get; }

    /// <summary>The Data Center user name (and key).</summary>
    public string Name { get; }

    /// <summary>The display name.</summary>
    public string DisplayName { get; }

    /// <summary>The email address (the Basic authentication user).</summary>
    public string EmailAddress { get; }

    /// <summary>The user's API token (Cloud) or password (Data Center).</summary>
    public string ApiToken { get; }

    /// <summary>Names the user; never reveals the token.</summary>
    public override string ToString() => $"{DisplayName} <{EmailAddress}> ({AccountId})";
}

/// <summary>A project in the sandbox.</summary>
/// <param name="Id">The project id.</param>
/// <param name="Key">The project key, e.g. <c>DOCS</c>.</param>
/// <param name="Name">The project name.</param>
public sealed record SandboxProject(string Id, string Key, string Name);

/// <summary>An issue in the sandbox.</summary>
/// <param name="Id">The issue id.</param>
/// <param name="Key">The issue key, e.g. <c>DOCS-1</c>.</param>
public sealed record SandboxIssue(string Id, string Key);

/// <summary>A custom field in the sandbox.</summary>
/// <param name="Id">The field id, e.g. <c>customfield_10010</c>.</param>
/// <param name="Name">The field name, e.g. <c>Story Points</c>.</param>
/// <param name="Type">The field type.</param>
public sealed record SandboxField(string Id, string Name, SandboxFieldType Type);

/// <summary>The custom field types the sandbox supports.</summary>
public enum SandboxFieldType
{
    /// <summary>A number (<c>com.atlassian.jira.plugin.system.customfieldtypes:float</c>).</summary>
    Number,

    /// <summary>A single select list with options (<c>…:select</c>); values are the option names.</summary>
    Select,

    /// <summary>A single user picker (<c>…:userpicker</c>); values are account ids or email addresses.</summary>
    UserPicker,

    /// <summary>A single-line text field (<c>…:textfield</c>).</summary>
    Text,

    /// <summary>A multi-line rich-text field (<c>…:textarea</c>): an ADF document on v3, wiki markup on v2, like the
    /// description.</summary>
    TextArea,
}

/// <summary>Jira's status categories.</summary>
public enum SandboxStatusCategory
{
    /// <summary>To Do (<c>new</c>).</summary>
    ToDo,

    /// <summary>In Progress (<c>indeterminate</c>).</summary>
    InProgress,

    /// <summary>Done (<c>done</c>): issues reaching it get a resolution.</summary>
    Done,
}

/// <summary>An issue to seed. Only <see cref="ProjectKey"/> and <see cref="Summary"/> are required; users are named by
/// account id or email address.</summary>
public sealed class SandboxIssueSeed
{
    /// <summary>The project key.</summary>
    public required string ProjectKey { get; init; }

    /// <summary>The summary.</summary>
    public required string Summary { get; init; }

    /// <summary>The issue type name or id; default <c>Task</c>.</summary>
    public string IssueType { get; init; } = "Task";

    /// <summary>The status name or id; default the first status (<c>To Do</c>). A done status sets the resolution.</summary>
    public string? Status { get; init; }

    /// <summary>The description as wiki/plain text (v3 serves it as ADF paragraphs).</summary>
    public string? Description { get; init; }

    /// <summary>The assignee (account id or email); null leaves the issue unassigned.</summary>
    public string? Assignee { get; init; }

    /// <summary>The reporter (account id or email); default the administrator.</summary>
    public string? Reporter { get; init; }

    /// <summary>The priority name or id; default <c>Medium</c>.</summary>
    public string? Priority { get; init; }

    /// <summary>Labels (no spaces).</summary>
    public IReadOnlyList<string> Labels { get; init; } = Array.Empty<string>();

    /// <summary>The due date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>When the issue was created; default now. <c>updated</c> is the same unless <see cref="Updated"/> is set.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the issue was last updated; default <see cref="Created"/>.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The parent issue key (for subtasks and epics' children).</summary>
    public string? Parent { get; init; }

    /// <summary>Fix version names of the project.</summary>
    public IReadOnlyList<string> FixVersions { get; init; } = Array.Empty<string>();

    /// <summary>Custom field values by field name or id: a number for number fields, the option name for select
    /// fields, an account id or email for user pickers, a string for text fields.</summary>
    public IReadOnlyDictionary<string, object?> CustomFields { get; init; } = new Dictionary<string, object?>();

    /// <summary>Comments, each by the reporter.</summary>
    public IReadOnlyList<string> Comments { get; init; } = Array.Empty<string>();
}
