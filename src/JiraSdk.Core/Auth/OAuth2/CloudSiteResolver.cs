namespace JiraSdk.Auth;

/// <summary>
/// Finds the cloud id for OAuth 2.0 requests: the configured one, else the accessible resource whose URL matches the
/// configured site or the request's host, else the only accessible resource. The resource list is fetched once.
/// </summary>
internal sealed class CloudSiteResolver : IDisposable
{
    private readonly string? _configuredCloudId;
    private readonly Uri? _configuredSite;
    private readonly Func<string, CancellationToken, Task<IReadOnlyList<JiraCloudResource>>> _listResources;
    private readonly SemaphoreSlim _lookup = new(1, 1);
    private IReadOnlyList<JiraCloudResource>? _resources;

    internal CloudSiteResolver(string? configuredCloudId, Uri? configuredSite, Func<string, CancellationToken, Task<IReadOnlyList<JiraCloudResource>>> listResources)
    {
        if (configuredSite is not null && !configuredSite.IsAbsoluteUri)
            throw new JiraCredentialsException("The OAuth 2.0 site URL must be absolute, e.g. https://your-domain.atlassian.net.");
        _configuredCloudId = string.IsNullOrWhiteSpace(configuredCloudId) ? null : configuredCloudId!.Trim();
        _configuredSite = configuredSite;
        _listResources = listResources;
    }

    internal async ValueTask<string> GetCloudIdAsync(Uri requestUri, string accessToken, CancellationToken cancellationToken)
    {
        if (_configuredCloudId is not null) return _configuredCloudId;
        var resources = _resources;
        if (resources is null)
        {
            await _lookup.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                resources = _resources ??= await _listResources(accessToken, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _lookup.Release();
            }
        }
        return Select(resources, _configuredSite, requestUri).Id;
    }

    /// <summary>Chooses among the accessible resources; a configured site must match, the request's host may.</summary>
    internal static JiraCloudResource Select(IReadOnlyList<JiraCloudResource> resources, Uri? configuredSite, Uri? requestUri)
    {
        if (resources.Count == 0)
            throw new JiraCloudSiteSelectionException(
                "The OAuth 2.0 token reaches no Jira site: the user has not granted the app access to any site. Authorize the app again and pick a site.", resources);
        if (configuredSite is not null)
        {
            return resources.FirstOrDefault(r => SameSite(r.Url, configuredSite))
                   ?? throw new JiraCloudSiteSelectionException(
                       $"The configured site {Origin(configuredSite)} is not among the sites the OAuth 2.0 token reaches: {List(resources)}. Set the site URL or cloud id to one of them.", resources);
        }
        if (requestUri is { IsAbsoluteUri: true } && resources.FirstOrDefault(r => SameSite(r.Url, requestUri)) is { } byRequestHost)
            return byRequestHost;
        if (resources.Count == 1) return resources[0];
        throw new JiraCloudSiteSelectionException(
            $"The OAuth 2.0 token reaches several Jira sites and none was chosen: {List(resources)}. Set the site URL or cloud id in the options.", resources);
    }

    private static bool SameSite(Uri a, Uri b) => string.Equals(Origin(a), Origin(b), StringComparison.OrdinalIgnoreCase);

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority).TrimEnd('/');

    private static string List(IEnumerable<JiraCloudResource> resources) => string.Join("; ", resources.Select(r => r.ToString()));

    public void Dispose() => _lookup.Dispose();
}
