using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace JiraSdk.Testing.Tests;

/// <summary>A raw HttpClient on a sandbox with the administrator's credentials, for tests where the wire matters.</summary>
internal static class SandboxHttp
{
    public static HttpClient Create(JiraSandbox sandbox)
    {
        var http = new HttpClient { BaseAddress = sandbox.SiteUrl };
        http.DefaultRequestHeaders.Authorization = sandbox.Mode == JiraSandboxMode.Cloud
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sandbox.Credentials.Email + ":" + sandbox.Credentials.ApiToken)))
            : new AuthenticationHeaderValue("Bearer", sandbox.Credentials.PersonalAccessToken);
        return http;
    }

    /// <summary>Sends JSON, asserts the status and returns the answer's JSON (an array comes back under <c>"array"</c>).</summary>
    public static async Task<JsonObject> SendJsonAsync(this HttpClient http, HttpMethod method, string path, JsonNode? body = null, int expected = 200)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), text);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) is JsonObject o ? o : new JsonObject { ["array"] = JsonNode.Parse(text) };
    }
}
