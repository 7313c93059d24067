using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using JiraSdk.Cli.Configuration;
using JiraSdk.Cli.Connection;
using JiraSdk.Cli.Output;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Redis;
using JiraSdk.Webhooks.Registration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace JiraSdk.Cli.Commands;

/// <summary><c>jira webhook listen|register|list|delete</c>.</summary>
internal static class WebhookCommands
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var webhook = new Command("webhook", "Receive Jira webhooks locally and manage the site's admin webhooks");
        webhook.Add(Listen(context));
        webhook.Add(Register(globals, context));
        webhook.Add(List(globals, context));
        webhook.Add(Delete(globals, context));
        return webhook;
    }

    private static Command Listen(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 to listen on (0 picks a free one, printed on stderr)", Required = true };
        var secret = new Option<string?>("--secret") { Description = "The admin webhook's secret: deliveries must carry X-Hub-Signature made with it (env JIRA_WEBHOOK_SECRET)" };
        var clientSecret = new Option<string?>("--client-secret") { Description = "The OAuth 2.0 app's client secret: app webhook deliveries must carry a Bearer JWT signed with it (env JIRA_OAUTH2_CLIENT_SECRET)" };
        var redis = new Option<string?>("--redis") { Description = "HOST:PORT of a Redis shared with other listeners, so each delivery is printed once across all of them" };
        var json = new Option<bool>("--json") { Description = "Print each event's whole body as JSON (one line per event)" };
        var count = new Option<int?>("--count") { Description = "Stop after this many verified events" };
        var command = new Command("listen", "Receive webhook deliveries on 127.0.0.1 and print each verified event once; forged or unsigned ones get 401, malformed ones 400")
            { port, secret, clientSecret, redis, json, count };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var hmacSecret = parse.GetValue(secret) ?? context.GetEnvironment("JIRA_WEBHOOK_SECRET");
            var appSecret = parse.GetValue(clientSecret) ?? context.GetEnvironment("JIRA_OAUTH2_CLIENT_SECRET");
            if (string.IsNullOrEmpty(hmacSecret) && string.IsNullOrEmpty(appSecret))
                throw new UsageException("webhook listen needs --secret (or JIRA_WEBHOOK_SECRET), the admin webhook's secret, and/or --client-secret (or JIRA_OAUTH2_CLIENT_SECRET), the OAuth 2.0 app's.");
            var listenPort = parse.GetValue(port);
            if (listenPort is < 0 or > 65535) throw new UsageException("--port must be between 0 and 65535.");
            var max = parse.GetValue(count);
            if (max is < 1) throw new UsageException("--count must be at least 1.");
            var options = new WebhookListener.Settings(listenPort, hmacSecret, appSecret, parse.GetValue(redis), parse.GetValue(json), max);
            return await WebhookListener.RunAsync(options, context, cancellationToken);
        });
        return command;
    }

    internal static string Describe(JiraWebhookEvent e)
    {
        var when = e.Timestamp is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") : "-";
        var subject = e.Raw.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object ? FieldText.IssueField(issue, "key")
            : e.Raw.TryGetProperty("comment", out var comment) && comment.ValueKind == JsonValueKind.Object ? "comment " + FieldText.IssueField(comment, "id")
            : string.Empty;
        var summary = e.Raw.TryGetProperty("issue", out var i2) && i2.ValueKind == JsonValueKind.Object ? FieldText.IssueField(i2, "summary") : string.Empty;
        return $"{when}  {e.WebhookEventName}  {subject}  {summary}".TrimEnd();
    }

    private static Command Register(GlobalOptions globals, CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The webhook's name; registering the same name again updates it", Required = true };
        var url = new Option<string>("--target") { Description = "Where Jira sends deliveries (https)", Required = true };
        var events = new Option<string[]>("--events") { Description = "Events, comma-separated, e.g. jira:issue_created,comment_created", Required = true, AllowMultipleArgumentsPerToken = true };
        var jql = new Option<string?>("--jql") { Description = "Only issues matching this JQL" };
        var secret = new Option<string?>("--secret") { Description = "The secret Jira signs deliveries with (env JIRA_WEBHOOK_SECRET)" };
        var command = new Command("register", "Create or update an admin webhook (by name) and print its id") { name, url, events, jql, secret };
        CommandActions.WithConnection(command, globals, context, async (parse, connection, cancellationToken) =>
        {
            var eventList = CommandActions.SplitList(parse.GetValue(events));
            if (eventList.Count == 0) throw new UsageException("--events needs at least one event name.");
            var definition = new AdminWebhookDefinition(parse.GetValue(name)!, parse.GetValue(url)!, eventList)
            {
                JqlFilter = parse.GetValue(jql),
                Secret = parse.GetValue(secret) ?? context.GetEnvironment("JIRA_WEBHOOK_SECRET"),
            };
            var registration = await new AdminWebhookRegistrar(connection.Client).EnsureAsync(definition, forceUpdate: definition.Secret is not null, cancellationToken);
            await context.Output.WriteLineAsync(registration.Id);
            await context.Error.WriteLineAsync($"jira: webhook '{definition.Name}' {registration.Change.ToString().ToLowerInvariant()}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print Jira's answer as JSON" };
        var command = new Command("list", "List the site's admin webhooks") { json };
        CommandActions.WithConnection(command, globals, context, async (parse, connection, cancellationToken) =>
        {
            var webhooks = await new AdminWebhookRegistrar(connection.Client).ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(CliJson.Pretty("[" + string.Join(",", webhooks.Select(w => w.Json.GetRawText())) + "]"));
                return ExitCodes.Success;
            }
            foreach (var hook in webhooks)
                await context.Output.WriteLineAsync($"{hook.Id}\t{hook.Name}\t{hook.Url}\t{string.Join(", ", hook.Events)}\t{(hook.Enabled ? "enabled" : "disabled")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(GlobalOptions globals, CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The webhook id (see 'jira webhook list')" };
        var command = new Command("delete", "Delete an admin webhook") { id };
        CommandActions.WithConnection(command, globals, context, async (parse, connection, cancellationToken) =>
        {
            var webhookId = parse.GetValue(id)!.Trim();
            if (webhookId.Length == 0 || !webhookId.All(char.IsAsciiLetterOrDigit)) throw new UsageException($"'{webhookId}' is not a webhook id.");
            await new AdminWebhookRegistrar(connection.Client).DeleteAsync(webhookId, cancellationToken);
            await context.Error.WriteLineAsync($"jira: deleted webhook {webhookId}");
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>
/// <c>jira webhook listen</c>: the SDK's own receiver (<c>MapJiraWebhooks</c>: verification, de-duplication, parser) on
/// Kestrel at 127.0.0.1, with a handler that prints each event. Nothing here re-implements a step of the receiver.
/// </summary>
internal static class WebhookListener
{
    public sealed record Settings(int Port, string? Secret, string? ClientSecret, string? Redis, bool Json, int? Count);

    public static async Task<int> RunAsync(Settings settings, CliContext context, CancellationToken cancellationToken)
    {
        var output = new EventPrinter(context, settings.Json, settings.Count);
        ConnectionMultiplexer? redis = null;
        if (settings.Redis is { } endpoint)
        {
            try
            {
                redis = await ConnectionMultiplexer.ConnectAsync(endpoint + ",abortConnect=true,connectTimeout=5000");
            }
            catch (Exception ex) when (ex is RedisConnectionException or ArgumentException)
            {
                throw new UsageException($"Cannot connect to Redis at {endpoint}: {JiraCli.OneLine(ex.Message)}");
            }
        }
        try
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
            builder.Services.AddRoutingCore();
            builder.Services.AddSingleton(context.TimeProvider);
            builder.Logging.AddProvider(new StderrLoggerProvider(output));
            var webhooks = builder.Services.AddJiraWebhooks(options =>
            {
                if (!string.IsNullOrEmpty(settings.Secret)) options.Secrets.Add(settings.Secret!);
                if (!string.IsNullOrEmpty(settings.ClientSecret)) options.ClientSecrets.Add(settings.ClientSecret!);
            }).On<JiraWebhookEvent>((e, _, _) => output.PrintAsync(e));
            if (redis is not null) webhooks.UseDeliveryStore(new RedisWebhookDeliveryStore(redis.GetDatabase()));

            await using var app = builder.Build();
            // Every path: Jira posts to whatever URL the webhook was registered with.
            app.MapJiraWebhooks("/{**path}");
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                throw new UsageException($"Cannot listen on 127.0.0.1:{settings.Port} ({JiraCli.OneLine(ex.Message)}); choose another --port.");
            }
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? $"http://127.0.0.1:{settings.Port}";
            await output.ErrorAsync($"listening on {address.TrimEnd('/')}/ for verified deliveries; Ctrl+C stops");

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, output.Done,
                app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            using var terminated = TerminationSignal.Register(stop);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            // Let deliveries in flight finish (and be answered) before the process ends.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await app.StopAsync(grace.Token);
        }
        finally
        {
            if (redis is not null) await redis.DisposeAsync();
        }
        return ExitCodes.Success;
    }

    /// <summary>Prints events and messages one whole line at a time, however many deliveries arrive at once.</summary>
    private sealed class EventPrinter(CliContext context, bool json, int? count)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly CancellationTokenSource _done = new();
        private int _printed;

        public CancellationToken Done => _done.Token;

        public async Task PrintAsync(JiraWebhookEvent e)
        {
            var line = json ? JsonSerializer.Serialize(e.Raw) : WebhookCommands.Describe(e);
            await _gate.WaitAsync();
            try
            {
                if (count is { } max && _printed >= max) return;
                await context.Output.WriteLineAsync(line);
                await context.Output.FlushAsync();
                if (++_printed == count) _done.Cancel();
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task ErrorAsync(string message)
        {
            await _gate.WaitAsync();
            try
            {
                await context.Error.WriteLineAsync("jira: " + JiraCli.OneLine(message));
                await context.Error.FlushAsync();
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>The receiver's warnings and errors (rejections, failures) as "jira: …" lines on stderr; other logs are dropped.</summary>
    private sealed class StderrLoggerProvider(EventPrinter printer) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName.StartsWith("JiraSdk.", StringComparison.Ordinal) ? new Logger(printer) : NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Logger(EventPrinter printer) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                var message = formatter(state, exception);
                if (exception is not null && logLevel >= LogLevel.Error) message += ": " + exception.Message;
                // Logging is synchronous; the line is written in order with the events, without blocking the caller.
                _ = printer.ErrorAsync(message);
            }
        }
    }
}

/// <summary>
/// Ends a long-running command cleanly on SIGTERM (what <c>docker stop</c>, systemd and <c>kill</c> send), as Ctrl+C does:
/// the signal cancels the command's token instead of killing the process mid-write.
/// </summary>
internal static class TerminationSignal
{
    public static IDisposable? Register(CancellationTokenSource stop)
    {
        try
        {
            return PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
