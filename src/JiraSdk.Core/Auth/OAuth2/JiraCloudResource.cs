namespace JiraSdk.Auth;

/// <summary>A site an OAuth 2.0 token can reach, as listed by Atlassian's accessible-resources endpoint.</summary>
public sealed class JiraCloudResource
{
    /// <summary>Creates the resource.</summary>
    /// <param name="id">The cloud id.</param>
    /// <param name="url">The site URL, e.g. <c>https://your-domain.atlassian.net</c>.</param>
    /// <param name="name">The site name.</param>
    /// <param name="scopes">The scopes granted for this site.</param>
    public JiraCloudResource(string id, Uri url, string name, IReadOnlyList<string> scopes)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Url = url ?? throw new ArgumentNullException(nameof(url));
        Name = name ?? string.Empty;
        Scopes = scopes ?? Array.Empty<string>();
    }

    /// <summary>The cloud id used in <c>https://api.atlassian.com/ex/jira/{cloudId}</c>.</summary>
    public string Id { get; }

    /// <summary>The site URL.</summary>
    public Uri Url { get; }

    /// <summary>The site name.</summary>
    public string Name { get; }

    /// <summary>The scopes granted for this site.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The site as "name (url, cloud id id)".</summary>
    public override string ToString() => $"{Name} ({Url.GetLeftPart(UriPartial.Authority)}, cloud id {Id})";
}
