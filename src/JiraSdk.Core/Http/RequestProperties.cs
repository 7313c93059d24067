namespace JiraSdk.Http;

/// <summary>Per-request switches that travel with an <see cref="HttpRequestMessage"/> through the pipeline.</summary>
internal static class RequestProperties
{
    /// <summary>Set on a request whose caller wants the raw response even when it is an error.</summary>
    private const string ReturnErrorResponsesKey = "JiraSdk.ReturnErrorResponses";

    public static void ReturnErrorResponses(this HttpRequestMessage request) => Set(request, ReturnErrorResponsesKey, true);

    public static bool WantsErrorResponses(this HttpRequestMessage request) => Get(request, ReturnErrorResponsesKey) is true;

    /// <summary>Set on a request whose caller reads the body as a stream (a download): the pipeline must not buffer it.</summary>
    private const string StreamResponseBodyKey = "JiraSdk.StreamResponseBody";

    public static void StreamResponseBody(this HttpRequestMessage request) => Set(request, StreamResponseBodyKey, true);

    public static bool WantsStreamedResponseBody(this HttpRequestMessage request) => Get(request, StreamResponseBodyKey) is true;

    /// <summary>Set on a redirect hop that left the origin of the request: no handler may add credentials to it, or later hops.</summary>
    private const string WithoutCredentialsKey = "JiraSdk.WithoutCredentials";

    public static void SendWithoutCredentials(this HttpRequestMessage request) => Set(request, WithoutCredentialsKey, true);

    public static bool MustGoWithoutCredentials(this HttpRequestMessage request) => Get(request, WithoutCredentialsKey) is true;

    /// <summary>
    /// Marks a request the route step found outside where the credentials go, and takes off any it already carries (a
    /// same-origin redirect hop copies the previous hop's <c>Authorization</c>).
    /// </summary>
    public static void WithdrawCredentials(this HttpRequestMessage request)
    {
        request.SendWithoutCredentials();
        request.Headers.Authorization = null;
    }

    /// <summary>Set by the route step once the request points where its credentials are accepted.</summary>
    private const string RoutedKey = "JiraSdk.Routed";

    public static void MarkRouted(this HttpRequestMessage request) => Set(request, RoutedKey, true);

    public static bool WasRouted(this HttpRequestMessage request) => Get(request, RoutedKey) is true;

    /// <summary>
    /// The path template a request was built from (<c>rest/api/3/issue/{issueIdOrKey}</c>), set by the generated clients
    /// and by the universal request when its path has placeholders: the rate-limit governor keys endpoints by it, as Jira
    /// counts them.
    /// </summary>
    private const string PathTemplateKey = "JiraSdk.PathTemplate";

    public static void SetPathTemplate(this HttpRequestMessage request, string template) => Set(request, PathTemplateKey, template);

    public static string? PathTemplateOf(this HttpRequestMessage request) => Get(request, PathTemplateKey) as string;

    /// <summary>The endpoint the rate-limit governor counted a request under, kept so the route step moving it to the gateway changes nothing.</summary>
    private const string RateLimitEndpointKey = "JiraSdk.RateLimitEndpoint";

    public static void SetRateLimitEndpoint(this HttpRequestMessage request, string endpoint) => Set(request, RateLimitEndpointKey, endpoint);

    public static string? RateLimitEndpointOf(this HttpRequestMessage request) => Get(request, RateLimitEndpointKey) as string;

    private static void Set(HttpRequestMessage request, string key, object value)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<object>(key), value);
#else
        request.Properties[key] = value;
#endif
    }

    private static object? Get(HttpRequestMessage request, string key)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<object>(key), out var value) ? value : null;
#else
        return request.Properties.TryGetValue(key, out var value) ? value : null;
#endif
    }
}
