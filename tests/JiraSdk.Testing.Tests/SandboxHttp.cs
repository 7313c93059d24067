using System.Net.Http.Headers;
using System.Text;

namespace JiraSdk.Testing.Tests;

/// <summary>A raw HttpClient on a sandbox with the administrator's credentials, for tests where the wire matters.</summary>
internal static class SandboxHttp
{
    public static HttpClient Create(JiraSandbox sandbox)
    {
        var http = new HttpClient { BaseAddress = sandbox.SiteUrl };
        http.DefaultRequestHeaders.Authorization = sandbox.Mode == JiraSandboxMode.Cloud
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sandbox.Credentials.Email + ":" + sandbox.Credentials.ApiToken)))
            : new AuthenticationHeaderValue("Bearer", sandbox.Credentials.PersonalAccessToken);
        return http;
    }
}
