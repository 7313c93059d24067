namespace JiraSdk.Http;

/// <summary>Per-request switches that travel with an <see cref="HttpRequestMessage"/> through the pipeline.</summary>
/// <remarks>
/// All of them live in one <see cref="State"/> object: in the request itself when the SDK made it
/// (<see cref="JiraRequestMessage"/>), otherwise under one key of the request's options. Each switch under a key of its
/// own grew the options dictionary past its first size on every call (issue 13, item 8, allocations per GET). Reading a
/// switch of a request that has none allocates nothing.
/// </remarks>
internal static class RequestProperties
{
    private const string StateKey = "JiraSdk.Request";

    /// <summary>Set on a request whose caller wants the raw response even when it is an error.</summary>
    public static void ReturnErrorResponses(this HttpRequestMessage request) => StateOf(request).ReturnErrorResponses = true;

    public static bool WantsErrorResponses(this HttpRequestMessage request) => Find(request)?.ReturnErrorResponses == true;

    /// <summary>Set on a request whose caller reads the body as a stream (a download): the pipeline must not buffer it.</summary>
    public static void StreamResponseBody(this HttpRequestMessage request) => StateOf(request).StreamResponseBody = true;

    public static bool WantsStreamedResponseBody(this HttpRequestMessage request) => Find(request)?.StreamResponseBody == true;

    /// <summary>Set on a redirect hop that left the origin of the request: no handler may add credentials to it, or later hops.</summary>
    public static void SendWithoutCredentials(this HttpRequestMessage request) => StateOf(request).WithoutCredentials = true;

    public static bool MustGoWithoutCredentials(this HttpRequestMessage request) => Find(request)?.WithoutCredentials == true;

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
    public static void MarkRouted(this HttpRequestMessage request) => StateOf(request).Routed = true;

    public static bool WasRouted(this HttpRequestMessage request) => Find(request)?.Routed == true;

    /// <summary>
    /// The path template a request was built from (<c>rest/api/3/issue/{issueIdOrKey}</c>), set by the generated clients
    /// and by the universal request when its path has placeholders: the rate-limit governor keys endpoints by it, as Jira
    /// counts them.
    /// </summary>
    public static void SetPathTemplate(this HttpRequestMessage request, string template) => StateOf(request).PathTemplate = template;

    public static string? PathTemplateOf(this HttpRequestMessage request) => Find(request)?.PathTemplate;

    /// <summary>The endpoint the rate-limit governor counted a request under, kept so the route step moving it to the gateway changes nothing.</summary>
    public static void SetRateLimitEndpoint(this HttpRequestMessage request, string endpoint) => StateOf(request).RateLimitEndpoint = endpoint;

    public static string? RateLimitEndpointOf(this HttpRequestMessage request) => Find(request)?.RateLimitEndpoint;

    /// <summary>Set once the SDK's product token is in the request's <c>User-Agent</c>.</summary>
    public static void MarkSdkUserAgent(this HttpRequestMessage request) => StateOf(request).SdkUserAgent = true;

    public static bool HasSdkUserAgent(this HttpRequestMessage request) => Find(request)?.SdkUserAgent == true;

    /// <summary>Where the generated clients report responses that do not match the spec; set by the diagnostics handler.</summary>
    public static void SetSchemaDiagnostics(this HttpRequestMessage request, Serialization.JiraSchemaDiagnostics diagnostics) =>
        StateOf(request).SchemaDiagnostics = diagnostics;

    public static Serialization.JiraSchemaDiagnostics? SchemaDiagnosticsOf(this HttpRequestMessage request) => Find(request)?.SchemaDiagnostics;

    /// <summary>
    /// Gives <paramref name="next"/> (a redirect hop) the options of <paramref name="previous"/>, the SDK's switches as a copy:
    /// a hop that leaves the origin must not mark the request it came from, which a retry may send again.
    /// </summary>
    public static void CopyOptions(HttpRequestMessage previous, HttpRequestMessage next)
    {
#if NET5_0_OR_GREATER
        var options = (IDictionary<string, object?>)next.Options;
        foreach (var option in previous.Options)
            if (option.Key != StateKey) options[option.Key] = option.Value;
#else
        foreach (var property in previous.Properties)
            if (property.Key != StateKey) next.Properties[property.Key] = property.Value;
#endif
        if (Find(previous) is { } state) Attach(next, state.Copy());
    }

    private static State? Find(HttpRequestMessage request)
    {
        if (request is JiraRequestMessage own) return own.Switches;
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<State>(StateKey), out var state) ? state : null;
#else
        return request.Properties.TryGetValue(StateKey, out var state) ? state as State : null;
#endif
    }

    private static State StateOf(HttpRequestMessage request)
    {
        if (Find(request) is { } existing) return existing;
        var state = new State();
        Attach(request, state);
        return state;
    }

    private static void Attach(HttpRequestMessage request, State state)
    {
        if (request is JiraRequestMessage own)
        {
            own.Switches = state;
            return;
        }
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<State>(StateKey), state);
#else
        request.Properties[StateKey] = state;
#endif
    }

    internal sealed class State
    {
        public bool ReturnErrorResponses;
        public bool StreamResponseBody;
        public bool WithoutCredentials;
        public bool Routed;
        public bool SdkUserAgent;
        public string? PathTemplate;
        public string? RateLimitEndpoint;
        public Serialization.JiraSchemaDiagnostics? SchemaDiagnostics;

        public State Copy() => (State)MemberwiseClone();
    }
}
