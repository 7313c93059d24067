using System.CommandLine;
using JiraSdk.Cli.Configuration;
using JiraSdk.Errors;

namespace JiraSdk.Cli.Commands;

/// <summary><c>jira raw &lt;METHOD&gt; &lt;path&gt; [--data JSON]</c>: any REST call, authenticated; the status goes to stderr, the body to stdout.</summary>
internal static class RawCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var method = new Argument<string>("method") { Description = "GET, POST, PUT, DELETE, PATCH, …" };
        var path = new Argument<string>("path") { Description = "A path on the site with its query, e.g. \"/rest/api/2/search?jql=project%3DDOCS\"" };
        var data = new Option<string?>("--data", "-d") { Description = "A JSON body: inline, @file, or - for standard input" };
        var command = new Command("raw", "Send any request to the Jira REST API and print the status and body") { method, path, data };
        CommandActions.WithSettings(command, globals, context, async (parse, settings, cancellationToken) =>
        {
            var verb = parse.GetValue(method)!.Trim().ToUpperInvariant();
            if (verb.Length == 0 || !verb.All(c => c is >= 'A' and <= 'Z')) throw new UsageException($"'{parse.GetValue(method)}' is not an HTTP method.");
            var target = parse.GetValue(path)!.Trim();
            // Credentials go to the configured site only: an absolute URL could send them anywhere.
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("//", StringComparison.Ordinal))
                throw new UsageException("The path must be relative to the site (e.g. /rest/api/3/myself), not a full URL.");
            var body = await RequestBody.ReadAsync(parse.GetValue(data), context, cancellationToken);

            using var connection = await Connection.JiraConnection.OpenAsync(settings, context, cancellationToken);
            Connection.JiraResponse response;
            try
            {
                response = await connection.SendAsync(new HttpMethod(verb), target, body, cancellationToken);
            }
            catch (JiraApiException error) when (!JiraErrorText.IsFailedLogin(error))
            {
                // An error status is part of what `raw` shows: status, Jira's body, then the one-line reason.
                await context.Error.WriteLineAsync($"HTTP {error.StatusCode} {ReasonPhraseOf(error.StatusCode)}".TrimEnd());
                if (!string.IsNullOrEmpty(error.Body)) await context.Output.WriteLineAsync(Output.CliJson.Pretty(error.Body!));
                if (error.ErrorMessages.Count > 0 || error.Errors.Count > 0) await context.Error.WriteLineAsync("jira: " + JiraErrorText.Describe(error));
                return ExitCodes.JiraError;
            }
            await context.Error.WriteLineAsync($"HTTP {response.StatusCode} {response.ReasonPhrase}".TrimEnd());
            if (response.Body.Length > 0) await context.Output.WriteLineAsync(Output.CliJson.Pretty(response.Body));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string ReasonPhraseOf(int status)
    {
        using var standard = new HttpResponseMessage((System.Net.HttpStatusCode)status);
        return standard.ReasonPhrase ?? string.Empty;
    }
}
