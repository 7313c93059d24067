namespace JiraSdk.Webhooks.Polling;

/// <summary>
/// An <see cref="IPollingCursorStore"/> in one JSON file per store (all keys in it), so polling resumes after a restart.
/// Writes go to a temporary file that then replaces the cursor file, so a crash mid-write leaves the previous cursor.
/// Safe for concurrent use within one process; not for several processes sharing one file.
/// </summary>
public sealed class FilePollingCursorStore : IPollingCursorStore
{
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a store that keeps its cursors in <paramref name="path"/> (created on the first save).</summary>
    public FilePollingCursorStore(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The cursor file path must not be empty.", nameof(path));
        _path = Path.GetFullPath(path);
    }

    /// <inheritdoc />
    /// <exception cref="FormatException">The file exists but does not hold a cursor.</exception>
    public async ValueTask<PollingCursor?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
            return all.TryGetValue(key, out var cursor) ? cursor : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(string key, PollingCursor cursor, CancellationToken cancellationToken)
    {
        if (cursor is null) throw new ArgumentNullException(nameof(cursor));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
            all[key] = cursor;
            using var buffer = new MemoryStream();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var pair in all.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(pair.Key);
                    using var one = System.Text.Json.JsonDocument.Parse(PollingCursorJson.Serialize(pair.Value));
                    one.RootElement.WriteTo(writer);
                }
                writer.WriteEndObject();
            }
            var temporary = _path + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await file.WriteAsync(buffer.GetBuffer(), 0, (int)buffer.Length, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            if (File.Exists(_path)) File.Replace(temporary, _path, null);
            else File.Move(temporary, _path);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(FilePollingCursorStore)} ({_path})";

    private async Task<Dictionary<string, PollingCursor>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, PollingCursor>(StringComparer.Ordinal);
        if (!File.Exists(_path)) return all;
        var bytes = await Storage.FileBytes.ReadAllAsync(_path, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return all;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(bytes);
            foreach (var property in document.RootElement.EnumerateObject())
                all[property.Name] = PollingCursorJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(property.Value.GetRawText()));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new FormatException($"The cursor file {_path} is not a polling cursor file: {e.Message}", e);
        }
        return all;
    }
}
