namespace JiraSdk.Auth;

/// <summary>
/// Applies a <see cref="JiraAuthentication"/> to every request that passes through an HttpClient pipeline, and on a 401
/// that the authentication can fix (an OAuth 2.0 token refresh) renews the credentials and sends the request once more.
/// </summary>
/// <remarks>
/// Place it inside any retry and redirect handler, so every attempt and every redirect hop is authenticated afresh
/// (OAuth 1.0a signs the method, URL and a new nonce each time). A hop the SDK's redirect handler marks as leaving the
/// site's origin is sent without credentials.
/// </remarks>
public sealed class JiraAuthenticationHandler : DelegatingHandler
{
    private readonly JiraAuthentication _authentication;
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _sendInner;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or let IHttpClientFactory do it.</summary>
    /// <param name="authentication">The credentials to apply.</param>
    public JiraAuthenticationHandler(JiraAuthentication authentication)
    {
        _authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
        _sendInner = base.SendAsync;
    }

    /// <summary>Creates the handler with the handler that sends the authenticated requests.</summary>
    /// <param name="authentication">The credentials to apply.</param>
    /// <param name="innerHandler">The next handler in the pipeline.</param>
    public JiraAuthenticationHandler(JiraAuthentication authentication, HttpMessageHandler innerHandler) : base(innerHandler)
    {
        _authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
        _sendInner = base.SendAsync;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        return AuthenticatedSend.SendAsync(_authentication, request, new Http.TaskSender(_sendInner), cancellationToken).AsTask();
    }

#if NET5_0_OR_GREATER
    /// <summary>
    /// Refused with <see cref="NotSupportedException"/>: applying the credentials may have to wait (an OAuth 2.0 token
    /// refresh), and <see cref="DelegatingHandler"/>'s own synchronous <c>Send</c> would send the request without them.
    /// </summary>
    /// <exception cref="NotSupportedException">Always; use <c>HttpClient.SendAsync</c>.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("JiraAuthenticationHandler is asynchronous only: use HttpClient.SendAsync (a synchronous Send would go without credentials).");
#endif
}
