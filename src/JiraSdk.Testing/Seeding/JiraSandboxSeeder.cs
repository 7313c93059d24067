using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Store;

namespace JiraSdk.Testing;

/// <summary>
/// Puts data into a running sandbox directly (not over HTTP): users, projects, versions, issue types, statuses,
/// transitions, custom fields and issues. Seeding fires no webhooks and bypasses eventual consistency; it is persisted
/// like any other write. Thread-safe.
/// </summary>
public sealed class JiraSandboxSeeder
{
    private readonly SandboxStore _store;

    internal JiraSandboxSeeder(SandboxStore store) => _store = store;

    /// <summary>Adds a user with an API token (random unless given).</summary>
    /// <param name="displayName">The display name, e.g. <c>Bob Writer</c>.</param>
    /// <param name="emailAddress">The email address; also the Basic authentication user.</param>
    /// <param name="apiToken">The API token (and Data Center password); null draws a random one.</param>
    /// <param name="accountId">The account id; null derives one.</param>
    /// <exception cref="InvalidOperationException">A user with that email address exists.</exception>
    public SandboxUser AddUser(string displayName, string emailAddress, string? apiToken = null, string? accountId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        ArgumentException.ThrowIfNullOrEmpty(emailAddress);
        var record = _store.Write(() =>
        {
            if (_store.FindUser(emailAddress) is not null) throw new InvalidOperationException($"A user with the email address '{emailAddress}' exists.");
            var user = new UserRecord
            {
                AccountId = accountId ?? "557058:" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture),
                Name = emailAddress.Split('@')[0],
                DisplayName = displayName,
                EmailAddress = emailAddress,
                ApiToken = apiToken ?? NewSecret(),
                PersonalAccessToken = NewSecret(),
            };
            _store.Users[user.AccountId] = user;
            _store.Persist("user", user.AccountId, user);
            return user;
        });
        return ToPublic(record);
    }

    /// <summary>Finds a user by account id, email address or user name; null when there is none.</summary>
    public SandboxUser? FindUser(string reference) => _store.Read(() => _store.FindUser(reference) is { } u ? ToPublic(u) : null);

    internal static SandboxUser ToPublic(UserRecord u) => new(u.AccountId, u.Name, u.DisplayName, u.EmailAddress, u.ApiToken);

    /// <summary>Adds a project (type <c>software</c>, the global workflow and all issue types).</summary>
    /// <param name="key">The key: capital letters and digits, starting with a letter.</param>
    /// <param name="name">The name.</param>
    /// <param name="lead">The lead's account id or email; default the administrator.</param>
    /// <exception cref="ArgumentException">The key is not a valid Jira project key.</exception>
    /// <exception cref="InvalidOperationException">The key is taken.</exception>
    public SandboxProject AddProject(string key, string name, string? lead = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!char.IsAsciiLetterUpper(key[0]) || !key.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            throw new ArgumentException("A project key starts with a capital letter and has only capital letters, digits and underscores.", nameof(key));
        return _store.Write(() =>
        {
            if (_store.FindProject(key) is not null) throw new InvalidOperationException($"The project key '{key}' is taken.");
            var project = new ProjectRecord
            {
                Id = _store.NextId("project"),
                Key = key,
                Name = name,
                LeadAccountId = (lead is null ? _store.Users.Values.FirstOrDefault() : _store.FindUser(lead))?.AccountId,
            };
            _store.Projects.Add(project);
            _store.PersistProject(project);
            return new SandboxProject(SandboxStore.Id(project.Id), project.Key, project.Name);
        });
    }

    /// <summary>Adds a version to a project (for <c>fixVersions</c>).</summary>
    /// <returns>The version id.</returns>
    public string AddVersion(string projectKey, string name, bool released = false) => _store.Write(() =>
    {
        var project = _store.FindProject(projectKey) ?? throw new InvalidOperationException($"No project '{projectKey}'.");
        var version = new VersionRecord { Id = _store.NextId("version"), Name = name, Released = released };
        project.Versions.Add(version);
        _store.PersistProject(project);
        return SandboxStore.Id(version.Id);
    });

    /// <summary>Adds an issue type available in every project.</summary>
    /// <returns>The issue type id.</returns>
    public string AddIssueType(string name, bool subtask = false) => _store.Write(() =>
    {
        if (_store.FindIssueType(name) is not null) throw new InvalidOperationException($"The issue type '{name}' exists.");
        var type = new IssueTypeRecord { Id = _store.NextId("issuetype"), Name = name, Subtask = subtask, HierarchyLevel = subtask ? -1 : 0 };
        _store.IssueTypes.Add(type);
        _store.Persist("issuetype", SandboxStore.Id(type.Id), type);
        return SandboxStore.Id(type.Id);
    });

    /// <summary>Adds a status to the global workflow (reach it with <see cref="AddTransition"/>).</summary>
    /// <returns>The status id.</returns>
    public string AddStatus(string name, SandboxStatusCategory category) => _store.Write(() =>
    {
        if (_store.FindStatus(name) is not null) throw new InvalidOperationException($"The status '{name}' exists.");
        var status = new StatusRecord
        {
            Id = _store.NextId("status"), Name = name,
            CategoryKey = category switch { SandboxStatusCategory.Done => "done", SandboxStatusCategory.InProgress => "indeterminate", _ => "new" },
        };
        _store.Statuses.Add(status);
        _store.Persist("status", SandboxStore.Id(status.Id), status);
        return SandboxStore.Id(status.Id);
    });

    /// <summary>Adds a global transition into a status (offered from every other status).</summary>
    /// <returns>The transition id.</returns>
    public string AddTransition(string name, string toStatus) => _store.Write(() =>
    {
        var status = _store.FindStatus(toStatus) ?? throw new InvalidOperationException($"No status '{toStatus}'.");
        var transition = new TransitionRecord { Id = _store.NextId("transition", 11), Name = name, ToStatusId = status.Id };
        _store.Transitions.Add(transition);
        _store.Persist("transition", SandboxStore.Id(transition.Id), transition);
        return SandboxStore.Id(transition.Id);
    });

    /// <summary>Adds a custom field on every screen.</summary>
    /// <param name="name">The field name (JQL accepts it besides <c>cf[id]</c>).</param>
    /// <param name="type">The field type.</param>
    /// <param name="options">The options of a select field.</param>
    public SandboxField AddCustomField(string name, SandboxFieldType type, params string[] options) => _store.Write(() =>
    {
        if (_store.FindCustomField(name) is not null) throw new InvalidOperationException($"The custom field '{name}' exists.");
        var field = new CustomFieldRecord
        {
            Id = _store.NextId("customfield", 10010),
            Name = name,
            Kind = type switch { SandboxFieldType.Number => "number", SandboxFieldType.Select => "select", SandboxFieldType.UserPicker => "user", SandboxFieldType.TextArea => "textarea", _ => "text" },
        };
        foreach (var option in options) field.Options.Add(new NamedRecord { Id = _store.NextId("option"), Name = option });
        _store.CustomFields.Add(field);
        _store.Persist("customfield", SandboxStore.Id(field.Id), field);
        return new SandboxField(field.FieldId, field.Name, type);
    });

    /// <summary>Adds an issue with the given state, without firing webhooks.</summary>
    /// <exception cref="InvalidOperationException">A value does not exist in the sandbox (project, user, option…).</exception>
    public SandboxIssue AddIssue(SandboxIssueSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return _store.Write(() =>
        {
            var reporter = (seed.Reporter is null ? _store.Users.Values.FirstOrDefault() : _store.FindUser(seed.Reporter))
                ?? throw new InvalidOperationException($"No user '{seed.Reporter}'.");
            var fields = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = seed.ProjectKey },
                ["issuetype"] = new JsonObject { ["name"] = seed.IssueType },
                ["summary"] = seed.Summary,
                ["labels"] = new JsonArray(seed.Labels.Select(l => (JsonNode?)l).ToArray()),
            };
            if (seed.Description is not null) fields["description"] = seed.Description;
            if (seed.Assignee is not null) fields["assignee"] = new JsonObject { ["accountId"] = seed.Assignee };
            if (seed.Priority is not null) fields["priority"] = new JsonObject { ["name"] = seed.Priority };
            if (seed.DueDate is { } due) fields["duedate"] = JiraTime.Format(due);
            if (seed.Parent is not null) fields["parent"] = new JsonObject { ["key"] = seed.Parent };
            if (seed.FixVersions.Count > 0) fields["fixVersions"] = new JsonArray(seed.FixVersions.Select(v => (JsonNode?)new JsonObject { ["name"] = v }).ToArray());
            foreach (var (reference, value) in seed.CustomFields)
            {
                var field = _store.FindCustomField(reference) ?? throw new InvalidOperationException($"No custom field '{reference}'.");
                fields[field.FieldId] = value switch
                {
                    null => null,
                    _ when field.Kind == "number" => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
                    _ when field.Kind == "select" => new JsonObject { ["value"] = Convert.ToString(value, CultureInfo.InvariantCulture) },
                    SandboxUser user when field.Kind == "user" => new JsonObject { ["accountId"] = user.AccountId },
                    _ when field.Kind == "user" => new JsonObject { ["accountId"] = Convert.ToString(value, CultureInfo.InvariantCulture) },
                    _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
                };
            }
            IssueRecord issue;
            try
            {
                issue = _store.CreateIssue(new JsonObject { ["fields"] = fields }, 2, reporter, raiseEvents: false);
            }
            catch (JiraRestException e)
            {
                throw new InvalidOperationException("The seed is not valid: " + string.Join("; ", e.ErrorMessages.Concat(e.Errors.Select(kv => kv.Key + ": " + kv.Value))), e);
            }
            if (seed.Status is not null)
            {
                var status = _store.FindStatus(seed.Status) ?? throw new InvalidOperationException($"No status '{seed.Status}'.");
                issue.StatusId = status.Id;
                if (status.CategoryKey == "done" && _store.Resolutions.Count > 0)
                {
                    issue.ResolutionId = _store.Resolutions[0].Id;
                    issue.ResolutionDate = seed.Updated ?? seed.Created ?? _store.Now;
                }
            }
            if (seed.Created is { } created) issue.Created = JiraTime.Truncate(created);
            issue.Updated = JiraTime.Truncate(seed.Updated ?? seed.Created ?? issue.Updated);
            foreach (var body in seed.Comments)
            {
                issue.Comments.Add(new CommentRecord
                {
                    Id = _store.NextId("comment"), AuthorId = reporter.AccountId, UpdateAuthorId = reporter.AccountId, Body = body, Created = issue.Updated, Updated = issue.Updated,
                });
            }
            // Seeded data is searchable at once.
            issue.SearchVisibleAt = DateTimeOffset.MinValue;
            issue.SearchIndexed = true;
            _store.PersistIssue(issue);
            return new SandboxIssue(SandboxStore.Id(issue.Id), issue.Key);
        });
    }

    internal Auth.OAuth1Server? OAuth1 { get; set; }

    /// <summary>
    /// Registers an OAuth 1.0a consumer (an application link) with its RSA public key; requests and the token dance
    /// signed with the matching private key (RSA-SHA1) are then accepted. Registering a key again replaces it.
    /// </summary>
    /// <param name="consumerKey">The consumer key, e.g. <see cref="JiraSandboxCredentials.OAuth1ConsumerKey"/>.</param>
    /// <param name="publicKeyPem">The public key, PEM (<c>BEGIN PUBLIC KEY</c>).</param>
    /// <exception cref="ArgumentException">The key is not a PEM RSA public key.</exception>
    public void AddOAuth1Consumer(string consumerKey, string publicKeyPem)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerKey);
        ArgumentException.ThrowIfNullOrEmpty(publicKeyPem);
        var server = OAuth1 ?? throw new InvalidOperationException("The sandbox is not running.");
        try
        {
            server.RegisterConsumer(consumerKey, publicKeyPem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new ArgumentException("The public key is not a PEM RSA public key.", nameof(publicKeyPem), e);
        }
    }

    internal static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
