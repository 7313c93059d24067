namespace JiraSdk.Http;

/// <summary>
/// Adds the SDK's product token (<c>JiraSdk/version</c>) to <c>User-Agent</c>, after the application's own token, once per
/// request: retries send the same request again and redirect hops copy it, so neither adds a second one.
/// </summary>
/// <remarks>
/// Replaces Kiota's UserAgentHandler, which parses the header, enumerates it through LINQ, builds a new
/// <c>ProductInfoHeaderValue</c> and looks up its options on every attempt. The token is added as text, so it is never
/// parsed or formatted again on the way to the wire.
/// </remarks>
internal sealed class UserAgentHandler : PipelineHandler
{
    private static readonly string Product = "JiraSdk/" + JiraHttpPipeline.SdkVersion;

    protected override ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.HasSdkUserAgent())
        {
            request.Headers.TryAddWithoutValidation("User-Agent", Product);
            request.MarkSdkUserAgent();
        }
        return SendInnerAsync(request, cancellationToken);
    }
}
