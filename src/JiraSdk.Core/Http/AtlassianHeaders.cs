namespace JiraSdk.Http;

/// <summary>Headers Jira requires beyond what the OpenAPI documents declare.</summary>
internal static class AtlassianHeaders
{
    /// <summary>The XSRF opt-out header; Jira answers multipart uploads without it with 403 "XSRF check failed".</summary>
    public const string XsrfToken = "X-Atlassian-Token";

    /// <summary>Marks a multipart request as a deliberate API call so Jira's XSRF check lets it through.</summary>
    public static void DisableXsrfCheckForMultipart(HttpRequestMessage request)
    {
        if (request.Content is MultipartContent && !request.Headers.Contains(XsrfToken))
            request.Headers.TryAddWithoutValidation(XsrfToken, "no-check");
    }
}
