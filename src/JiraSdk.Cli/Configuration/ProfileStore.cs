using System.Text.Json;

namespace JiraSdk.Cli.Configuration;

/// <summary>Reads and writes the profile file; writes replace the file atomically and keep it owner-only (0600).</summary>
internal sealed class ProfileStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public ProfileStore(string path, bool explicitlyChosen)
    {
        Path = path;
        ExplicitlyChosen = explicitlyChosen;
    }

    public string Path { get; }

    /// <summary>Whether the user named the file (<c>--profile</c>, <c>JIRA_PROFILE</c>), so a missing file is an error.</summary>
    public bool ExplicitlyChosen { get; }

    /// <summary>The option, then <c>JIRA_PROFILE</c>, then <c>$XDG_CONFIG_HOME/jira/profile.json</c> or <c>~/.config/jira/profile.json</c>.</summary>
    public static ProfileStore Locate(string? option, CliContext context)
    {
        if (option is not null) return new ProfileStore(context.ResolvePath(option), explicitlyChosen: true);
        if (context.GetEnvironment("JIRA_PROFILE") is { } fromEnvironment) return new ProfileStore(context.ResolvePath(fromEnvironment), explicitlyChosen: true);
        var configHome = context.GetEnvironment("XDG_CONFIG_HOME") ?? System.IO.Path.Combine(context.HomeDirectory, ".config");
        return new ProfileStore(System.IO.Path.Combine(configHome, "jira", "profile.json"), explicitlyChosen: false);
    }

    public async Task<CliProfile> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            if (ExplicitlyChosen) throw new UsageException($"The profile file '{Path}' does not exist.");
            return new CliProfile();
        }
        try
        {
            await using var stream = File.OpenRead(Path);
            return await JsonSerializer.DeserializeAsync<CliProfile>(stream, Json, cancellationToken) ?? new CliProfile();
        }
        catch (JsonException ex)
        {
            // The position helps; the content may hold secrets, so it is not quoted.
            throw new UsageException($"The profile file '{Path}' is not valid JSON (line {ex.LineNumber + 1}).");
        }
    }

    public async Task SaveAsync(CliProfile profile, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            await using (var stream = new FileStream(temporary, options))
                await JsonSerializer.SerializeAsync(stream, profile, Json, cancellationToken);
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
