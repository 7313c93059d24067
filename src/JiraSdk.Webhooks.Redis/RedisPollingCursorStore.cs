using JiraSdk.Webhooks.Polling;
using StackExchange.Redis;

namespace JiraSdk.Webhooks.Redis;

/// <summary>
/// An <see cref="IPollingCursorStore"/> on Redis: the polling trigger's (and a reconciliation poll's) cursor survives
/// restarts and is shared by the instances that take turns polling. One string key per cursor, JSON, no expiry.
/// </summary>
public sealed class RedisPollingCursorStore : IPollingCursorStore
{
    private readonly IDatabase _database;
    private readonly string _keyPrefix;

    /// <summary>Creates a store on <paramref name="database"/>; keys are <paramref name="keyPrefix"/> + the cursor key.</summary>
    public RedisPollingCursorStore(IDatabase database, string keyPrefix = "jirasdk:polling-cursor:")
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _keyPrefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
    }

    /// <inheritdoc />
    /// <exception cref="FormatException">The stored value is not a cursor.</exception>
    public async ValueTask<PollingCursor?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var value = await _database.StringGetAsync(KeyFor(key)).ConfigureAwait(false);
        return value.IsNull ? null : PollingCursorJson.Deserialize((byte[])value!);
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(string key, PollingCursor cursor, CancellationToken cancellationToken)
    {
        if (cursor is null) throw new ArgumentNullException(nameof(cursor));
        await _database.StringSetAsync(KeyFor(key), PollingCursorJson.Serialize(cursor)).ConfigureAwait(false);
    }

    private RedisKey KeyFor(string key) => _keyPrefix + (key ?? throw new ArgumentNullException(nameof(key)));
}
