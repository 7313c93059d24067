namespace JiraSdk.Storage;

/// <summary>
/// Reads a whole file asynchronously. netstandard2.0 has no <c>File.ReadAllBytesAsync</c>; the SDK's file stores (OAuth 2.0
/// tokens, polling cursors) read their files through this one loop.
/// </summary>
internal static class FileBytes
{
    /// <summary>The file's bytes; fewer than its length if it shrank while being read.</summary>
    /// <param name="path">The file's full path; it must exist.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<byte[]> ReadAllAsync(string path, CancellationToken cancellationToken)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        var bytes = new byte[file.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = await file.ReadAsync(bytes, read, bytes.Length - read, cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }
        if (read < bytes.Length) Array.Resize(ref bytes, read);
        return bytes;
    }
}
