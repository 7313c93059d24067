using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using JiraSdk.Testing.Rest;
using JiraSdk.Testing.Store;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JiraSdk.Testing.Webhooks;

/// <summary>
/// Sends the sandbox's changes to the registered webhooks, as Jira does (../shared/webhooks/EVENTS.md): one POST per
/// matching webhook (one per app URL for dynamic webhooks, with <c>matchedWebhookIds</c>), headers
/// <c>X-Atlassian-Webhook-Identifier</c> (stable across retries), <c>-Retry</c> (on retries), <c>-Flow</c>;
/// <c>X-Hub-Signature: sha256=…</c> for admin webhooks with a secret; <c>Authorization: Bearer</c> HS256 JWT signed
/// with the client secret for app webhooks. 408, 409, 425, 429, 5xx, a refused connection or no answer within the
/// timeout are retried after the configured delays; other answers end the delivery. Deliveries that fail for good are
/// kept for <c>/rest/api/3/webhook/failed</c> (72 h).
/// </summary>
/// <remarks>
/// Deliveries use their own <see cref="HttpClient"/>, not JiraClient: this is Jira calling out to a receiver, not a
/// client calling Jira. First attempts leave in event order from one queue; retries wait on their own.
/// </remarks>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly SandboxStore _store;
    private readonly WebhookRegistry _registry;
    private readonly ISandboxJql _jql;
    private readonly JiraSandboxOptions _options;
    private readonly Func<string, string?> _clientSecret;
    private readonly HttpClient _http;
    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _retries = new();
    private readonly Task _loop;
    private readonly JsonWebTokenHandler _jwt = new();

    public WebhookDispatcher(SandboxStore store, WebhookRegistry registry, ISandboxJql jql, JiraSandboxOptions options, Func<string, string?> clientSecret)
    {
        _store = store;
        _registry = registry;
        _jql = jql;
        _options = options;
        _clientSecret = clientSecret;
        // This is Jira calling out to a registered webhook URL, not a call to Jira, so it does not go through JiraClient.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Atlassian-Webhook-HTTP-Client/1.0 (JiraSdk.Testing)");
        store.Changed += OnChanged;
        _loop = Task.Run(RunAsync);
    }

    private sealed record Delivery(string Identifier, string Url, byte[]? Body, string Flow, Func<string, (string Name, string Value)?> Authorize, string? ClientId);

    private void OnChanged(IReadOnlyList<SandboxChange> changes)
    {
        var now = _store.Time.GetUtcNow();
        var (admins, apps) = _registry.Snapshot();
        IReadOnlyList<JsonObject>? fields = null;
        foreach (var change in changes)
        {
            bool Matches(string? jql)
            {
                if (string.IsNullOrWhiteSpace(jql) || change.Issue is null) return true;
                fields ??= _store.Read(() => _store.Shapes.FieldDefinitions());
                try
                {
                    return _jql.Matches(jql, fields, change.Issue, now, null);
                }
                catch (JiraRestException)
                {
                    return false;
                }
            }
            var flow = change.Secondary ? "Secondary" : "Primary";
            foreach (var hook in admins)
            {
                if (!hook.Enabled || !hook.Events.Contains(change.WebhookEvent, StringComparer.Ordinal) || !Matches(hook.JqlFilter)) continue;
                var body = hook.ExcludeBody ? null : Encoding.UTF8.GetBytes(change.Payload.ToJsonString());
                var secret = hook.Secret;
                Func<string, (string, string)?> sign = _ => secret is null || body is null ? null : ("X-Hub-Signature", "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant());
                Enqueue(new Delivery(NewIdentifier(), SubstituteUrl(hook.Url, change.Payload), body, flow, sign, null));
            }
            foreach (var group in apps.Where(a => a.ExpirationDate > now && a.Events.Contains(change.WebhookEvent, StringComparer.Ordinal)
                                                  && FieldsMatch(a, change) && Matches(a.JqlFilter))
                         .GroupBy(a => (a.ClientId, a.Url)))
            {
                var payload = (JsonObject)change.Payload.DeepClone();
                payload["matchedWebhookIds"] = new JsonArray(group.Select(a => (JsonNode?)a.Id).ToArray());
                var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
                var clientId = group.Key.ClientId;
                var owner = group.First().OwnerAccountId;
                Enqueue(new Delivery(NewIdentifier(), group.Key.Url, body, flow, _ => Bearer(clientId, owner), clientId));
            }
        }
    }

    /// <summary><c>fieldIdsFilter</c> narrows <c>jira:issue_updated</c> to changes of those fields (spec: WebhookDetails).</summary>
    private static bool FieldsMatch(AppWebhookRecord hook, SandboxChange change)
    {
        if (hook.FieldIdsFilter is not { Count: > 0 } ids || change.WebhookEvent != "jira:issue_updated") return true;
        return change.Payload["changelog"]?["items"] is JsonArray items
               && items.Any(i => ids.Contains((string?)i!["fieldId"] ?? "", StringComparer.Ordinal));
    }

    private (string, string)? Bearer(string clientId, string ownerAccountId)
    {
        var secret = _clientSecret(clientId);
        if (secret is null) return null;
        var now = _store.Time.GetUtcNow().UtcDateTime;
        // HS256 with the app's client secret is what EVENTS.md confirms; the claims are the sandbox's choice.
        var token = _jwt.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _store.SiteBaseUrl.TrimEnd('/'),
            Audience = clientId,
            Subject = new System.Security.Claims.ClaimsIdentity(new[] { new System.Security.Claims.Claim("sub", ownerAccountId) }),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
        return ("Authorization", "Bearer " + token);
    }

    /// <summary>Admin webhook URLs may carry variables such as <c>{issue.key}</c> (EVENTS.md §6.2).</summary>
    private static string SubstituteUrl(string url, JsonObject payload)
    {
        if (!url.Contains('{', StringComparison.Ordinal)) return url;
        string? Value(string path) => path switch
        {
            "issue.id" => (string?)payload["issue"]?["id"],
            "issue.key" => (string?)payload["issue"]?["key"],
            "project.id" => (string?)payload["issue"]?["fields"]?["project"]?["id"],
            "project.key" => (string?)payload["issue"]?["fields"]?["project"]?["key"],
            "comment.id" => (string?)payload["comment"]?["id"],
            "worklog.id" => (string?)payload["worklog"]?["id"],
            "attachment.id" => (string?)payload["attachment"]?["id"],
            "modifiedUser.accountId" => (string?)payload["user"]?["accountId"],
            _ => null,
        };
        var sb = new StringBuilder();
        var i = 0;
        while (i < url.Length)
        {
            var open = url.IndexOf('{', i);
            var close = open < 0 ? -1 : url.IndexOf('}', open);
            if (open < 0 || close < 0) { sb.Append(url, i, url.Length - i); break; }
            var start = open > 0 && url[open - 1] == '$' ? open - 1 : open;
            sb.Append(url, i, start - i);
            var value = Value(url[(open + 1)..close]);
            sb.Append(value is null ? url[start..(close + 1)] : Uri.EscapeDataString(value));
            i = close + 1;
        }
        return sb.ToString();
    }

    private static string NewIdentifier() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private void Enqueue(Delivery delivery)
    {
        if (!_options.AllowNonLoopbackWebhooks && !IsLoopback(delivery.Url)) return;
        _queue.Writer.TryWrite(delivery);
    }

    public static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));

    private async Task RunAsync()
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                var outcome = await AttemptAsync(delivery, 0).ConfigureAwait(false);
                if (outcome == Outcome.Delivered) continue;
                if (outcome == Outcome.GiveUp) { Fail(delivery); continue; }
                var retry = Task.Run(() => RetryAsync(delivery));
                _retries.TryAdd(retry, 0);
                _ = retry.ContinueWith(t => _retries.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RetryAsync(Delivery delivery)
    {
        try
        {
            var delays = _options.WebhookRetryDelays ?? Array.Empty<TimeSpan>();
            for (var attempt = 1; attempt <= delays.Count; attempt++)
            {
                await Task.Delay(delays[attempt - 1], _store.Time, _stopping.Token).ConfigureAwait(false);
                var outcome = await AttemptAsync(delivery, attempt).ConfigureAwait(false);
                if (outcome == Outcome.Delivered) return;
                if (outcome == Outcome.GiveUp) break;
            }
            Fail(delivery);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private void Fail(Delivery delivery) =>
        _registry.AddFailure(new FailedDelivery(delivery.Identifier, delivery.Body is null ? null : Encoding.UTF8.GetString(delivery.Body), delivery.Url, _store.Time.GetUtcNow(), delivery.ClientId));

    private enum Outcome { Delivered, Retry, GiveUp }

    /// <summary>One POST: delivered on 2xx; retried on 408, 409, 425, 429, 5xx or no answer; given up otherwise.</summary>
    private async Task<Outcome> AttemptAsync(Delivery delivery, int retry)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
        if (delivery.Body is not null)
        {
            request.Content = new ByteArrayContent(delivery.Body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        else request.Content = new ByteArrayContent(Array.Empty<byte>());
        request.Headers.TryAddWithoutValidation("X-Atlassian-Webhook-Identifier", delivery.Identifier);
        request.Headers.TryAddWithoutValidation("X-Atlassian-Webhook-Flow", delivery.Flow);
        if (retry > 0) request.Headers.TryAddWithoutValidation("X-Atlassian-Webhook-Retry", retry.ToString(CultureInfo.InvariantCulture));
        if (delivery.Authorize(delivery.Url) is { } header) request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        using var timeout = new CancellationTokenSource(_options.WebhookTimeout, _store.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300) return Outcome.Delivered;
            // Jira retries these and gives up on any other answer (EVENTS.md §4).
            return status is 408 or 409 or 425 or 429 or >= 500 ? Outcome.Retry : Outcome.GiveUp;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return Outcome.Retry;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _store.Changed -= OnChanged;
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_retries.Keys.Append(_loop)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _http.Dispose();
        _stopping.Dispose();
    }
}
