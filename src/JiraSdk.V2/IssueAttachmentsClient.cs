using JiraSdk.Http;

namespace JiraSdk.V2;

// Hand-written half of the generated client: the upload needs a header the spec does not declare.
public partial class IssueAttachmentsClient
{
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url) =>
        AtlassianHeaders.DisableXsrfCheckForMultipart(request);
}
