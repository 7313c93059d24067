using System.Text.Json;

namespace JiraSdk.Cli.Commands;

/// <summary>Reads a JSON body given inline, as <c>@file</c>, or as <c>-</c> (standard input), and checks it is JSON before anything is sent.</summary>
internal static class RequestBody
{
    public static async Task<string?> ReadAsync(string? data, CliContext context, CancellationToken cancellationToken)
    {
        if (data is null) return null;
        string text;
        if (data == "-") text = await context.Input.ReadToEndAsync(cancellationToken);
        else if (data.StartsWith('@'))
        {
            var path = context.ResolvePath(data.Substring(1));
            try
            {
                text = await File.ReadAllTextAsync(path, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"Cannot read the request body file '{path}': {ex.Message}");
            }
        }
        else text = data;
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"--data is not valid JSON: {ex.Message}");
        }
        return text;
    }
}
