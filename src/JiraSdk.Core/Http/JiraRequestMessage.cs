namespace JiraSdk.Http;

/// <summary>
/// A request the SDK builds itself (the generated clients, the universal request, redirect hops): it carries the
/// pipeline's switches (<see cref="RequestProperties"/>) in a field of its own, where any other request keeps them in
/// its options. Options are a dictionary made on first use, about 0.2 KB per call (issue 13, item 8).
/// </summary>
internal sealed class JiraRequestMessage : HttpRequestMessage
{
    public JiraRequestMessage()
    {
    }

    public JiraRequestMessage(HttpMethod method, Uri? requestUri) : base(method, requestUri)
    {
    }

    /// <summary>The SDK's switches for this request; null until one is set.</summary>
    internal RequestProperties.State? Switches { get; set; }
}
