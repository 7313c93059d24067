using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Rendering;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Http;

namespace JiraSdk.Testing.Rest;

/// <summary>Request and response helpers shared by the endpoint groups.</summary>
internal static class RestIO
{
    public const string JsonMediaType = "application/json;charset=UTF-8";
    private const string UserItem = "JiraSandbox.User";
    private const string BaseItem = "JiraSandbox.Base";

    /// <summary>The authenticated caller (set by the authentication middleware); null for anonymous calls.</summary>
    public static UserRecord? User(this HttpContext http) => http.Items[UserItem] as UserRecord;

    public static void SetUser(this HttpContext http, UserRecord? user) => http.Items[UserItem] = user;

    public static UserRecord RequireUser(this HttpContext http) =>
        http.User() ?? throw new JiraRestException(HttpStatusCode.Unauthorized, "You are not authenticated. Authentication required to perform this operation.");

    /// <summary>Sets the base of <c>self</c> links for this request (the OAuth 2.0 gateway prefix, when it came that way).</summary>
    public static void SetBaseUrl(this HttpContext http, string baseUrl) => http.Items[BaseItem] = baseUrl;

    public static string BaseUrl(this HttpContext http) =>
        http.Items[BaseItem] as string ?? $"{http.Request.Scheme}://{http.Request.Host}/";

    public static RenderContext Render(this HttpContext http, int apiVersion, JiraSandboxMode mode) => new(http.BaseUrl(), apiVersion, mode);

    public static IResult Json(JsonNode? node, int status = 200) =>
        Results.Content(node?.ToJsonString() ?? "null", JsonMediaType, Encoding.UTF8, status);

    public static IResult Error(JiraRestException e) => Json(ErrorBody(e.ErrorMessages, e.Errors), (int)e.Status);

    public static JsonObject ErrorBody(IEnumerable<string> messages, IReadOnlyDictionary<string, string>? errors = null)
    {
        var errorObject = new JsonObject();
        if (errors is not null) foreach (var (k, v) in errors) errorObject[k] = v;
        return new JsonObject { ["errorMessages"] = new JsonArray(messages.Select(m => (JsonNode?)m).ToArray()), ["errors"] = errorObject };
    }

    /// <summary>Reads a JSON object body; malformed JSON gets Jira's 400.</summary>
    public static async Task<JsonObject> ReadObjectAsync(this HttpContext http)
    {
        try
        {
            var node = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            return node as JsonObject ?? throw JiraRestException.BadRequest("Can not deserialize instance of the request body out of a non-object token.");
        }
        catch (JsonException e)
        {
            throw JiraRestException.BadRequest("Unexpected character in the request body: " + e.Message);
        }
    }

    public static string? Query(this HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public static IEnumerable<string> QueryAll(this HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var values) ? values.Where(v => v is not null).Select(v => v!) : Array.Empty<string>();

    public static int QueryInt(this HttpContext http, string name, int fallback)
    {
        var text = http.Query(name);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw JiraRestException.BadRequest($"The value '{text}' is invalid for the parameter '{name}'.");
    }

    public static bool QueryBool(this HttpContext http, string name) =>
        string.Equals(http.Query(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An offset page (spec: PageBean…): <c>self</c>, <c>startAt</c>, <c>maxResults</c>, <c>total</c>, <c>isLast</c>, <c>values</c>.</summary>
    public static JsonObject OffsetPage(HttpContext http, IReadOnlyList<JsonNode> all, int startAt, int maxResults)
    {
        startAt = Math.Max(0, startAt);
        var page = all.Skip(startAt).Take(maxResults).Select(n => (JsonNode?)n.DeepClone()).ToArray();
        var o = new JsonObject
        {
            ["self"] = http.BaseUrl() + http.Request.Path.Value!.TrimStart('/') + http.Request.QueryString,
            ["maxResults"] = maxResults,
            ["startAt"] = startAt,
            ["total"] = all.Count,
            ["isLast"] = startAt + page.Length >= all.Count,
            ["values"] = new JsonArray(page),
        };
        return o;
    }
}

/// <summary>Which OAuth 2.0 app a request came from (set by the OAuth 2.0 scheme).</summary>
internal static class OAuthCaller
{
    private const string ClientItem = "JiraSandbox.OAuthClient";

    public static string? OAuthClientId(this HttpContext http) => http.Items[ClientItem] as string;

    public static void SetOAuthClientId(this HttpContext http, string clientId) => http.Items[ClientItem] = clientId;
}
