using System.Text.Json;
using JiraSdk.Testing.Store;
using Microsoft.Data.Sqlite;

namespace JiraSdk.Testing.Persistence;

/// <summary>
/// Write-through persistence to one SQLite file: every record the store changes is written (as JSON, one row per
/// entity) inside the write that changed it and committed before the request is answered, with
/// <c>synchronous=FULL</c>, so an answered write survives the process being killed. Rows keep their insertion order,
/// which the store relies on (the first status is the initial one).
/// </summary>
internal sealed class SqlitePersistence : ISandboxPersistence, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = false };
    private readonly object _gate = new();
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private int _depth;

    public SqlitePersistence(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 10 }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("PRAGMA busy_timeout=10000;");
        Execute("CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id));");
    }

    /// <summary>Every stored record in insertion order.</summary>
    public IReadOnlyList<(string Kind, string Id, string Json)> Load()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT kind, id, json FROM records ORDER BY rowid;";
            using var reader = command.ExecuteReader();
            var rows = new List<(string, string, string)>();
            while (reader.Read()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            return rows;
        }
    }

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    /// <summary>Opens a transaction around one store write (re-entrant), so its records commit together.</summary>
    public void Begin()
    {
        Monitor.Enter(_gate);
        if (_depth++ == 0) _transaction = _connection.BeginTransaction();
    }

    public void Commit()
    {
        try
        {
            if (--_depth == 0)
            {
                _transaction!.Commit();
                _transaction.Dispose();
                _transaction = null;
            }
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    // ON CONFLICT keeps the row (and its rowid, the insertion order) and replaces the JSON.
    public void Upsert(string kind, string id, object record) =>
        Run("INSERT INTO records (kind, id, json) VALUES ($kind, $id, $json) ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json;",
            kind, id, JsonSerializer.Serialize(record, record.GetType(), Json));

    public void Delete(string kind, string id) => Run("DELETE FROM records WHERE kind = $kind AND id = $id;", kind, id, null);

    private void Run(string sql, string kind, string id, string? json)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$id", id);
            if (json is not null) command.Parameters.AddWithValue("$json", json);
            command.ExecuteNonQuery();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate) _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
