using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.Raw;

namespace JiraSdk.Webhooks.Registration;

/// <summary>
/// Makes an admin webhook exist exactly once: finds it by name and by URL in the site's list, creates it when missing,
/// updates it when its name, URL, events, JQL or state differ, and removes duplicates (other webhooks with the same name
/// or the same URL), so registering a URL again never makes a second webhook for it. Picks the API from
/// <c>serverInfo</c>: <c>/rest/webhooks/1.0/webhook</c> on Cloud and Data Center up to 9.x,
/// <c>/rest/jira-webhook/1.0/webhooks</c> on 10+. No spec describes these paths, so the calls go through
/// <see cref="JiraClient"/>'s universal request (same pipeline: retries, error mapping, credentials).
/// </summary>
public sealed class AdminWebhookRegistrar
{
    private const string V1Path = "rest/webhooks/1.0/webhook";
    private const string Dc10Path = "rest/jira-webhook/1.0/webhooks";
    private const string V1JqlKey = "issue-related-events-section";
    // JRA-78733: DC 10 ignores top-level filters and secret; they go into "configuration". The JQL key is not documented.
    private const string Dc10JqlKey = "FILTERS";
    private const string Dc10SecretKey = "SECRET";
    private readonly JiraClient _jira;
    private AdminWebhookApi? _api;

    /// <summary>Creates a registrar.</summary>
    /// <param name="jira">A client authenticated as a Jira administrator.</param>
    public AdminWebhookRegistrar(JiraClient jira) => _jira = jira ?? throw new ArgumentNullException(nameof(jira));

    /// <summary>Finds out which admin webhook API the site has, from <c>GET /rest/api/2/serverInfo</c> (asked once).</summary>
    public async Task<AdminWebhookApi> DetectApiAsync(CancellationToken cancellationToken)
    {
        if (_api is { } known) return known;
        var info = await SendAsync(HttpMethod.Get, "rest/api/2/serverInfo", null, cancellationToken).ConfigureAwait(false)
            ?? throw new JiraWebhookRegistrationException("Jira's serverInfo answer was empty.");
        var deployment = JsonRead.String(info, "deploymentType");
        var major = info.TryGetProperty("versionNumbers", out var numbers) && numbers.ValueKind == JsonValueKind.Array && numbers.GetArrayLength() > 0
            && numbers[0].TryGetInt32(out var first)
            ? first
            : int.TryParse((JsonRead.String(info, "version") ?? "").Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var api = !string.Equals(deployment, "Cloud", StringComparison.OrdinalIgnoreCase) && major >= 10
            ? AdminWebhookApi.DataCenter10
            : AdminWebhookApi.WebhooksV1;
        _api = api;
        return api;
    }

    /// <summary>
    /// Creates or updates the webhook so that exactly one matches <paramref name="definition"/>: one found by name or by URL
    /// is updated (or left as it is), never duplicated.
    /// </summary>
    /// <param name="definition">The webhook wanted.</param>
    /// <param name="forceUpdate">Send the definition even when nothing visible changed, e.g. to rotate the secret.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<AdminWebhookRegistration> EnsureAsync(AdminWebhookDefinition definition, bool forceUpdate = false, CancellationToken cancellationToken = default)
    {
        if (definition is null) throw new ArgumentNullException(nameof(definition));
        var api = await DetectApiAsync(cancellationToken).ConfigureAwait(false);
        var matches = await FindAsync(api, definition, cancellationToken).ConfigureAwait(false);
        var body = BuildBody(api, definition);

        if (matches.Count == 0)
        {
            var created = await SendAsync(HttpMethod.Post, CollectionPath(api), body, cancellationToken).ConfigureAwait(false);
            var id = created is { } c ? IdOf(c) : null;
            if (id is null)
            {
                // Some versions answer without a body; the list then has it.
                id = (await FindAsync(api, definition, cancellationToken).ConfigureAwait(false)).Select(m => m.Id).FirstOrDefault()
                    ?? throw new JiraWebhookRegistrationException($"Jira created webhook '{definition.Name}' but did not say its id.");
            }
            return new AdminWebhookRegistration(id, api, AdminWebhookChange.Created);
        }

        var keep = matches[0];
        foreach (var duplicate in matches.Skip(1))
            await SendAsync(HttpMethod.Delete, ItemPath(api, duplicate.Id), null, cancellationToken).ConfigureAwait(false);

        if (!forceUpdate && IsUpToDate(api, keep.Json, definition))
            return new AdminWebhookRegistration(keep.Id, api, AdminWebhookChange.Unchanged);
        await SendAsync(HttpMethod.Put, ItemPath(api, keep.Id), body, cancellationToken).ConfigureAwait(false);
        return new AdminWebhookRegistration(keep.Id, api, AdminWebhookChange.Updated);
    }

    /// <summary>Deletes every webhook that <paramref name="definition"/> identifies (by name or by URL); returns how many were deleted.</summary>
    public async Task<int> RemoveAsync(AdminWebhookDefinition definition, CancellationToken cancellationToken = default)
    {
        if (definition is null) throw new ArgumentNullException(nameof(definition));
        var api = await DetectApiAsync(cancellationToken).ConfigureAwait(false);
        var matches = await FindAsync(api, definition, cancellationToken).ConfigureAwait(false);
        foreach (var match in matches)
            await SendAsync(HttpMethod.Delete, ItemPath(api, match.Id), null, cancellationToken).ConfigureAwait(false);
        return matches.Count;
    }

    /// <summary>The site's admin webhooks, as Jira lists them (the API from <see cref="DetectApiAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<IReadOnlyList<AdminWebhook>> ListAsync(CancellationToken cancellationToken = default)
    {
        var api = await DetectApiAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync(api, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the admin webhook with id <paramref name="webhookId"/>.</summary>
    /// <param name="webhookId">The id (see <see cref="ListAsync(CancellationToken)"/>).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="Errors.JiraNotFoundException">No webhook has that id.</exception>
    public async Task DeleteAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(webhookId)) throw new ArgumentException("A webhook id is required.", nameof(webhookId));
        var api = await DetectApiAsync(cancellationToken).ConfigureAwait(false);
        await SendAsync(HttpMethod.Delete, ItemPath(api, webhookId.Trim()), null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<AdminWebhook>> ListAsync(AdminWebhookApi api, CancellationToken cancellationToken)
    {
        var list = await SendAsync(HttpMethod.Get, CollectionPath(api), null, cancellationToken).ConfigureAwait(false);
        return JsonRead.Items(list).Select(item => (Id: IdOf(item), Json: item)).Where(w => w.Id is not null)
            .Select(w => new AdminWebhook(w.Id!, api, w.Json)).ToList();
    }

    /// <summary>The webhooks <paramref name="definition"/> identifies: those with its name first, then those with its URL.</summary>
    private async Task<IReadOnlyList<AdminWebhook>> FindAsync(AdminWebhookApi api, AdminWebhookDefinition definition, CancellationToken cancellationToken)
    {
        var all = await ListAsync(api, cancellationToken).ConfigureAwait(false);
        return all.Where(w => string.Equals(w.Name, definition.Name, StringComparison.Ordinal))
            .Concat(all.Where(w => AppWebhookRegistrar.SameUrl(w.Url, definition.Url)))
            .Distinct()
            .ToList();
    }

    private async Task<JsonElement?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var options = new JiraRequestOptions();
        if (body is not null) options.WithJsonBody(body);
        using var document = await _jira.SendAsync(method, path, options, cancellationToken).ConfigureAwait(false);
        return document?.RootElement.Clone();
    }

    private static JsonObject BuildBody(AdminWebhookApi api, AdminWebhookDefinition definition)
    {
        var events = JsonRead.ArrayOf(definition.Events);
        if (api == AdminWebhookApi.WebhooksV1)
        {
            var body = new JsonObject
            {
                ["name"] = definition.Name,
                ["url"] = definition.Url,
                ["events"] = events,
                ["filters"] = new JsonObject { [V1JqlKey] = definition.JqlFilter ?? "" },
                ["excludeBody"] = false,
                ["enabled"] = definition.Enabled,
            };
            if (!string.IsNullOrEmpty(definition.Secret)) body["secret"] = definition.Secret;
            return body;
        }

        var configuration = new JsonObject { ["EXCLUDE_BODY"] = "false" };
        if (!string.IsNullOrEmpty(definition.JqlFilter)) configuration[Dc10JqlKey] = definition.JqlFilter;
        if (!string.IsNullOrEmpty(definition.Secret)) configuration[Dc10SecretKey] = definition.Secret;
        return new JsonObject
        {
            ["name"] = definition.Name,
            ["url"] = definition.Url,
            ["events"] = events,
            ["active"] = definition.Enabled,
            ["scopeType"] = "global",
            ["configuration"] = configuration,
            ["sslVerificationRequired"] = true,
        };
    }

    private static bool IsUpToDate(AdminWebhookApi api, JsonElement existing, AdminWebhookDefinition definition)
    {
        if (!string.Equals(JsonRead.String(existing, "name"), definition.Name, StringComparison.Ordinal)) return false;
        if (!string.Equals(JsonRead.String(existing, "url"), definition.Url, StringComparison.Ordinal)) return false;
        if (!JsonRead.SameSet(JsonRead.Strings(existing, "events"), definition.Events)) return false;
        // The two APIs keep the same three facts in different places. The secret itself is write-only: V1's "isSigned"
        // at least tells whether one is set, and DC10 lists the configured key.
        string jql;
        bool? enabled;
        bool hasSecret;
        if (api == AdminWebhookApi.WebhooksV1)
        {
            jql = existing.TryGetProperty("filters", out var filters) ? JsonRead.String(filters, V1JqlKey) ?? "" : "";
            enabled = JsonRead.Boolean(existing, "enabled");
            hasSecret = JsonRead.Boolean(existing, "isSigned") != false;
        }
        else
        {
            var configuration = existing.TryGetProperty("configuration", out var c) ? c : default;
            jql = JsonRead.String(configuration, Dc10JqlKey) ?? "";
            enabled = JsonRead.Boolean(existing, "active");
            hasSecret = JsonRead.String(configuration, Dc10SecretKey) is not null;
        }
        return string.Equals(jql.Trim(), (definition.JqlFilter ?? "").Trim(), StringComparison.Ordinal)
            && (enabled ?? true) == definition.Enabled
            && (string.IsNullOrEmpty(definition.Secret) || hasSecret);
    }

    private static string? IdOf(JsonElement webhook)
    {
        if (JsonRead.String(webhook, "id") is { Length: > 0 } id) return id;
        // The 1.0 API identifies a webhook only by its self link, ending in the id.
        var self = JsonRead.String(webhook, "self");
        if (string.IsNullOrEmpty(self)) return null;
        var last = self!.TrimEnd('/').Split('/').Last();
        return last.Length > 0 ? last : null;
    }

    private static string CollectionPath(AdminWebhookApi api) => api == AdminWebhookApi.WebhooksV1 ? V1Path : Dc10Path;

    private static string ItemPath(AdminWebhookApi api, string id) => CollectionPath(api) + "/" + Uri.EscapeDataString(id);
}
