using JiraSdk.Testing.Store;

namespace JiraSdk.Testing.Webhooks;

/// <summary>The registered webhooks and the failed deliveries; thread-safe, persisted through the store.</summary>
internal sealed class WebhookRegistry
{
    /// <summary>How long failed deliveries stay listed (spec: GET /rest/api/3/webhook/failed, 72 hours).</summary>
    public static readonly TimeSpan FailureRetention = TimeSpan.FromHours(72);

    private readonly object _gate = new();
    private readonly SandboxStore _store;
    private readonly List<FailedDelivery> _failures = new();

    public WebhookRegistry(SandboxStore store) => _store = store;

    public Dictionary<long, AdminWebhookRecord> Admin { get; } = new();
    public Dictionary<long, AppWebhookRecord> Apps { get; } = new();

    public T Locked<T>(Func<T> action)
    {
        lock (_gate) return action();
    }

    public (IReadOnlyList<AdminWebhookRecord> Admin, IReadOnlyList<AppWebhookRecord> Apps) Snapshot()
    {
        lock (_gate) return (Admin.Values.ToList(), Apps.Values.ToList());
    }

    public void Save(AdminWebhookRecord hook) => _store.Persist("webhook", SandboxStore.Id(hook.Id), hook);

    public void Save(AppWebhookRecord hook) => _store.Persist("appwebhook", SandboxStore.Id(hook.Id), hook);

    public long NextId() => _store.Write(() => _store.NextId("webhook", 1));

    public void AddFailure(FailedDelivery failure)
    {
        lock (_gate)
        {
            _failures.Add(failure);
            _failures.RemoveAll(f => failure.FailureTime - f.FailureTime > FailureRetention);
        }
    }

    public IReadOnlyList<FailedDelivery> Failures()
    {
        lock (_gate) return _failures.ToList();
    }
}
