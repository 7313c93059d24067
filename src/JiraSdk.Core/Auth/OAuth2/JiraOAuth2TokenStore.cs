using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JiraSdk.Auth;

/// <summary>
/// Where OAuth 2.0 tokens live between runs. Atlassian rotates refresh tokens on every refresh, so each new set must be
/// saved before it is relied on; a <see cref="SaveAsync"/> that throws fails the call that caused the refresh
/// (<see cref="JiraTokenPersistenceException"/>). Implement it over your own storage (a database, a key vault) or use
/// <see cref="JiraOAuth2FileTokenStore"/>.
/// </summary>
public interface IJiraOAuth2TokenStore
{
    /// <summary>The saved token set, or <c>null</c> when none was saved yet.</summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    Task<JiraOAuth2Tokens?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="tokens"/>, replacing the previous set; must not return before they are durable.</summary>
    /// <param name="tokens">The new token set.</param>
    /// <param name="cancellationToken">Cancels saving.</param>
    Task SaveAsync(JiraOAuth2Tokens tokens, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps the token set in one JSON file, written to a temporary file beside it and moved into place, so a crash never
/// leaves half a file. On Unix the file is created readable by its owner only. The file holds secrets: keep it private.
/// </summary>
public sealed class JiraOAuth2FileTokenStore : IJiraOAuth2TokenStore
{
    private readonly string _path;

    /// <summary>Creates the store.</summary>
    /// <param name="path">The file, e.g. <c>~/.config/myapp/jira-tokens.json</c>; its directory is created when missing.</param>
    public JiraOAuth2FileTokenStore(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The token file path is empty.", nameof(path));
        _path = Path.GetFullPath(path);
    }

    /// <inheritdoc />
    public async Task<JiraOAuth2Tokens?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path)) return null;
        var bytes = await Storage.FileBytes.ReadAllAsync(_path, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var expires = DateTimeOffset.Parse(root.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            return new JiraOAuth2Tokens(
                root.GetProperty("accessToken").GetString()!,
                root.TryGetProperty("refreshToken", out var refresh) && refresh.ValueKind == JsonValueKind.String ? refresh.GetString() : null,
                expires,
                root.TryGetProperty("scope", out var scope) && scope.ValueKind == JsonValueKind.String ? scope.GetString() : null);
        }
        catch (Exception invalid) when (invalid is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or ArgumentNullException)
        {
            throw new JiraCredentialsException($"The token file '{_path}' is not a token set this store wrote.", invalid);
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(JiraOAuth2Tokens tokens, CancellationToken cancellationToken)
    {
        if (tokens is null) throw new ArgumentNullException(nameof(tokens));
        var directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("accessToken", tokens.AccessToken);
            if (tokens.RefreshToken is not null) writer.WriteString("refreshToken", tokens.RefreshToken);
            writer.WriteString("expiresAt", tokens.ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
            if (tokens.Scope is not null) writer.WriteString("scope", tokens.Scope);
            writer.WriteEndObject();
        }
        var temporary = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var file = CreatePrivateFile(temporary))
            {
                await file.WriteAsync(buffer.GetBuffer(), 0, (int)buffer.Length, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
#if NET8_0_OR_GREATER
            File.Move(temporary, _path, overwrite: true);
#else
            if (File.Exists(_path)) File.Replace(temporary, _path, null);
            else File.Move(temporary, _path);
#endif
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static FileStream CreatePrivateFile(string path)
    {
#if NET8_0_OR_GREATER
        if (!OperatingSystem.IsWindows())
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
#endif
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
    }

    /// <summary>Names the file; never its content.</summary>
    public override string ToString() => $"OAuth 2.0 token file '{_path}'";
}
