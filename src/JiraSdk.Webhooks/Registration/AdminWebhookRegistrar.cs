using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSdk.Webhooks.Registration;

/// <summary>
/// Makes an admin webhook exist exactly once: finds it by name (or URL) in the site's list, creates it when missing,
/// updates it when its URL, events, JQL or state differ, and removes duplicates. Picks the API from <c>serverInfo</c>:
/// <c>/rest/webhooks/1.0/webhook</c> on Cloud and Data Center up to 9.x, <c>/rest/jira-webhook/1.0/webhooks</c> on 10+.
/// </summary>
public sealed class AdminWebhookRegistrar
{
    private const string V1Path = "rest/webhooks/1.0/webhook";
    private const string Dc10Path = "rest/jira-webhook/1.0/webhooks";
    private const string V1JqlKey = "issue-related-events-section";
    // JRA-78733: DC 10 ignores top-level filters and secret; they go into "configuration". The JQL key is not documented.
    private const string Dc10JqlKey = "FILTERS";
    private const string Dc10SecretKey = "SECRET";
    private readonly JiraWebhookRestClient _jira;
    private AdminWebhookApi? _api;

    /// <summary>Creates a registrar.</summary>
    /// <param name="jira">An <see cref="HttpClient"/> whose base address is the Jira site and whose handlers authenticate as a Jira administrator.</param>
    public AdminWebhookRegistrar(HttpClient jira) => _jira = new JiraWebhookRestClient(jira);

    /// <summary>Finds out which admin webhook API the site has, from <c>GET /rest/api/2/serverInfo</c> (asked once).</summary>
    public async Task<AdminWebhookApi> DetectApiAsync(CancellationToken cancellationToken)
    {
        if (_api is { } known) return known;
        var info = await _jira.GetAsync("rest/api/2/serverInfo", cancellationToken).ConfigureAwait(false)
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

    /// <summary>Creates or updates the webhook so that exactly one matches <paramref name="definition"/>.</summary>
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
            var created = await _jira.PostAsync(CollectionPath(api), body, cancellationToken).ConfigureAwait(false);
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
            await _jira.DeleteAsync(ItemPath(api, duplicate.Id), null, cancellationToken).ConfigureAwait(false);

        if (!forceUpdate && IsUpToDate(api, keep.Json, definition))
            return new AdminWebhookRegistration(keep.Id, api, AdminWebhookChange.Unchanged);
        await _jira.PutAsync(ItemPath(api, keep.Id), body, cancellationToken).ConfigureAwait(false);
        return new AdminWebhookRegistration(keep.Id, api, AdminWebhookChange.Updated);
    }

    /// <summary>Deletes every webhook that <paramref name="definition"/> identifies; returns how many were deleted.</summary>
    public async Task<int> RemoveAsync(AdminWebhookDefinition definition, CancellationToken cancellationToken = default)
    {
        if (definition is null) throw new ArgumentNullException(nameof(definition));
        var api = await DetectApiAsync(cancellationToken).ConfigureAwait(false);
        var matches = await FindAsync(api, definition, cancellationToken).ConfigureAwait(false);
        foreach (var match in matches)
            await _jira.DeleteAsync(ItemPath(api, match.Id), null, cancellationToken).ConfigureAwait(false);
        return matches.Count;
    }

    private async Task<IReadOnlyList<(string Id, JsonElement Json)>> FindAsync(AdminWebhookApi api, AdminWebhookDefinition definition, CancellationToken cancellationToken)
    {
        var list = await _jira.GetAsync(CollectionPath(api), cancellationToken).ConfigureAwait(false);
        var all = JsonRead.Items(list).Select(item => (Id: IdOf(item), Json: item)).Where(w => w.Id is not null).Select(w => (w.Id!, w.Json)).ToList();
        var byName = all.Where(w => string.Equals(JsonRead.String(w.Json, "name"), definition.Name, StringComparison.Ordinal)).ToList();
        return byName.Count > 0
            ? byName
            : all.Where(w => string.Equals(JsonRead.String(w.Json, "url"), definition.Url, StringComparison.Ordinal)).Take(1).ToList();
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
