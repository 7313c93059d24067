using System.CommandLine;
using JiraSdk.Cli.Commands;
using JiraSdk.Cli.Configuration;
using JiraSdk.Errors;

namespace JiraSdk.Cli;

/// <summary>The <c>jira</c> tool: builds the command tree, runs one command line and turns every failure into one line and an exit code.</summary>
internal static class JiraCli
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions();
        var root = BuildRootCommand(globals, context);
        // No response files: "@file" is how --data names a body file, and must reach the command as it was typed.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var verbose = parse.GetValue(globals.Verbose);
        if (parse.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync("jira: " + CommandSuggestions.Describe(parse));
            return ExitCodes.UsageError;
        }
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken);
        }
        catch (Exception ex)
        {
            var (code, message) = Describe(ex);
            await context.Error.WriteLineAsync("jira: " + message);
            if (verbose) await context.Error.WriteLineAsync(ex.ToString());
            return code;
        }
    }

    internal static RootCommand BuildRootCommand(GlobalOptions globals, CliContext context)
    {
        var root = new RootCommand("Jira from the command line, built on JiraSdk. Exit codes: 0 success, 1 Jira error, 2 usage error.");
        foreach (var option in globals.All) root.Add(option);
        root.Add(SearchCommand.Create(globals, context));
        root.Add(IssueCommands.Create(globals, context));
        root.Add(RawCommand.Create(globals, context));
        root.Add(OAuth1Commands.Create(globals, context));
        root.Add(OAuth2Commands.Create(globals, context));
        root.Add(WebhookCommands.Create(globals, context));
        root.Add(SandboxCommand.Create(context));
        root.Add(DoctorCommand.Create(globals, context));
        root.Add(WatchCommand.Create(globals, context));
        return root;
    }

    /// <summary>One line for the user; secrets are never part of these messages (the SDK's exceptions leave them out).</summary>
    internal static (int Code, string Message) Describe(Exception ex) => ex switch
    {
        UsageException usage => (ExitCodes.UsageError, usage.Message),
        JiraApiException api => (ExitCodes.JiraError, JiraErrorText.Describe(api)),
        JiraException jira => (ExitCodes.JiraError, OneLine(jira.Message)),
        CommandFailedException failed => (ExitCodes.JiraError, OneLine(failed.Message)),
        HttpRequestException http => (ExitCodes.JiraError, "The request could not be sent: " + OneLine(http.Message)),
        TaskCanceledException or OperationCanceledException => (ExitCodes.JiraError, "The request timed out or was cancelled."),
        _ => (ExitCodes.JiraError, $"Unexpected {ex.GetType().Name}: {OneLine(ex.Message)} (run with --verbose for details)"),
    };

    internal static string OneLine(string text) => string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
}
