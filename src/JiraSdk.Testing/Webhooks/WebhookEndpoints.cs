using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql;
using JiraSdk.Testing.Jql.Syntax;
using JiraSdk.Testing.Rest;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JiraSdk.Testing.Webhooks;

/// <summary>
/// Webhook registration: admin webhooks (administrators only) and OAuth 2.0 app webhooks (<c>/rest/api/{2,3}/webhook</c>,
/// apps only, Cloud; EVENTS.md §6). Admin webhooks live at <c>/rest/webhooks/1.0/webhook</c> on Cloud and at
/// <c>/rest/jira-webhook/1.0/webhooks</c> in Data Center mode (serverInfo 10.x), where the old path answers 404 as on
/// a real 10.x (EVENTS.md §6.3); both feed the same records and deliveries.
/// </summary>
internal static class WebhookEndpoints
{
    /// <summary>The events dynamic webhooks accept (spec: WebhookDetails.events).</summary>
    private static readonly string[] AppEvents =
    {
        "jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "comment_created", "comment_updated", "comment_deleted",
        "issue_property_set", "issue_property_deleted",
    };

    /// <summary>The JQL subset dynamic webhooks accept (spec: WebhookDetails.jqlFilter).</summary>
    private static readonly string[] AppJqlFields = { "issuekey", "key", "project", "issuetype", "status", "assignee", "reporter", "issue.property" };

    public static readonly TimeSpan AppWebhookLifetime = TimeSpan.FromDays(30);

    public static void Map(WebApplication app, SandboxStore store, WebhookRegistry registry, JiraSandboxOptions options, string administratorId)
    {
        // DC 10 (EVENTS.md §6.3, JRA-78733): "active", and the JQL, secret and body switch in a string map "configuration";
        // a top-level "filters" or "secret" is ignored there.
        var dc10 = store.Mode != JiraSandboxMode.Cloud;
        var adminPath = dc10 ? "rest/jira-webhook/1.0/webhooks" : "rest/webhooks/1.0/webhook";
        var admin = app.MapGroup("/" + adminPath);
        UserRecord RequireAdministrator(HttpContext http)
        {
            var user = http.RequireUser();
            if (user.AccountId != administratorId)
                throw new JiraRestException(HttpStatusCode.Forbidden, "You are not authorized to perform this action. Administrator privileges are required.");
            return user;
        }
        JsonObject Render(HttpContext http, AdminWebhookRecord hook)
        {
            if (dc10) return RenderDc10(http.BaseUrl() + adminPath + "/" + SandboxStore.Id(hook.Id), hook);
            var o = new JsonObject
            {
                ["self"] = http.BaseUrl() + "rest/webhooks/1.0/webhook/" + SandboxStore.Id(hook.Id),
                ["name"] = hook.Name,
                ["url"] = hook.Url,
                ["excludeBody"] = hook.ExcludeBody,
                ["filters"] = new JsonObject { ["issue-related-events-section"] = hook.JqlFilter ?? "" },
                ["events"] = new JsonArray(hook.Events.Select(e => (JsonNode?)e).ToArray()),
                ["enabled"] = hook.Enabled,
                ["lastUpdated"] = hook.LastUpdated.ToUnixTimeMilliseconds(),
                ["lastUpdatedUser"] = hook.LastUpdatedBy,
                ["isSigned"] = hook.Secret is not null,
            };
            return o;
        }
        AdminWebhookRecord Find(string id) => registry.Locked(() =>
            long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && registry.Admin.TryGetValue(n, out var hook) ? hook : null)
            ?? throw JiraRestException.NotFound($"Webhook with id {id} not found.");
        void Apply(AdminWebhookRecord hook, JsonObject body, UserRecord user, bool creating)
        {
            var errors = new Dictionary<string, string>();
            if (body.ContainsKey("name")) hook.Name = (string?)body["name"] ?? "";
            if (body.ContainsKey("url")) hook.Url = (string?)body["url"] ?? "";
            if (creating && string.IsNullOrWhiteSpace(hook.Name)) errors["name"] = "Name is required.";
            if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out _)) errors["url"] = "The URL is not valid.";
            else if (!options.AllowNonLoopbackWebhooks && !WebhookDispatcher.IsLoopback(hook.Url)) errors["url"] = "The sandbox only delivers to loopback URLs (127.0.0.1, ::1, localhost).";
            if (body["events"] is JsonArray events) hook.Events = events.Select(e => (string?)e).OfType<string>().Distinct().ToList();
            if (dc10) ApplyDc10(hook, body);
            else if (body["filters"] is JsonObject filters) hook.JqlFilter = (string?)filters["issue-related-events-section"] is { Length: > 0 } jql ? jql : null;
            if (!dc10 && body["excludeBody"] is JsonValue exclude) hook.ExcludeBody = exclude.GetValue<bool>();
            if (!dc10 && body["enabled"] is JsonValue enabled) hook.Enabled = enabled.GetValue<bool>();
            // The secret is write-only; omitting it on update keeps the old one (EVENTS.md §6.2).
            if (!dc10 && body.ContainsKey("secret")) hook.Secret = (string?)body["secret"] is { Length: > 0 } secret ? secret : null;
            if (hook.JqlFilter is not null)
            {
                try { JqlParser.Parse(hook.JqlFilter); }
                catch (JqlException e) { errors["filters"] = string.Join(" ", e.ErrorMessages); }
            }
            if (errors.Count > 0) throw new JiraRestException(HttpStatusCode.BadRequest, Array.Empty<string>(), errors);
            hook.LastUpdated = store.Now;
            hook.LastUpdatedBy = user.AccountId;
            if (creating) hook.Created = hook.LastUpdated;
        }

        admin.MapGet("", (HttpContext http) =>
        {
            RequireAdministrator(http);
            IEnumerable<AdminWebhookRecord> hooks = registry.Locked(() => registry.Admin.Values.OrderBy(h => h.Id).ToList());
            if (dc10)
            {
                // ?event= keeps the webhooks listening to it; start and limit page the list.
                if (http.Request.Query["event"].ToString() is { Length: > 0 } wanted) hooks = hooks.Where(h => h.Events.Contains(wanted, StringComparer.Ordinal));
                var start = int.TryParse(http.Request.Query["start"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                var limit = int.TryParse(http.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : int.MaxValue;
                hooks = hooks.Skip(start).Take(limit);
            }
            return RestIO.Json(new JsonArray(hooks.Select(h => (JsonNode?)Render(http, h)).ToArray()));
        });
        admin.MapPost("", async (HttpContext http) =>
        {
            var user = RequireAdministrator(http);
            var body = await http.ReadObjectAsync();
            var hook = new AdminWebhookRecord();
            Apply(hook, body, user, creating: true);
            hook.Id = registry.NextId();
            registry.Locked(() => registry.Admin[hook.Id] = hook);
            registry.Save(hook);
            return RestIO.Json(Render(http, hook), 201);
        });
        admin.MapGet("/{id}", (HttpContext http, string id) =>
        {
            RequireAdministrator(http);
            return RestIO.Json(Render(http, Find(id)));
        });
        admin.MapPut("/{id}", async (HttpContext http, string id) =>
        {
            var user = RequireAdministrator(http);
            var body = await http.ReadObjectAsync();
            var hook = Find(id);
            registry.Locked(() => { Apply(hook, body, user, creating: false); return 0; });
            registry.Save(hook);
            return RestIO.Json(Render(http, hook));
        });
        admin.MapDelete("/{id}", (HttpContext http, string id) =>
        {
            RequireAdministrator(http);
            var hook = Find(id);
            registry.Locked(() => registry.Admin.Remove(hook.Id));
            store.Unpersist("webhook", SandboxStore.Id(hook.Id));
            return Results.NoContent();
        });

        if (store.Mode != JiraSandboxMode.Cloud) return;
        foreach (var version in new[] { "2", "3" })
        {
            var api = app.MapGroup("/rest/api/" + version + "/webhook");
            string RequireApp(HttpContext http)
            {
                http.RequireUser();
                return http.OAuthClientId()
                       ?? throw new JiraRestException(HttpStatusCode.Forbidden, "Only Connect and OAuth 2.0 apps can use this operation.");
            }

            api.MapPost("", async (HttpContext http) =>
            {
                var clientId = RequireApp(http);
                var owner = http.RequireUser().AccountId;
                var body = await http.ReadObjectAsync();
                var url = (string?)body["url"];
                if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out _))
                    throw JiraRestException.Field("url", "The URL must be an absolute URL.");
                if (!options.AllowNonLoopbackWebhooks && !WebhookDispatcher.IsLoopback(url))
                    throw JiraRestException.Field("url", "The sandbox only delivers to loopback URLs (127.0.0.1, ::1, localhost).");
                if (body["webhooks"] is not JsonArray hooks || hooks.Count == 0)
                    throw JiraRestException.Field("webhooks", "At least one webhook is required.");
                var results = new JsonArray();
                foreach (var node in hooks)
                {
                    var errors = Validate(node as JsonObject);
                    if (errors.Count > 0)
                    {
                        // Jira answers 200 and reports each refused webhook in place (spec: ContainerForRegisteredWebhooks).
                        results.Add(new JsonObject { ["errors"] = new JsonArray(errors.Select(e => (JsonNode?)e).ToArray()) });
                        continue;
                    }
                    var details = (JsonObject)node!;
                    var hook = new AppWebhookRecord
                    {
                        Id = registry.NextId(),
                        ClientId = clientId,
                        OwnerAccountId = owner,
                        Url = url,
                        Events = ((JsonArray)details["events"]!).Select(e => (string)e!).Distinct().ToList(),
                        JqlFilter = (string)details["jqlFilter"]!,
                        FieldIdsFilter = (details["fieldIdsFilter"] as JsonArray)?.Select(f => (string?)f).OfType<string>().ToList(),
                        IssuePropertyKeysFilter = (details["issuePropertyKeysFilter"] as JsonArray)?.Select(f => (string?)f).OfType<string>().ToList(),
                        ExpirationDate = store.Now + AppWebhookLifetime,
                    };
                    registry.Locked(() => registry.Apps[hook.Id] = hook);
                    registry.Save(hook);
                    results.Add(new JsonObject { ["createdWebhookId"] = hook.Id });
                }
                return RestIO.Json(new JsonObject { ["webhookRegistrationResult"] = results });
            });

            api.MapGet("", (HttpContext http) =>
            {
                var clientId = RequireApp(http);
                var startAt = http.QueryInt("startAt", 0);
                var maxResults = Math.Clamp(http.QueryInt("maxResults", 100), 1, 100);
                var mine = registry.Locked(() => registry.Apps.Values.Where(h => h.ClientId == clientId).OrderBy(h => h.Id).ToList());
                return RestIO.Json(RestIO.OffsetPage(http, mine.Select(h => (JsonNode)RenderApp(h)).ToList(), startAt, maxResults));
            });

            api.MapDelete("", async (HttpContext http) =>
            {
                var clientId = RequireApp(http);
                var ids = ReadIds(await http.ReadObjectAsync());
                foreach (var id in ids)
                {
                    // Ids of other apps are ignored, as Jira does.
                    var removed = registry.Locked(() => registry.Apps.TryGetValue(id, out var h) && h.ClientId == clientId && registry.Apps.Remove(id));
                    if (removed) store.Unpersist("appwebhook", SandboxStore.Id(id));
                }
                return Results.StatusCode(202);
            });

            api.MapPut("/refresh", async (HttpContext http) =>
            {
                var clientId = RequireApp(http);
                var ids = ReadIds(await http.ReadObjectAsync());
                var expiration = store.Now + AppWebhookLifetime;
                foreach (var id in ids)
                {
                    var hook = registry.Locked(() => registry.Apps.TryGetValue(id, out var h) && h.ClientId == clientId ? h : null);
                    if (hook is null) continue;
                    hook.ExpirationDate = expiration;
                    registry.Save(hook);
                }
                return RestIO.Json(new JsonObject { ["expirationDate"] = expiration.ToUnixTimeMilliseconds() });
            });

            api.MapGet("/failed", (HttpContext http) =>
            {
                var clientId = RequireApp(http);
                var maxResults = Math.Clamp(http.QueryInt("maxResults", 100), 1, 100);
                var afterText = http.Query("after") ?? http.Query("failedAfter");
                long after = afterText is null ? long.MinValue : long.Parse(afterText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                var now = store.Time.GetUtcNow();
                var failures = registry.Failures()
                    .Where(f => f.ClientId == clientId && now - f.FailureTime <= WebhookRegistry.FailureRetention && f.FailureTime.ToUnixTimeMilliseconds() > after)
                    .OrderBy(f => f.FailureTime).ToList();
                var page = failures.Take(maxResults).ToList();
                var o = new JsonObject
                {
                    ["values"] = new JsonArray(page.Select(f =>
                    {
                        var item = new JsonObject { ["id"] = f.Id };
                        if (f.Body is not null) item["body"] = f.Body;
                        item["url"] = f.Url;
                        item["failureTime"] = f.FailureTime.ToUnixTimeMilliseconds();
                        return (JsonNode?)item;
                    }).ToArray()),
                    ["maxResults"] = maxResults,
                };
                if (failures.Count > page.Count)
                    o["next"] = http.BaseUrl() + "rest/api/" + version + "/webhook/failed?failedAfter=" + page[^1].FailureTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "&maxResults=" + maxResults.ToString(CultureInfo.InvariantCulture);
                return RestIO.Json(o);
            });
        }
    }

    private static JsonObject RenderApp(AppWebhookRecord hook)
    {
        var o = new JsonObject
        {
            ["id"] = hook.Id,
            ["jqlFilter"] = hook.JqlFilter,
            ["events"] = new JsonArray(hook.Events.Select(e => (JsonNode?)e).ToArray()),
            ["expirationDate"] = hook.ExpirationDate.ToUnixTimeMilliseconds(),
            ["url"] = hook.Url,
        };
        if (hook.FieldIdsFilter is not null) o["fieldIdsFilter"] = new JsonArray(hook.FieldIdsFilter.Select(f => (JsonNode?)f).ToArray());
        if (hook.IssuePropertyKeysFilter is not null) o["issuePropertyKeysFilter"] = new JsonArray(hook.IssuePropertyKeysFilter.Select(f => (JsonNode?)f).ToArray());
        return o;
    }

    private static List<long> ReadIds(JsonObject body) =>
        body["webhookIds"] is JsonArray ids
            ? ids.Select(SandboxStore.ReadId).OfType<string>().Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList()
            : throw JiraRestException.Field("webhookIds", "webhookIds is required.");

    /// <summary>Checks one dynamic webhook against what Jira accepts: its events and its JQL subset.</summary>
    private static List<string> Validate(JsonObject? details)
    {
        var errors = new List<string>();
        if (details?["events"] is not JsonArray events || events.Count == 0)
        {
            errors.Add("At least one event is required.");
            return errors;
        }
        foreach (var e in events.Select(e => (string?)e))
            if (e is null || !AppEvents.Contains(e, StringComparer.Ordinal)) errors.Add($"The event {e} is unsupported");
        var jql = (string?)details["jqlFilter"];
        if (string.IsNullOrWhiteSpace(jql))
        {
            errors.Add("The JQL filter is required.");
            return errors;
        }
        try
        {
            var statement = JqlParser.Parse(jql);
            if (statement.OrderBy.Count > 0) errors.Add("The ORDER BY clause is unsupported");
            if (statement.Where is { } where) CheckClause(where, errors);
        }
        catch (JqlException e)
        {
            errors.AddRange(e.ErrorMessages);
        }
        return errors;
    }

    private static void CheckClause(JqlClause clause, List<string> errors)
    {
        switch (clause)
        {
            case JqlAndClause and: foreach (var c in and.Clauses) CheckClause(c, errors); break;
            case JqlOrClause or: foreach (var c in or.Clauses) CheckClause(c, errors); break;
            case JqlNotClause not: CheckClause(not.Clause, errors); break;
            case JqlTerminalClause terminal:
                var name = terminal.Field.Text;
                // cf[id] is accepted for the epic label only; the sandbox has none, so any cf[id] is refused.
                if (terminal.Field.CustomFieldId is not null || !AppJqlFields.Contains(name.ToLowerInvariant(), StringComparer.Ordinal))
                    errors.Add($"The clause {name} is unsupported");
                else if (terminal.Operator is not (JqlOperator.Equals or JqlOperator.NotEquals or JqlOperator.In or JqlOperator.NotIn))
                    errors.Add($"The operator '{terminal.Operator.Display()}' is unsupported");
                break;
        }
    }
    private const string Dc10Filters = "FILTERS";
    private const string Dc10Secret = "SECRET";
    private const string Dc10ExcludeBody = "EXCLUDE_BODY";
    private const string Dc10SecretMask = "********";

    /// <summary>A DC 10 <c>RestWebhook</c>: the secret is write-only, so <c>configuration.SECRET</c> shows a mask.</summary>
    private static JsonObject RenderDc10(string self, AdminWebhookRecord hook)
    {
        var configuration = new JsonObject { [Dc10ExcludeBody] = hook.ExcludeBody ? "true" : "false" };
        if (hook.JqlFilter is not null) configuration[Dc10Filters] = hook.JqlFilter;
        if (hook.Secret is not null) configuration[Dc10Secret] = Dc10SecretMask;
        return new JsonObject
        {
            ["id"] = hook.Id,
            ["self"] = self,
            ["name"] = hook.Name,
            ["url"] = hook.Url,
            ["events"] = new JsonArray(hook.Events.Select(e => (JsonNode?)e).ToArray()),
            ["active"] = hook.Enabled,
            ["scopeType"] = "global",
            ["configuration"] = configuration,
            ["sslVerificationRequired"] = hook.SslVerificationRequired,
            ["createdDate"] = hook.Created.ToUnixTimeMilliseconds(),
            ["updatedDate"] = hook.LastUpdated.ToUnixTimeMilliseconds(),
        };
    }

    private static void ApplyDc10(AdminWebhookRecord hook, JsonObject body)
    {
        if (body["active"] is JsonValue active) hook.Enabled = active.GetValue<bool>();
        if (body["sslVerificationRequired"] is JsonValue ssl) hook.SslVerificationRequired = ssl.GetValue<bool>();
        if (body["configuration"] is not JsonObject configuration) return;
        hook.JqlFilter = (string?)configuration[Dc10Filters] is { Length: > 0 } jql ? jql : null;
        hook.ExcludeBody = string.Equals((string?)configuration[Dc10ExcludeBody], "true", StringComparison.OrdinalIgnoreCase);
        // Omitted or echoed back masked keeps the secret; an empty one removes it.
        if (configuration.ContainsKey(Dc10Secret) && (string?)configuration[Dc10Secret] is var secret && secret != Dc10SecretMask)
            hook.Secret = secret is { Length: > 0 } ? secret : null;
    }
}
