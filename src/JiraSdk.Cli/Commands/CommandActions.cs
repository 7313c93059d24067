using System.CommandLine;
using JiraSdk.Cli.Configuration;
using JiraSdk.Cli.Connection;

namespace JiraSdk.Cli.Commands;

/// <summary>Wires command actions to the resolved configuration and, for commands that call Jira, to a connection.</summary>
internal static class CommandActions
{
    public static void WithSettings(Command command, GlobalOptions globals, CliContext context, Func<ParseResult, CliSettings, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = await CliSettings.ResolveAsync(parse, globals, context, cancellationToken);
            return await action(parse, settings, cancellationToken);
        });

    public static void WithConnection(Command command, GlobalOptions globals, CliContext context, Func<ParseResult, JiraConnection, CancellationToken, Task<int>> action) =>
        WithSettings(command, globals, context, async (parse, settings, cancellationToken) =>
        {
            using var connection = await JiraConnection.OpenAsync(settings, context, cancellationToken);
            return await action(parse, connection, cancellationToken);
        });

    /// <summary>A comma- or space-separated list option (<c>--fields summary,status</c>, or repeated).</summary>
    public static IReadOnlyList<string> SplitList(IEnumerable<string>? values) =>
        (values ?? Array.Empty<string>())
            .SelectMany(v => v.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
