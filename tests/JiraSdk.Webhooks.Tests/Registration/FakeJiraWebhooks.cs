using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace JiraSdk.Webhooks.Tests.Registration;

/// <summary>
/// A Jira site faked with MockHttp that stores admin webhooks, so registrations can be observed across "restarts", on
/// both admin APIs (the sandbox serves one per mode). App webhooks are tested against JiraSandbox.
/// </summary>
internal sealed class FakeJiraWebhooks
{
    public const string Site = "https://acme.atlassian.net/";
    private readonly object _gate = new();
    private long _nextId = 1000;

    public FakeJiraWebhooks(string deploymentType = "Cloud", int majorVersion = 1001)
    {
        Mock.When(HttpMethod.Get, Site + "rest/api/2/serverInfo")
            .Respond("application/json", $$"""{"baseUrl":"{{Site}}","deploymentType":"{{deploymentType}}","versionNumbers":[{{majorVersion}},0,0],"version":"{{majorVersion}}.0.0"}""");

        foreach (var (path, paged) in new[] { ("rest/webhooks/1.0/webhook", false), ("rest/jira-webhook/1.0/webhooks", true) })
        {
            Mock.When(HttpMethod.Get, Site + path).Respond(_ => Json(ListAdmin(path, paged)));
            Mock.When(HttpMethod.Post, Site + path).Respond(request => Json(CreateAdmin(path, Body(request))));
            Mock.When(HttpMethod.Put, Site + path + "/*").Respond(request => Json(UpdateAdmin(path, request)));
            Mock.When(HttpMethod.Delete, Site + path + "/*").Respond(request => { DeleteAdmin(path, request); return new HttpResponseMessage(HttpStatusCode.NoContent); });
        }
    }

    public MockHttpMessageHandler Mock { get; } = new();
    public Dictionary<string, (string Path, JsonObject Body)> AdminWebhooks { get; } = new();
    public List<string> Calls { get; } = new();

    public HttpClient NewHttpClient() => new(Mock) { BaseAddress = new Uri(Site) };

    /// <summary>A JiraClient over the fake (no SDK pipeline; failures still become the SDK's exceptions).</summary>
    public JiraClient NewClient() => new(NewHttpClient());

    public int CallCount(string prefix) { lock (_gate) return Calls.Count(c => c.StartsWith(prefix, StringComparison.Ordinal)); }

    private static JsonObject Body(HttpRequestMessage request) =>
        JsonNode.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult())!.AsObject();

    private static HttpResponseMessage Json(JsonNode node) =>
        new(HttpStatusCode.OK) { Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") };

    private void Record(string call) { lock (_gate) Calls.Add(call); }

    private JsonNode ListAdmin(string path, bool paged)
    {
        Record("GET " + path);
        lock (_gate)
        {
            var values = new JsonArray(AdminWebhooks.Where(w => w.Value.Path == path).Select(w => (JsonNode)Present(path, w.Key, w.Value.Body)).ToArray());
            return paged ? new JsonObject { ["start"] = 0, ["limit"] = 25, ["values"] = values } : values;
        }
    }

    private JsonObject CreateAdmin(string path, JsonObject body)
    {
        Record("POST " + path);
        lock (_gate)
        {
            var id = (++_nextId).ToString();
            AdminWebhooks[id] = (path, body);
            return Present(path, id, body);
        }
    }

    private JsonObject UpdateAdmin(string path, HttpRequestMessage request)
    {
        var id = request.RequestUri!.Segments.Last();
        Record("PUT " + path + "/" + id);
        lock (_gate)
        {
            var body = Body(request);
            // Like Jira, keep the old secret when an update omits it.
            var old = AdminWebhooks[id].Body;
            if (path.Contains("1.0/webhook") && !path.Contains("jira-webhook") && body["secret"] is null && old["secret"] is { } secret)
                body["secret"] = secret.GetValue<string>();
            AdminWebhooks[id] = (path, body);
            return Present(path, id, body);
        }
    }

    private void DeleteAdmin(string path, HttpRequestMessage request)
    {
        var id = request.RequestUri!.Segments.Last();
        Record("DELETE " + path + "/" + id);
        lock (_gate) AdminWebhooks.Remove(id);
    }

    /// <summary>What Jira answers for a stored admin webhook: the 1.0 API has only a self link and hides the secret.</summary>
    private static JsonObject Present(string path, string id, JsonObject body)
    {
        var shown = JsonNode.Parse(body.ToJsonString())!.AsObject();
        if (path == "rest/webhooks/1.0/webhook")
        {
            shown["self"] = Site + path + "/" + id;
            shown["isSigned"] = shown["secret"] is not null;
            shown.Remove("secret");
        }
        else
        {
            shown["id"] = long.Parse(id);
        }
        return shown;
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
