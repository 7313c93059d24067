using System.Globalization;
using System.Text.Json.Nodes;

namespace JiraSdk.Testing.Store;

/// <summary>A change the sandbox made, as a webhook event (Jira fires one per change; see ../shared/webhooks/EVENTS.md).</summary>
/// <param name="WebhookEvent">The <c>webhookEvent</c> name, e.g. <c>jira:issue_updated</c>.</param>
/// <param name="Payload">The delivery body, without <c>matchedWebhookIds</c> (added per dynamic webhook).</param>
/// <param name="Issue">The issue in the JQL engine's v2 shape, for webhook JQL filters; null for non-issue events.</param>
/// <param name="Secondary">A knock-on effect of another change (<c>X-Atlassian-Webhook-Flow: Secondary</c>).</param>
internal sealed record SandboxChange(string WebhookEvent, JsonObject Payload, JsonObject? Issue, bool Secondary);

/// <summary>Where the store writes each change before the request that made it is answered (SQLite, or nothing).</summary>
internal interface ISandboxPersistence
{
    void Upsert(string kind, string id, object record);
    void Delete(string kind, string id);
}

/// <summary>
/// The sandbox's whole state in memory, guarded by one lock: every read and write of a record happens inside
/// <see cref="Read{T}"/> or <see cref="Write{T}"/>. Writes are persisted (when a data file is set) and their webhook
/// events published after the lock is released.
/// </summary>
internal sealed partial class SandboxStore
{
    private readonly object _gate = new();
    private readonly List<SandboxChange> _pendingChanges = new();
    private ISandboxPersistence? _persistence;

    public SandboxStore(TimeProvider time)
    {
        Time = time;
    }

    public TimeProvider Time { get; }

    /// <summary>How long a write stays invisible to search (Cloud search is eventually consistent); zero by default.</summary>
    public TimeSpan SearchDelay { get; set; }

    /// <summary>Base URL (ending in '/') that webhook payloads' <c>self</c> links use.</summary>
    public string SiteBaseUrl { get; set; } = "http://127.0.0.1/";

    public JiraSandboxMode Mode { get; set; } = JiraSandboxMode.Cloud;

    /// <summary>Raised after a write, outside the lock, with the changes it made.</summary>
    public event Action<IReadOnlyList<SandboxChange>>? Changed;

    // ---- state -------------------------------------------------------------------------------------------------
    public Dictionary<string, UserRecord> Users { get; } = new(StringComparer.Ordinal);
    public List<ProjectRecord> Projects { get; } = new();
    public List<IssueTypeRecord> IssueTypes { get; } = new();
    public List<StatusRecord> Statuses { get; } = new();
    public List<TransitionRecord> Transitions { get; } = new();
    public List<NamedRecord> Priorities { get; } = new();
    public List<NamedRecord> Resolutions { get; } = new();
    public List<CustomFieldRecord> CustomFields { get; } = new();
    public List<LinkTypeRecord> LinkTypes { get; } = new();
    public SortedDictionary<long, IssueRecord> Issues { get; } = new();
    public Dictionary<long, IssueLinkRecord> Links { get; } = new();
    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
    /// <summary>Site-wide values kept across restarts (cloud id, OAuth client secret).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>A site-wide value, created once (and persisted) by <paramref name="create"/>.</summary>
    public string Setting(string name, Func<string> create) => Write(() =>
    {
        if (Settings.TryGetValue(name, out var value)) return value;
        value = create();
        Settings[name] = value;
        Persist("setting", name, value);
        return value;
    });

    public void AttachPersistence(ISandboxPersistence persistence) => _persistence = persistence;

    public DateTimeOffset Now => JiraTime.Truncate(Time.GetUtcNow());

    public T Read<T>(Func<T> read)
    {
        lock (_gate) return read();
    }

    public T Write<T>(Func<T> write)
    {
        T result;
        SandboxChange[] changes;
        lock (_gate)
        {
            try
            {
                result = write();
            }
            finally
            {
                changes = _pendingChanges.ToArray();
                _pendingChanges.Clear();
            }
        }
        if (changes.Length > 0) Changed?.Invoke(changes);
        return result;
    }

    public void Write(Action write) => Write<object?>(() => { write(); return null; });

    /// <summary>Inside a write: queues a webhook event for publication once the lock is released.</summary>
    public void Raise(SandboxChange change) => _pendingChanges.Add(change);

    /// <summary>Inside a write: the next id of a kind (ids start where Jira's do, at 10000).</summary>
    public long NextId(string kind, long first = 10000)
    {
        var next = Counters.TryGetValue(kind, out var current) ? current + 1 : first;
        Counters[kind] = next;
        Persist("counter", kind, next);
        return next;
    }

    public void Persist(string kind, string id, object record) => _persistence?.Upsert(kind, id, record);

    public void Unpersist(string kind, string id) => _persistence?.Delete(kind, id);

    public void PersistIssue(IssueRecord issue) => Persist("issue", Id(issue.Id), issue);

    public void PersistProject(ProjectRecord project) => Persist("project", Id(project.Id), project);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    // ---- lookups (call inside Read/Write) ---------------------------------------------------------------------
    public UserRecord? FindUser(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        if (Users.TryGetValue(reference, out var byId)) return byId;
        return Users.Values.FirstOrDefault(u =>
            string.Equals(u.EmailAddress, reference, StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.Name, reference, StringComparison.OrdinalIgnoreCase));
    }

    public ProjectRecord? FindProject(string? idOrKey)
    {
        if (string.IsNullOrEmpty(idOrKey)) return null;
        return Projects.FirstOrDefault(p => string.Equals(p.Key, idOrKey, StringComparison.OrdinalIgnoreCase) || Id(p.Id) == idOrKey);
    }

    public ProjectRecord ProjectOf(IssueRecord issue) => Projects.First(p => p.Id == issue.ProjectId);

    public IssueRecord? FindIssue(string? idOrKey)
    {
        if (string.IsNullOrEmpty(idOrKey)) return null;
        if (long.TryParse(idOrKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return Issues.TryGetValue(id, out var byId) ? byId : null;
        return Issues.Values.FirstOrDefault(i => string.Equals(i.Key, idOrKey, StringComparison.OrdinalIgnoreCase));
    }

    public IssueRecord RequireIssue(string idOrKey) => FindIssue(idOrKey) ?? throw JiraRestException.IssueNotFound();

    public IssueTypeRecord? FindIssueType(string? idOrName) =>
        string.IsNullOrEmpty(idOrName) ? null
        : IssueTypes.FirstOrDefault(t => Id(t.Id) == idOrName || string.Equals(t.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    public StatusRecord? FindStatus(string? idOrName) =>
        string.IsNullOrEmpty(idOrName) ? null
        : Statuses.FirstOrDefault(s => Id(s.Id) == idOrName || string.Equals(s.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    public StatusRecord StatusOf(IssueRecord issue) => Statuses.First(s => s.Id == issue.StatusId);

    public static NamedRecord? FindNamed(List<NamedRecord> list, string? idOrName) =>
        string.IsNullOrEmpty(idOrName) ? null
        : list.FirstOrDefault(n => Id(n.Id) == idOrName || string.Equals(n.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    public CustomFieldRecord? FindCustomField(string? idOrName)
    {
        if (string.IsNullOrEmpty(idOrName)) return null;
        return CustomFields.FirstOrDefault(f => f.FieldId == idOrName || string.Equals(f.Name, idOrName, StringComparison.OrdinalIgnoreCase));
    }

    public LinkTypeRecord? FindLinkType(string? idOrName) =>
        string.IsNullOrEmpty(idOrName) ? null
        : LinkTypes.FirstOrDefault(t => Id(t.Id) == idOrName || string.Equals(t.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Transitions offered for an issue: every global transition except the one into its current status.</summary>
    public IEnumerable<TransitionRecord> TransitionsFor(IssueRecord issue) => Transitions.Where(t => t.ToStatusId != issue.StatusId);
}
