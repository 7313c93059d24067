using System.Text.Json;
using JiraSdk.Auth;

namespace JiraSdk.Http;

/// <summary>
/// Sends a site's requests through Atlassian's API gateway, <c>{gateway}/ex/jira/{cloudId}/…</c>, as scoped API tokens
/// require (Basic authentication; the site itself answers 401 to them). The cloud id is the configured one, or read once
/// from <c>{site}/_edge/tenant_info</c> (unauthenticated, <c>{"cloudId":"…"}</c>); a failed lookup is tried again on the
/// next call rather than remembered.
/// </summary>
internal sealed class ApiGatewayRoute
{
    private readonly Uri _site;
    private readonly Uri _gateway;
    private readonly SemaphoreSlim _lookup = new(1, 1);
    private string? _cloudId;

    public ApiGatewayRoute(Uri site, Uri gateway, string? cloudId)
    {
        if (!site.IsAbsoluteUri) throw new ArgumentException("The site URL must be absolute.", nameof(site));
        if (gateway is null || !gateway.IsAbsoluteUri) throw new JiraCredentialsException("The API gateway base URL must be absolute, e.g. https://api.atlassian.com.");
        _site = WithTrailingSlash(site);
        _gateway = WithTrailingSlash(gateway);
        _cloudId = string.IsNullOrWhiteSpace(cloudId) ? null : cloudId!.Trim();
    }

    /// <summary><c>{site}/_edge/tenant_info</c>.</summary>
    public Uri TenantInfoUrl => new(_site, "_edge/tenant_info");

    /// <summary>Whether <paramref name="uri"/> points at the site (and so must be moved to the gateway).</summary>
    public bool IsSiteRequest(Uri uri) =>
        uri.IsAbsoluteUri && RequestDescription.SameOrigin(uri, _site)
        && uri.AbsolutePath.StartsWith(_site.AbsolutePath, StringComparison.Ordinal)
        && !(RequestDescription.SameOrigin(uri, _gateway) && uri.AbsolutePath.StartsWith(_gateway.AbsolutePath, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="uri"/> points at the gateway's origin (any path).</summary>
    public bool IsGatewayOrigin(Uri uri) => uri.IsAbsoluteUri && RequestDescription.SameOrigin(uri, _gateway);

    /// <summary>
    /// Whether <paramref name="uri"/> is on this route, <c>{gateway}/ex/jira/{cloudId}/…</c> for the site's cloud id, the
    /// only place on the gateway the credentials may go. <c>false</c> while the cloud id is not known yet.
    /// </summary>
    public bool IsRouteRequest(Uri uri) =>
        Volatile.Read(ref _cloudId) is { } cloudId && IsGatewayOrigin(uri)
        && uri.AbsolutePath.StartsWith(_gateway.AbsolutePath + "ex/jira/" + Uri.EscapeDataString(cloudId) + "/", StringComparison.Ordinal);

    /// <summary><c>{site}/rest/api/3/myself?x=1</c> → <c>{gateway}/ex/jira/{cloudId}/rest/api/3/myself?x=1</c>.</summary>
    public Uri MapToGateway(Uri siteRequest, string cloudId) =>
        new(_gateway.AbsoluteUri + "ex/jira/" + Uri.EscapeDataString(cloudId) + "/"
            + siteRequest.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped).Substring(_site.AbsolutePath.Length));

    /// <summary>The cloud id, looked up once through <paramref name="send"/> (the pipeline below the route step).</summary>
    public async ValueTask<string> GetCloudIdAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cloudId) is { } known) return known;
        await _lookup.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cloudId is { } found) return found;
            var cloudId = await LookUpAsync(send, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _cloudId, cloudId);
            return cloudId;
        }
        finally
        {
            _lookup.Release();
        }
    }

    private async Task<string> LookUpAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TenantInfoUrl);
        request.SendWithoutCredentials(); // the endpoint is public; the token is only ever sent to the gateway
        request.MarkRouted();
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await send(request, cancellationToken).ConfigureAwait(false);
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var fix = $"; set JiraClientOptions.CloudId to the site's cloud id to skip the lookup";
        if (!response.IsSuccessStatusCode)
            throw new JiraCredentialsException($"Reading the cloud id of {_site.GetLeftPart(UriPartial.Authority)} from /_edge/tenant_info failed with HTTP {(int)response.StatusCode}{fix}.");
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("cloudId", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 } cloudId)
                return cloudId;
        }
        catch (JsonException)
        {
            // reported below, with the same advice
        }
        throw new JiraCredentialsException($"{_site.GetLeftPart(UriPartial.Authority)}/_edge/tenant_info did not answer a JSON object with a cloudId{fix}.");
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
}
