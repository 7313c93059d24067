using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using JiraSdk.Cli.Configuration;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Polling;
using JiraSdk.Webhooks.Processing;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Cli.Commands;

/// <summary>
/// <c>jira watch "&lt;jql&gt;"</c>: the SDK's JQL polling trigger as a stream of NDJSON lines, one per issue change
/// (<c>{"change":"created"|"updated","key":…,"id":…,"updated":…,"fields":{…}}</c>), resumable from a cursor file.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var jql = new Argument<string>("jql") { Description = "The issues to watch, without ORDER BY, e.g. \"project = DOCS\"" };
        var cursor = new Option<string?>("--cursor") { Description = "A file that keeps where watching got to; a later run resumes from it without repeating or losing a change" };
        var interval = new Option<int>("--interval") { Description = "Seconds between polls (default 60)", DefaultValueFactory = _ => 60 };
        var fields = new Option<string[]>("--fields", "-f") { Description = "Fields to include, comma-separated (default: the navigable fields)", AllowMultipleArgumentsPerToken = true };
        var since = new Option<string?>("--since") { Description = "When no cursor is stored: report changes since this ISO 8601 time instead of from now" };
        var once = new Option<bool>("--once") { Description = "Poll once and exit (for scripts and cron)" };
        var command = new Command("watch", "Print every change to the issues a JQL query matches as NDJSON, polling until Ctrl+C or SIGTERM") { jql, cursor, interval, fields, since, once };
        CommandActions.WithConnection(command, globals, context, async (parse, connection, cancellationToken) =>
        {
            var query = parse.GetValue(jql)!;
            if (string.IsNullOrWhiteSpace(query)) throw new UsageException("The JQL query is empty.");
            var seconds = parse.GetValue(interval);
            if (seconds < 1) throw new UsageException("--interval must be at least 1 second.");
            DateTimeOffset? start = null;
            if (parse.GetValue(since) is { } sinceText)
            {
                if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    throw new UsageException($"--since '{sinceText}' is not an ISO 8601 time, e.g. 2026-11-30T08:00:00Z.");
                start = parsed;
            }
            var options = new JqlPollingTriggerOptions
            {
                Jql = query,
                Interval = TimeSpan.FromSeconds(seconds),
                CursorKey = "jira-watch:" + query,
                StartAt = start,
                // As the search command: v3 is Cloud's /search/jql, v2 the /search that Data Center serves.
                Endpoint = connection.ApiVersion == "3" ? JqlSearchEndpoint.SearchJqlV3 : JqlSearchEndpoint.DataCenterSearch,
            };
            var fieldList = CommandActions.SplitList(parse.GetValue(fields));
            if (fieldList.Count > 0) options.Fields = fieldList.ToList();
            IPollingCursorStore? store = parse.GetValue(cursor) is { } path ? new FilePollingCursorStore(context.ResolvePath(path)) : null;

            var writer = new ChangeWriter(context);
            JqlPollingTrigger trigger;
            try
            {
                trigger = new JqlPollingTrigger(connection.Client, options, new DelegateWebhookHandler().On<IssueWebhookEvent>(writer.WriteAsync), store,
                    context.TimeProvider, new StderrLogger<JqlPollingTrigger>(context));
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(JiraCli.OneLine(ex.Message));
            }
            if (parse.GetValue(once))
            {
                await trigger.PollOnceAsync(cancellationToken);
                return ExitCodes.Success;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var terminated = TerminationSignal.Register(stop);
            await context.Error.WriteLineAsync($"jira: watching \"{query}\" every {seconds} s; Ctrl+C stops");
            // RunAsync returns when stopped; a failed poll is reported on stderr and retried at the next interval.
            await trigger.RunAsync(stop.Token);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes one NDJSON line per change and flushes it, so a pipe sees each change as it happens.</summary>
    private sealed class ChangeWriter(CliContext context)
    {
        public async Task WriteAsync(IssueWebhookEvent change, Webhooks.Delivery.WebhookDeliveryContext delivery, CancellationToken cancellationToken)
        {
            var issue = change.Issue;
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("change", change is IssueCreatedEvent ? "created" : "updated");
                json.WriteString("key", issue?.Key);
                json.WriteString("id", issue?.Id);
                if (change.Timestamp is { } updated) json.WriteString("updated", updated.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                json.WritePropertyName("fields");
                JsonSerializer.Serialize(json, issue?.Fields ?? new JiraSdk.Issues.IssueFields());
                json.WriteEndObject();
            }
            await context.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            await context.Output.FlushAsync(cancellationToken);
        }
    }

    /// <summary>The trigger's warnings and errors (a failed poll) as "jira: …" lines on stderr.</summary>
    private sealed class StderrLogger<T>(CliContext context) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception) + (exception is null ? "" : " " + JiraCli.Describe(exception).Message);
            lock (context.Error) context.Error.WriteLine("jira: " + JiraCli.OneLine(message));
        }
    }
}
