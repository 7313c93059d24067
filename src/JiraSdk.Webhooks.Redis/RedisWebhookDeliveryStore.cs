using JiraSdk.Webhooks.Delivery;
using StackExchange.Redis;

namespace JiraSdk.Webhooks.Redis;

/// <summary>Settings of the <see cref="RedisWebhookDeliveryStore"/>.</summary>
public sealed class RedisWebhookDeliveryStoreOptions
{
    /// <summary>Prefix of the Redis keys, so several receivers (or sites) can share one Redis. Default <c>jirasdk:webhook:</c>.</summary>
    public string KeyPrefix { get; set; } = "jirasdk:webhook:";

    /// <summary>How long a completed key is remembered: the replay window. Default 24 hours (Jira retries for about 30 minutes).</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claim in progress lasts (Redis <c>PX</c>): if the instance holding it dies, Jira's next retry is processed
    /// once it lapses. Longer than your slowest inline handler; default 5 minutes.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// An <see cref="IWebhookDeliveryStore"/> on Redis, shared by any number of receiver instances. A claim is
/// <c>SET key claim:&lt;token&gt; NX PX &lt;claim timeout&gt;</c>, atomic on the server, so of two instances racing for one
/// delivery exactly one wins; complete and release are Lua scripts that compare the stored token first, so an instance
/// whose claim lapsed cannot clobber the claim another instance took over. Keys expire on their own (claim timeout,
/// retention period). Thread-safe.
/// </summary>
public sealed class RedisWebhookDeliveryStore : IWebhookDeliveryStore
{
    private const string CompletedValue = "done";
    private const string ClaimPrefix = "claim:";

    // Claim: take the key if free; else say whether it is done or held.
    private const string ClaimScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
        if redis.call('GET', KEYS[1]) == ARGV[3] then return 2 end
        return 3
        """;

    // Complete: only the holder, or nobody (the claim lapsed and no one took it), may mark the key done.
    private const string CompleteScript = """
        local current = redis.call('GET', KEYS[1])
        if current == ARGV[1] or current == false then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
          return 1
        end
        return 0
        """;

    // Release: only the holder may free the key.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IDatabase _database;
    private readonly RedisWebhookDeliveryStoreOptions _options;
    private readonly Func<string> _newToken;

    /// <summary>Creates a store on <paramref name="database"/> (e.g. <c>ConnectionMultiplexer.Connect("host:6379").GetDatabase()</c>).</summary>
    public RedisWebhookDeliveryStore(IDatabase database, RedisWebhookDeliveryStoreOptions? options = null)
        : this(database, options, () => Guid.NewGuid().ToString("N"))
    {
    }

    internal RedisWebhookDeliveryStore(IDatabase database, RedisWebhookDeliveryStoreOptions? options, Func<string> newToken)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _options = options ?? new RedisWebhookDeliveryStoreOptions();
        if (_options.RetentionPeriod <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "RetentionPeriod must be positive.");
        if (_options.ClaimTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "ClaimTimeout must be positive.");
        _newToken = newToken;
    }

    /// <inheritdoc />
    public async ValueTask<WebhookDeliveryClaim> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        var token = ClaimPrefix + _newToken();
        var result = (int)await _database.ScriptEvaluateAsync(ClaimScript, new RedisKey[] { KeyFor(key) },
            new RedisValue[] { token, Milliseconds(_options.ClaimTimeout), CompletedValue }).ConfigureAwait(false);
        return result switch
        {
            1 => new WebhookDeliveryClaim(key, WebhookDeliveryClaimStatus.Claimed, token),
            2 => new WebhookDeliveryClaim(key, WebhookDeliveryClaimStatus.Completed),
            _ => new WebhookDeliveryClaim(key, WebhookDeliveryClaimStatus.InProgress),
        };
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteAsync(WebhookDeliveryClaim claim, CancellationToken cancellationToken)
    {
        if (claim?.Token is null) throw new ArgumentException("Only a granted claim can be completed.", nameof(claim));
        var result = (int)await _database.ScriptEvaluateAsync(CompleteScript, new RedisKey[] { KeyFor(claim.Key) },
            new RedisValue[] { claim.Token, CompletedValue, Milliseconds(_options.RetentionPeriod) }).ConfigureAwait(false);
        return result == 1;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(WebhookDeliveryClaim claim, CancellationToken cancellationToken)
    {
        if (claim?.Token is null) throw new ArgumentException("Only a granted claim can be released.", nameof(claim));
        await _database.ScriptEvaluateAsync(ReleaseScript, new RedisKey[] { KeyFor(claim.Key) }, new RedisValue[] { claim.Token }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(RedisWebhookDeliveryStore)} ({_options.KeyPrefix}*)";

    private RedisKey KeyFor(string key) => _options.KeyPrefix + (key ?? throw new ArgumentNullException(nameof(key)));

    private static long Milliseconds(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);
}
