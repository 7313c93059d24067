using System.Globalization;
using System.Text.Json;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Queueing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace JiraSdk.Webhooks.Redis;

/// <summary>Settings of the <see cref="RedisWebhookDeliveryQueue"/>.</summary>
public sealed class RedisWebhookDeliveryQueueOptions
{
    /// <summary>
    /// Prefix of the queue's five Redis keys. The braces are a hash tag: on a Redis Cluster all five land in one slot, as
    /// the queue's scripts need. Default <c>{jirasdk:webhook:queue}:</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = "{jirasdk:webhook:queue}:";

    /// <summary>
    /// How long a dequeued delivery is leased to its processor; when no answer comes within it (the instance died or
    /// hangs) the delivery is handed out again, to any instance, and that counts as a failed attempt. Default 5 minutes.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed attempts before a delivery moves to the dead letters. Default 20 (about 53 minutes of the processor's back-off).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The most deliveries waiting or leased; beyond it the receiver answers 503 and Jira retries. Default 100,000.</summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>How often a waiting dequeue asks Redis for deliveries other instances enqueued (this instance's wake it at once). Default 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// A durable <see cref="IWebhookDeliveryQueue"/> on Redis, shared by any number of receiver instances: each delivery is
/// a member of a sorted set scored by when it is next due, and every operation is one Lua script, atomic on the server.
/// <see cref="DequeueAsync"/> takes the first due delivery and re-scores it to the end of its lease (so of several
/// instances exactly one gets it, and it comes back if that one dies); acknowledge removes it; a retry re-scores it
/// after the back-off with its attempt count raised, or moves it to the dead letters after
/// <see cref="RedisWebhookDeliveryQueueOptions.MaxAttempts"/>; a release re-scores it without counting. One copy is kept
/// per key (the body digest) and per <c>X-Atlassian-Webhook-Identifier</c>. Durable as the server is configured:
/// turn on AOF (<c>appendonly yes</c>, <c>appendfsync always</c> to lose nothing acknowledged). Times come from the
/// injected <see cref="TimeProvider"/> of each instance, so the instances' clocks must agree (NTP) to well within the
/// visibility timeout. Thread-safe.
/// </summary>
public sealed class RedisWebhookDeliveryQueue : IWebhookDeliveryQueue, IWebhookDeadLetters
{
    // KEYS of every script: 1 due (sorted set: key -> due time, unix ms), 2 items (hash: "<key>:<field>" -> value; fields
    // b body, i headers and enqueue time as JSON, d delivery id, a failed attempts, r current lease's receipt), 3 ids
    // (hash: delivery id -> key), 4 dead (hash, fields as items), 5 dead index (sorted set: key -> dead-lettered time).
    private const string Bury = """
        local function bury(key, attempts, now)
          local info = redis.call('HGET', KEYS[2], key .. ':i')
          local body = redis.call('HGET', KEYS[2], key .. ':b')
          local id = redis.call('HGET', KEYS[2], key .. ':d')
          redis.call('HSET', KEYS[4], key .. ':i', info, key .. ':b', body, key .. ':a', attempts)
          if id then redis.call('HSET', KEYS[4], key .. ':d', id) redis.call('HDEL', KEYS[3], id) end
          redis.call('ZADD', KEYS[5], now, key)
          redis.call('HDEL', KEYS[2], key .. ':i', key .. ':b', key .. ':a', key .. ':r', key .. ':d')
          redis.call('ZREM', KEYS[1], key)
        end
        """;

    // ARGV: key, delivery id ('' for none), info, body, now, capacity, attempt. 1 queued (or already there), 0 full.
    private const string EnqueueScript = """
        if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 1 end
        if ARGV[2] ~= '' and redis.call('HEXISTS', KEYS[3], ARGV[2]) == 1 then return 1 end
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[6]) then return 0 end
        redis.call('HSET', KEYS[2], ARGV[1] .. ':i', ARGV[3], ARGV[1] .. ':b', ARGV[4], ARGV[1] .. ':a', ARGV[7])
        if ARGV[2] ~= '' then
          redis.call('HSET', KEYS[2], ARGV[1] .. ':d', ARGV[2])
          redis.call('HSET', KEYS[3], ARGV[2], ARGV[1])
        end
        redis.call('ZADD', KEYS[1], ARGV[5], ARGV[1])
        return 1
        """;

    // ARGV: now, lease end, receipt, max attempts. {1, key, attempt, info, body, expired} or {0, next due or nil}.
    private const string DequeueScript = Bury + "\n" + """
        while true do
          local first = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
          if #first == 0 then
            local next = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            if #next == 0 then return {0} end
            return {0, next[2]}
          end
          local key = first[1]
          local attempt = tonumber(redis.call('HGET', KEYS[2], key .. ':a') or '0')
          local expired = redis.call('HEXISTS', KEYS[2], key .. ':r')
          if expired == 1 then attempt = attempt + 1 end
          if expired == 1 and attempt >= tonumber(ARGV[4]) then
            bury(key, attempt, ARGV[1])
          else
            redis.call('HSET', KEYS[2], key .. ':r', ARGV[3], key .. ':a', attempt)
            redis.call('ZADD', KEYS[1], ARGV[2], key)
            return {1, key, attempt, redis.call('HGET', KEYS[2], key .. ':i'), redis.call('HGET', KEYS[2], key .. ':b'), expired}
          end
        end
        """;

    // ARGV: key.
    private const string AcknowledgeScript = """
        local id = redis.call('HGET', KEYS[2], ARGV[1] .. ':d')
        if id then redis.call('HDEL', KEYS[3], id) end
        redis.call('HDEL', KEYS[2], ARGV[1] .. ':i', ARGV[1] .. ':b', ARGV[1] .. ':a', ARGV[1] .. ':r', ARGV[1] .. ':d')
        return redis.call('ZREM', KEYS[1], ARGV[1])
        """;

    // ARGV: key, receipt, now, due, max attempts, count (1 for a failed attempt, 0 for a release). 0 when dead-lettered.
    private const string RequeueScript = Bury + "\n" + """
        if redis.call('HGET', KEYS[2], ARGV[1] .. ':r') ~= ARGV[2] then return 1 end
        local attempts = tonumber(redis.call('HGET', KEYS[2], ARGV[1] .. ':a') or '0') + tonumber(ARGV[6])
        if ARGV[6] == '1' and attempts >= tonumber(ARGV[5]) then
          bury(ARGV[1], attempts, ARGV[3])
          return 0
        end
        redis.call('HSET', KEYS[2], ARGV[1] .. ':a', attempts)
        redis.call('HDEL', KEYS[2], ARGV[1] .. ':r')
        redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
        return 1
        """;

    // ARGV: key, now. 1 when it was a dead letter; it is queued again unless a copy is queued already.
    private const string RequeueDeadLetterScript = """
        local body = redis.call('HGET', KEYS[4], ARGV[1] .. ':b')
        if not body then return 0 end
        local info = redis.call('HGET', KEYS[4], ARGV[1] .. ':i')
        local id = redis.call('HGET', KEYS[4], ARGV[1] .. ':d')
        local queued = redis.call('ZSCORE', KEYS[1], ARGV[1]) or (id and redis.call('HEXISTS', KEYS[3], id) == 1)
        if not queued then
          redis.call('HSET', KEYS[2], ARGV[1] .. ':i', info, ARGV[1] .. ':b', body, ARGV[1] .. ':a', 0)
          if id then
            redis.call('HSET', KEYS[2], ARGV[1] .. ':d', id)
            redis.call('HSET', KEYS[3], id, ARGV[1])
          end
          redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
        end
        redis.call('HDEL', KEYS[4], ARGV[1] .. ':i', ARGV[1] .. ':b', ARGV[1] .. ':a', ARGV[1] .. ':d')
        redis.call('ZREM', KEYS[5], ARGV[1])
        return 1
        """;

    // ARGV: key.
    private const string DeleteDeadLetterScript = """
        redis.call('HDEL', KEYS[4], ARGV[1] .. ':i', ARGV[1] .. ':b', ARGV[1] .. ':a', ARGV[1] .. ':d')
        return redis.call('ZREM', KEYS[5], ARGV[1])
        """;

    // ARGV: limit. {key, dead-lettered at, attempts, info, body, ...}
    private const string DeadLettersScript = """
        local keys = redis.call('ZRANGE', KEYS[5], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
        local out = {}
        for i = 1, #keys, 2 do
          local key = keys[i]
          table.insert(out, key)
          table.insert(out, keys[i + 1])
          table.insert(out, redis.call('HGET', KEYS[4], key .. ':a'))
          table.insert(out, redis.call('HGET', KEYS[4], key .. ':i'))
          table.insert(out, redis.call('HGET', KEYS[4], key .. ':b'))
        end
        return out
        """;

    private readonly IDatabase _database;
    private readonly RedisKey[] _keys;
    private readonly TimeSpan _visibilityTimeout;
    private readonly int _maxAttempts;
    private readonly int _capacity;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _timeProvider;
    private readonly QueueWakeUp _wakeUp = new();
    private readonly ILogger _logger;

    /// <summary>Creates a queue on <paramref name="database"/> (e.g. <c>ConnectionMultiplexer.Connect("host:6379").GetDatabase()</c>).</summary>
    /// <param name="database">The Redis database; every receiver instance of one site uses the same one and the same prefix.</param>
    /// <param name="options">Key prefix, lease, attempt and size limits; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock leases and retries are timed by.</param>
    /// <param name="logger">Where leases that ran out are logged (never bodies).</param>
    public RedisWebhookDeliveryQueue(IDatabase database, RedisWebhookDeliveryQueueOptions? options = null, TimeProvider? timeProvider = null,
        ILogger<RedisWebhookDeliveryQueue>? logger = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        options ??= new RedisWebhookDeliveryQueueOptions();
        if (string.IsNullOrEmpty(options.KeyPrefix)) throw new ArgumentException("KeyPrefix must not be empty.", nameof(options));
        if (options.VisibilityTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "VisibilityTimeout must be positive.");
        if (options.MaxAttempts <= 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be positive.");
        if (options.Capacity <= 0) throw new ArgumentOutOfRangeException(nameof(options), "Capacity must be positive.");
        if (options.PollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "PollInterval must be positive.");
        var prefix = options.KeyPrefix;
        _keys = new RedisKey[] { prefix + "due", prefix + "items", prefix + "ids", prefix + "dead", prefix + "dead-index" };
        _visibilityTimeout = options.VisibilityTimeout;
        _maxAttempts = options.MaxAttempts;
        _capacity = options.Capacity;
        _pollInterval = options.PollInterval;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryEnqueueAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        var now = Now();
        var result = await EvaluateAsync(EnqueueScript, delivery.Key, delivery.Context.DeliveryId ?? "", Info(delivery.Context, now),
            delivery.Body.ToArray(), now, _capacity, delivery.Attempt).ConfigureAwait(false);
        _wakeUp.Signal();
        return (int)result == 1;
    }

    /// <inheritdoc />
    public async ValueTask<QueuedWebhookDelivery> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = _wakeUp.Next;
            var now = Now();
            var receipt = Guid.NewGuid().ToString("N");
            var result = (RedisResult[])(await EvaluateAsync(DequeueScript, now, now + Milliseconds(_visibilityTimeout), receipt, _maxAttempts).ConfigureAwait(false))!;
            if ((int)result[0] == 1)
            {
                var (context, _) = ReadInfo((string)result[3]!);
                if ((int)result[5] == 1) RedisQueueLog.LeaseExpired(_logger, context.DeliveryId, (int)result[2]);
                return new QueuedWebhookDelivery((string)result[1]!, (byte[])result[4]!, context, (int)result[2], receipt);
            }
            var wait = _pollInterval;
            if (result.Length > 1 && long.TryParse((string)result[1]!, NumberStyles.Integer, CultureInfo.InvariantCulture, out var due))
            {
                var untilDue = TimeSpan.FromMilliseconds(Math.Max(0, due - Now()));
                if (untilDue < wait) wait = untilDue;
            }
            if (wait > TimeSpan.Zero) await QueueWakeUp.WaitAsync(changed, wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask AcknowledgeAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        await EvaluateAsync(AcknowledgeScript, delivery.Key).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> RetryLaterAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        var requeued = await RequeueAsync(delivery, delay, failed: true).ConfigureAwait(false);
        _wakeUp.Signal();
        return requeued;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        await RequeueAsync(delivery, delay, failed: false).ConfigureAwait(false);
        _wakeUp.Signal();
    }

    /// <summary>How many deliveries wait or are leased (dead letters not included).</summary>
    public async ValueTask<long> CountAsync(CancellationToken cancellationToken = default) =>
        await _database.SortedSetLengthAsync(_keys[0]).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DeadLetteredWebhookDelivery>> GetDeadLettersAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        if (limit <= 0) throw new ArgumentOutOfRangeException(nameof(limit), "The limit must be positive.");
        var result = (RedisResult[])(await EvaluateAsync(DeadLettersScript, limit).ConfigureAwait(false))!;
        var letters = new List<DeadLetteredWebhookDelivery>(result.Length / 5);
        for (var i = 0; i + 4 < result.Length; i += 5)
        {
            var (context, enqueuedAt) = ReadInfo((string)result[i + 3]!);
            var delivery = new QueuedWebhookDelivery((string)result[i]!, (byte[])result[i + 4]!, context, int.Parse((string)result[i + 2]!, NumberStyles.Integer, CultureInfo.InvariantCulture));
            letters.Add(new DeadLetteredWebhookDelivery(delivery, enqueuedAt,
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)result[i + 1]!, NumberStyles.Integer, CultureInfo.InvariantCulture))));
        }
        return letters;
    }

    /// <inheritdoc />
    public async ValueTask<bool> RequeueDeadLetterAsync(string key, CancellationToken cancellationToken = default)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        var requeued = (int)await EvaluateAsync(RequeueDeadLetterScript, key, Now()).ConfigureAwait(false) == 1;
        _wakeUp.Signal();
        return requeued;
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteDeadLetterAsync(string key, CancellationToken cancellationToken = default)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        return (int)await EvaluateAsync(DeleteDeadLetterScript, key).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(RedisWebhookDeliveryQueue)} ({_keys[0]})";

    private async Task<bool> RequeueAsync(QueuedWebhookDelivery delivery, TimeSpan delay, bool failed)
    {
        // No receipt: not handed out by a queue that leases; nothing of ours to retry or release.
        if (delivery.Receipt is null) return true;
        var now = Now();
        var result = await EvaluateAsync(RequeueScript, delivery.Key, delivery.Receipt, now, now + Milliseconds(delay), _maxAttempts, failed ? 1 : 0).ConfigureAwait(false);
        return (int)result == 1;
    }

    private Task<RedisResult> EvaluateAsync(string script, params RedisValue[] arguments) => _database.ScriptEvaluateAsync(script, _keys, arguments);

    /// <summary>The headers and the enqueue time, as the JSON the scripts carry without reading it.</summary>
    private static string Info(WebhookDeliveryContext context, long enqueuedAt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (context.DeliveryId is { } id) json.WriteString("id", id);
            json.WriteNumber("retry", context.RetryCount);
            if (context.Flow is { } flow) json.WriteString("flow", flow);
            if (context.Trace is { } trace) json.WriteString("trace", trace);
            json.WriteNumber("enqueuedAt", enqueuedAt);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static (WebhookDeliveryContext Context, DateTimeOffset EnqueuedAt) ReadInfo(string info)
    {
        using var document = JsonDocument.Parse(info);
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
        var context = new WebhookDeliveryContext(Text("id"), root.GetProperty("retry").GetInt32(), Text("flow"), Text("trace"));
        return (context, DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("enqueuedAt").GetInt64()));
    }

    private long Now() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private static long Milliseconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(span.TotalMilliseconds);
}
