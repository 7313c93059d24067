namespace JiraSdk.Http;

/// <summary>Per-request switches that travel with an <see cref="HttpRequestMessage"/> through the pipeline.</summary>
internal static class RequestProperties
{
    /// <summary>Set on a request whose caller wants the raw response even when it is an error.</summary>
    private const string ReturnErrorResponsesKey = "JiraSdk.ReturnErrorResponses";

    public static void ReturnErrorResponses(this HttpRequestMessage request) => Set(request, ReturnErrorResponsesKey, True);

    public static bool WantsErrorResponses(this HttpRequestMessage request) => Get(request, ReturnErrorResponsesKey) is true;

    /// <summary>Set on a request whose caller reads the body as a stream (a download): the pipeline must not buffer it.</summary>
    private const string StreamResponseBodyKey = "JiraSdk.StreamResponseBody";

    public static void StreamResponseBody(this HttpRequestMessage request) => Set(request, StreamResponseBodyKey, True);

    public static bool WantsStreamedResponseBody(this HttpRequestMessage request) => Get(request, StreamResponseBodyKey) is true;

    /// <summary>Set on a redirect hop that left the origin of the request: no handler may add credentials to it, or later hops.</summary>
    private const string WithoutCredentialsKey = "JiraSdk.WithoutCredentials";

    public static void SendWithoutCredentials(this HttpRequestMessage request) => Set(request, WithoutCredentialsKey, True);

    public static bool MustGoWithoutCredentials(this HttpRequestMessage request) => Get(request, WithoutCredentialsKey) is true;

    /// <summary>Set by the route step once the request points where its credentials are accepted.</summary>
    private const string RoutedKey = "JiraSdk.Routed";

    public static void MarkRouted(this HttpRequestMessage request) => Set(request, RoutedKey, True);

    public static bool WasRouted(this HttpRequestMessage request) => Get(request, RoutedKey) is true;

    /// <summary>Set once the SDK's product token is in the request's <c>User-Agent</c>.</summary>
    private const string SdkUserAgentKey = "JiraSdk.UserAgent";

    public static void MarkSdkUserAgent(this HttpRequestMessage request) => Set(request, SdkUserAgentKey, True);

    public static bool HasSdkUserAgent(this HttpRequestMessage request) => Get(request, SdkUserAgentKey) is true;

    private static readonly object True = true; // boxed once, not on every request

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
