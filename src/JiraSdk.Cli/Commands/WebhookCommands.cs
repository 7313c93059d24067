using System.CommandLine;
using System.Net;
using System.Text.Json;
using JiraSdk.Cli.Configuration;
using JiraSdk.Cli.Connection;
using JiraSdk.Cli.Output;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;
using JiraSdk.Webhooks.Registration;
using JiraSdk.Webhooks.Verification;

namespace JiraSdk.Cli.Commands;

/// <summary><c>jira webhook listen|register|list|delete</c>.</summary>
internal static class WebhookCommands
{
    public const string SignatureHeader = "X-Hub-Signature";

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
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 to listen on", Required = true };
        var secret = new Option<string?>("--secret") { Description = "The webhook secret; deliveries not signed with it are rejected (env JIRA_WEBHOOK_SECRET)" };
        var json = new Option<bool>("--json") { Description = "Print each event's whole body as JSON (one line per event)" };
        var count = new Option<int?>("--count") { Description = "Stop after this many verified events" };
        var command = new Command("listen", "Receive webhook deliveries on 127.0.0.1 and print each verified event; forged ones get 401") { port, secret, json, count };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = parse.GetValue(secret) ?? context.GetEnvironment("JIRA_WEBHOOK_SECRET")
                ?? throw new UsageException("webhook listen needs --secret (or JIRA_WEBHOOK_SECRET): the secret the webhook was registered with.");
            var listenPort = parse.GetValue(port);
            if (listenPort is < 1 or > 65535) throw new UsageException("--port must be between 1 and 65535.");
            var max = parse.GetValue(count);
            if (max is < 1) throw new UsageException("--count must be at least 1.");
            var verifier = new JiraWebhookSignatureVerifier(new[] { key });
            var parser = new JiraWebhookParser();

            using var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{listenPort}/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException ex)
            {
                throw new UsageException($"Cannot listen on 127.0.0.1:{listenPort} ({ex.Message}); choose another --port.");
            }
            await context.Error.WriteLineAsync($"jira: listening on http://127.0.0.1:{listenPort}/ for signed deliveries; Ctrl+C stops");
            using var stop = cancellationToken.Register(() => listener.Stop());
            var received = 0;
            while (max is null || received < max)
            {
                HttpListenerContext delivery;
                try
                {
                    delivery = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                if (await HandleAsync(delivery, verifier, parser, parse.GetValue(json), context)) received++;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Answers one request; returns whether it was a verified event.</summary>
    private static async Task<bool> HandleAsync(HttpListenerContext delivery, JiraWebhookSignatureVerifier verifier, JiraWebhookParser parser, bool json, CliContext context)
    {
        var request = delivery.Request;
        if (request.HttpMethod != "POST")
        {
            Answer(delivery.Response, 405);
            return false;
        }
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var signature = verifier.Verify(body, request.Headers[SignatureHeader]);
        if (signature != WebhookSignatureStatus.Valid)
        {
            Answer(delivery.Response, 401);
            await context.Error.WriteLineAsync($"jira: rejected a delivery from {request.RemoteEndPoint?.Address}: signature {signature}");
            return false;
        }
        JiraWebhookEvent parsed;
        try
        {
            parsed = parser.Parse(body);
        }
        catch (JiraWebhookPayloadException ex)
        {
            Answer(delivery.Response, 400);
            await context.Error.WriteLineAsync("jira: rejected a signed delivery that is not a webhook payload: " + JiraCli.OneLine(ex.Message));
            return false;
        }
        Answer(delivery.Response, 204);
        await context.Output.WriteLineAsync(json ? JsonSerializer.Serialize(parsed.Raw) : Describe(parsed));
        await context.Output.FlushAsync();
        return true;
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

    private static void Answer(HttpListenerResponse response, int status)
    {
        response.StatusCode = status;
        response.ContentLength64 = 0;
        response.Close();
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
            var registration = await new AdminWebhookRegistrar(connection.Http).EnsureAsync(definition, forceUpdate: definition.Secret is not null, cancellationToken);
            await context.Output.WriteLineAsync(registration.Id);
            await context.Error.WriteLineAsync($"jira: webhook '{definition.Name}' {registration.Change.ToString().ToLowerInvariant()}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<string> CollectionPathAsync(JiraConnection connection, CancellationToken cancellationToken) =>
        await new AdminWebhookRegistrar(connection.Http).DetectApiAsync(cancellationToken) == AdminWebhookApi.DataCenter10
            ? "rest/jira-webhook/1.0/webhooks"
            : "rest/webhooks/1.0/webhook";

    private static Command List(GlobalOptions globals, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print Jira's answer as JSON" };
        var command = new Command("list", "List the site's admin webhooks") { json };
        CommandActions.WithConnection(command, globals, context, async (parse, connection, cancellationToken) =>
        {
            var body = await connection.SendExpectingSuccessAsync(HttpMethod.Get, await CollectionPathAsync(connection, cancellationToken), null, cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(CliJson.Pretty(body));
                return ExitCodes.Success;
            }
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root : root.TryGetProperty("values", out var values) ? values : default;
            if (items.ValueKind != JsonValueKind.Array) return ExitCodes.Success;
            foreach (var hook in items.EnumerateArray())
            {
                var id = hook.TryGetProperty("id", out var i) ? FieldText.Render(i)
                    : hook.TryGetProperty("self", out var self) ? FieldText.Render(self).TrimEnd('/').Split('/').Last() : "?";
                string Field(string n) => hook.TryGetProperty(n, out var v) ? FieldText.Render(v) : string.Empty;
                var enabled = hook.TryGetProperty("enabled", out var e) ? e : hook.TryGetProperty("active", out var a) ? a : default;
                await context.Output.WriteLineAsync($"{id}\t{Field("name")}\t{Field("url")}\t{Field("events")}\t{(enabled.ValueKind == JsonValueKind.False ? "disabled" : "enabled")}");
            }
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
            await connection.SendExpectingSuccessAsync(HttpMethod.Delete, $"{await CollectionPathAsync(connection, cancellationToken)}/{webhookId}", null, cancellationToken);
            await context.Error.WriteLineAsync($"jira: deleted webhook {webhookId}");
            return ExitCodes.Success;
        });
        return command;
    }
}
