using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.Errors;

namespace JiraSdk.Webhooks.Registration;

/// <summary>
/// Every HTTP call the registrars make, in one place: today over an <see cref="HttpClient"/> whose base address is the
/// Jira site and whose handlers authenticate; later over JiraClient, by swapping this class only.
/// </summary>
internal sealed class JiraWebhookRestClient
{
    private readonly HttpClient _http;
    private readonly Uri _site;

    public JiraWebhookRestClient(HttpClient http)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        var site = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs its BaseAddress set to the Jira site.", nameof(http));
        // Keep a context path such as https://jira.example.com/jira/ when resolving relative paths.
        _site = site.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? site : new Uri(site.AbsoluteUri + "/");
    }

    public Task<JsonElement?> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonElement?> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonElement?> PutAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, body, cancellationToken);

    public Task<JsonElement?> DeleteAsync(string path, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, body, cancellationToken);

    private async Task<JsonElement?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_site, path.TrimStart('/')));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var headers = response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
            throw new JiraApiException(
                $"Jira answered {(int)response.StatusCode} to {method} {path}.", (int)response.StatusCode, text, headers, null);
        }
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new JiraWebhookRegistrationException($"Jira answered {method} {path} with a body that is not JSON.", innerException: e);
        }
    }
}
