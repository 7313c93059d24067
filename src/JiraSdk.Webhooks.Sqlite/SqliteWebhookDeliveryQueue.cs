using System.Globalization;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Queueing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Webhooks.Sqlite;

/// <summary>
/// A durable <see cref="IWebhookDeliveryQueue"/> in one SQLite file: a delivery is committed to disk (WAL journal,
/// <c>synchronous=FULL</c>) before <see cref="TryEnqueueAsync"/> returns, so the 202 the receiver answers Jira with is
/// never for a delivery a crash can lose. <see cref="DequeueAsync"/> leases a delivery for
/// <see cref="SqliteWebhookDeliveryQueueOptions.VisibilityTimeout"/>; a lease that ends without an answer (a crashed
/// processor) brings the delivery back. Failures come back after the processor's back-off until
/// <see cref="SqliteWebhookDeliveryQueueOptions.MaxAttempts"/>, then wait in a dead-letter table
/// (<see cref="GetDeadLettersAsync"/>, <see cref="RequeueDeadLetterAsync"/>). A delivery is kept once per key (the body
/// digest) and per <c>X-Atlassian-Webhook-Identifier</c>. Several queue instances, in one process or several on one
/// machine, can share a file: every change runs in an immediate (write-locked) transaction, so two dequeuers never lease
/// the same delivery. Not for a network file system (SQLite's locks do not hold there); several machines need a shared
/// server (Redis, a broker). Thread-safe; operations on one instance run one at a time.
/// </summary>
public sealed class SqliteWebhookDeliveryQueue : IWebhookDeliveryQueue, IWebhookDeadLetters, IDisposable
{
    private const int SchemaVersion = 1;

    private readonly string _connectionString;
    private readonly string _path;
    private readonly TimeSpan _visibilityTimeout;
    private readonly int _maxAttempts;
    private readonly int _capacity;
    private readonly TimeSpan _pollInterval;
    private readonly int _busyTimeoutMilliseconds;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private readonly QueueWakeUp _wakeUp = new();
    private bool _disposed;

    /// <summary>Creates a queue on the SQLite file at <paramref name="path"/> (created, with its folder, on first use).</summary>
    /// <param name="path">The database file; keep it on a local disk.</param>
    /// <param name="options">Lease, attempt and size limits; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock leases, retries and dead letters are timed by.</param>
    /// <param name="logger">Where expired leases and dead-lettering are logged (never bodies).</param>
    public SqliteWebhookDeliveryQueue(string path, SqliteWebhookDeliveryQueueOptions? options = null, TimeProvider? timeProvider = null,
        ILogger<SqliteWebhookDeliveryQueue>? logger = null)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The queue needs a database file path.", nameof(path));
        options ??= new SqliteWebhookDeliveryQueueOptions();
        if (options.VisibilityTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "VisibilityTimeout must be positive.");
        if (options.MaxAttempts <= 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be positive.");
        if (options.Capacity <= 0) throw new ArgumentOutOfRangeException(nameof(options), "Capacity must be positive.");
        if (options.PollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "PollInterval must be positive.");
        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(options), "BusyTimeout must be between zero and 24 days.");
        _path = Path.GetFullPath(path);
        _visibilityTimeout = options.VisibilityTimeout;
        _maxAttempts = options.MaxAttempts;
        _capacity = options.Capacity;
        _pollInterval = options.PollInterval;
        _busyTimeoutMilliseconds = (int)options.BusyTimeout.TotalMilliseconds;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // One long-lived connection per instance; pooling would keep the file open after Dispose.
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The database file, as a full path.</summary>
    public string FilePath => _path;

    /// <inheritdoc />
    public async ValueTask<bool> TryEnqueueAsync(QueuedWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        var queued = await WithTransactionAsync((connection, transaction) =>
        {
            using (var exists = Command(connection, transaction,
                       "SELECT EXISTS(SELECT 1 FROM jira_webhook_queue WHERE key = $key OR delivery_id = $delivery_id)",
                       ("$key", delivery.Key), ("$delivery_id", delivery.Context.DeliveryId)))
            {
                if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) != 0) return true;
            }
            using (var count = Command(connection, transaction, "SELECT COUNT(*) FROM jira_webhook_queue"))
            {
                if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) >= _capacity) return false;
            }
            var now = Now();
            using var insert = Command(connection, transaction,
                "INSERT INTO jira_webhook_queue (key, delivery_id, retry_count, flow, trace, body, attempt, enqueued_at, due_at, receipt) " +
                "VALUES ($key, $delivery_id, $retry_count, $flow, $trace, $body, $attempt, $now, $now, NULL)",
                ("$key", delivery.Key), ("$delivery_id", delivery.Context.DeliveryId), ("$retry_count", delivery.Context.RetryCount),
                ("$flow", delivery.Context.Flow), ("$trace", delivery.Context.Trace), ("$body", delivery.Body.ToArray()),
                ("$attempt", delivery.Attempt), ("$now", now));
            insert.ExecuteNonQuery();
            return true;
        }, cancellationToken).ConfigureAwait(false);
        Signal();
        return queued;
    }

    /// <inheritdoc />
    public async ValueTask<QueuedWebhookDelivery> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Taken before looking, so a change made while we look wakes the wait below instead of being missed.
            var changed = _wakeUp.Next;
            var (delivery, nextDue) = await WithTransactionAsync(TryLease, cancellationToken).ConfigureAwait(false);
            if (delivery is not null) return delivery;

            var wait = _pollInterval;
            if (nextDue is { } due)
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
        // Whoever leases it now: it was processed, so it is done.
        await WithTransactionAsync((connection, transaction) =>
        {
            using var delete = Command(connection, transaction, "DELETE FROM jira_webhook_queue WHERE key = $key", ("$key", delivery.Key));
            return delete.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> RetryLaterAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        var requeued = await WithTransactionAsync((connection, transaction) =>
        {
            if (LeasedRow(connection, transaction, delivery) is not { } row) return true;
            var failures = row.Attempt + 1;
            if (failures >= _maxAttempts)
            {
                DeadLetter(connection, transaction, row, failures);
                return false;
            }
            using var update = Command(connection, transaction,
                "UPDATE jira_webhook_queue SET attempt = $attempt, due_at = $due, receipt = NULL WHERE seq = $seq",
                ("$attempt", failures), ("$due", Now() + Milliseconds(delay)), ("$seq", row.Sequence));
            update.ExecuteNonQuery();
            return true;
        }, cancellationToken).ConfigureAwait(false);
        Signal();
        return requeued;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(QueuedWebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delivery is null) throw new ArgumentNullException(nameof(delivery));
        await WithTransactionAsync((connection, transaction) =>
        {
            if (LeasedRow(connection, transaction, delivery) is not { } row) return 0;
            using var update = Command(connection, transaction,
                "UPDATE jira_webhook_queue SET due_at = $due, receipt = NULL WHERE seq = $seq",
                ("$due", Now() + Milliseconds(delay)), ("$seq", row.Sequence));
            return update.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        Signal();
    }

    /// <summary>How many deliveries wait or are leased (dead letters not included).</summary>
    public async ValueTask<long> CountAsync(CancellationToken cancellationToken = default) =>
        await WithTransactionAsync((connection, transaction) =>
        {
            using var count = Command(connection, transaction, "SELECT COUNT(*) FROM jira_webhook_queue");
            return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DeadLetteredWebhookDelivery>> GetDeadLettersAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        if (limit <= 0) throw new ArgumentOutOfRangeException(nameof(limit), "The limit must be positive.");
        return await WithTransactionAsync<IReadOnlyList<DeadLetteredWebhookDelivery>>((connection, transaction) =>
        {
            using var select = Command(connection, transaction,
                "SELECT key, delivery_id, retry_count, flow, trace, body, attempts, enqueued_at, dead_lettered_at " +
                "FROM jira_webhook_dead_letters ORDER BY dead_lettered_at, key LIMIT $limit", ("$limit", limit));
            using var reader = select.ExecuteReader();
            var letters = new List<DeadLetteredWebhookDelivery>();
            while (reader.Read())
            {
                var delivery = new QueuedWebhookDelivery(reader.GetString(0), (byte[])reader.GetValue(5),
                    new WebhookDeliveryContext(NullableString(reader, 1), reader.GetInt32(2), NullableString(reader, 3), NullableString(reader, 4)),
                    reader.GetInt32(6));
                letters.Add(new DeadLetteredWebhookDelivery(delivery, FromMilliseconds(reader.GetInt64(7)), FromMilliseconds(reader.GetInt64(8))));
            }
            return letters;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> RequeueDeadLetterAsync(string key, CancellationToken cancellationToken = default)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        var requeued = await WithTransactionAsync((connection, transaction) =>
        {
            // OR IGNORE: a copy Jira redelivered meanwhile may be queued already; it stays queued once.
            using (var insert = Command(connection, transaction,
                       "INSERT OR IGNORE INTO jira_webhook_queue (key, delivery_id, retry_count, flow, trace, body, attempt, enqueued_at, due_at, receipt) " +
                       "SELECT key, delivery_id, retry_count, flow, trace, body, 0, enqueued_at, $now, NULL FROM jira_webhook_dead_letters WHERE key = $key",
                       ("$key", key), ("$now", Now())))
            {
                insert.ExecuteNonQuery();
            }
            using var delete = Command(connection, transaction, "DELETE FROM jira_webhook_dead_letters WHERE key = $key", ("$key", key));
            return delete.ExecuteNonQuery() > 0;
        }, cancellationToken).ConfigureAwait(false);
        Signal();
        return requeued;
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteDeadLetterAsync(string key, CancellationToken cancellationToken = default)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        return await WithTransactionAsync((connection, transaction) =>
        {
            using var delete = Command(connection, transaction, "DELETE FROM jira_webhook_dead_letters WHERE key = $key", ("$key", key));
            return delete.ExecuteNonQuery() > 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the file. Deliveries not acknowledged stay in it for the next instance.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed) return;
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }
        Signal(); // waiting dequeuers wake and see the queue closed
    }

    /// <summary>The first due delivery, leased now; else the time the next one is due (unix ms), if any.</summary>
    private (QueuedWebhookDelivery? Delivery, long? NextDue) TryLease(SqliteConnection connection, SqliteTransaction transaction)
    {
        var now = Now();
        while (true)
        {
            Row? found;
            using (var select = Command(connection, transaction, SelectRow + " WHERE due_at <= $now ORDER BY due_at, seq LIMIT 1", ("$now", now)))
            {
                found = ReadRow(select);
            }
            if (found is not { } row)
            {
                using var next = Command(connection, transaction, "SELECT MIN(due_at) FROM jira_webhook_queue");
                return (null, next.ExecuteScalar() is long due ? due : null);
            }

            var attempt = row.Attempt;
            if (row.Receipt is not null)
            {
                // Its last lease ran out without an answer: the processor died or hung. That counts as a failed attempt, so a
                // delivery that crashes its processor every time ends in the dead letters instead of crashing it forever.
                attempt++;
                if (attempt >= _maxAttempts)
                {
                    DeadLetter(connection, transaction, row, attempt);
                    SqliteQueueLog.DeadLetteredAfterExpiredLeases(_logger, row.DeliveryId, attempt);
                    continue;
                }
                SqliteQueueLog.LeaseExpired(_logger, row.DeliveryId, attempt);
            }
            var receipt = Guid.NewGuid().ToString("N");
            using (var lease = Command(connection, transaction,
                       "UPDATE jira_webhook_queue SET receipt = $receipt, due_at = $due, attempt = $attempt WHERE seq = $seq",
                       ("$receipt", receipt), ("$due", now + Milliseconds(_visibilityTimeout)), ("$attempt", attempt), ("$seq", row.Sequence)))
            {
                lease.ExecuteNonQuery();
            }
            return (new QueuedWebhookDelivery(row.Key, row.Body,
                new WebhookDeliveryContext(row.DeliveryId, row.RetryCount, row.Flow, row.Trace), attempt, receipt), null);
        }
    }

    /// <summary>The delivery's row while <paramref name="delivery"/>'s lease is the current one; else <see langword="null"/>.</summary>
    private static Row? LeasedRow(SqliteConnection connection, SqliteTransaction transaction, QueuedWebhookDelivery delivery)
    {
        if (delivery.Receipt is null) return null;
        using var select = Command(connection, transaction, SelectRow + " WHERE key = $key AND receipt = $receipt",
            ("$key", delivery.Key), ("$receipt", delivery.Receipt));
        return ReadRow(select);
    }

    private void DeadLetter(SqliteConnection connection, SqliteTransaction transaction, Row row, int attempts)
    {
        using (var insert = Command(connection, transaction,
                   "INSERT OR REPLACE INTO jira_webhook_dead_letters (key, delivery_id, retry_count, flow, trace, body, attempts, enqueued_at, dead_lettered_at) " +
                   "SELECT key, delivery_id, retry_count, flow, trace, body, $attempts, enqueued_at, $now FROM jira_webhook_queue WHERE seq = $seq",
                   ("$attempts", attempts), ("$now", Now()), ("$seq", row.Sequence)))
        {
            insert.ExecuteNonQuery();
        }
        using var delete = Command(connection, transaction, "DELETE FROM jira_webhook_queue WHERE seq = $seq", ("$seq", row.Sequence));
        delete.ExecuteNonQuery();
    }

    private const string SelectRow = "SELECT seq, key, delivery_id, retry_count, flow, trace, body, attempt, receipt FROM jira_webhook_queue";

    private static Row? ReadRow(SqliteCommand select)
    {
        using var reader = select.ExecuteReader();
        if (!reader.Read()) return null;
        return new Row(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), reader.GetInt32(3), NullableString(reader, 4),
            NullableString(reader, 5), (byte[])reader.GetValue(6), reader.GetInt32(7), NullableString(reader, 8));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in an immediate transaction (the file's write lock is taken first, so what it reads
    /// cannot change before it writes) and commits it; with <c>synchronous=FULL</c> the commit is on disk when this returns.
    /// </summary>
    private async ValueTask<T> WithTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteConnection Open()
    {
        if (_disposed) throw new ObjectDisposedException(nameof(SqliteWebhookDeliveryQueue));
        if (_connection is not null) return _connection;
        if (Path.GetDirectoryName(_path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = " + _busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture) + ";");
            // WAL: readers do not block the writer; FULL: a commit is synced to disk before it returns, so an acknowledged
            // delivery survives a power loss, not just a process crash (https://www.sqlite.org/pragma.html#pragma_synchronous).
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = FULL;");
            Execute(connection, Schema);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        _connection = connection;
        return connection;
    }

    private static readonly string Schema = """
        CREATE TABLE IF NOT EXISTS jira_webhook_queue (
            seq INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            delivery_id TEXT NULL,
            retry_count INTEGER NOT NULL,
            flow TEXT NULL,
            trace TEXT NULL,
            body BLOB NOT NULL,
            attempt INTEGER NOT NULL,
            enqueued_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            receipt TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS jira_webhook_queue_due ON jira_webhook_queue (due_at, seq);
        CREATE UNIQUE INDEX IF NOT EXISTS jira_webhook_queue_delivery_id ON jira_webhook_queue (delivery_id) WHERE delivery_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS jira_webhook_dead_letters (
            key TEXT PRIMARY KEY,
            delivery_id TEXT NULL,
            retry_count INTEGER NOT NULL,
            flow TEXT NULL,
            trace TEXT NULL,
            body BLOB NOT NULL,
            attempts INTEGER NOT NULL,
            enqueued_at INTEGER NOT NULL,
            dead_lettered_at INTEGER NOT NULL
        );
        """ + "PRAGMA user_version = " + SchemaVersion.ToString(CultureInfo.InvariantCulture) + ";";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private long Now() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private static long Milliseconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(span.TotalMilliseconds);

    private static DateTimeOffset FromMilliseconds(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private void Signal() => _wakeUp.Signal();

    /// <summary>A queue row as read inside a transaction.</summary>
    private sealed class Row
    {
        public Row(long sequence, string key, string? deliveryId, int retryCount, string? flow, string? trace, byte[] body, int attempt, string? receipt)
        {
            Sequence = sequence;
            Key = key;
            DeliveryId = deliveryId;
            RetryCount = retryCount;
            Flow = flow;
            Trace = trace;
            Body = body;
            Attempt = attempt;
            Receipt = receipt;
        }

        public long Sequence { get; }
        public string Key { get; }
        public string? DeliveryId { get; }
        public int RetryCount { get; }
        public string? Flow { get; }
        public string? Trace { get; }
        public byte[] Body { get; }
        public int Attempt { get; }
        public string? Receipt { get; }
    }
}
