using System.Text;
using JiraSdk.Auth;
using Microsoft.Kiota.Abstractions;

namespace JiraSdk.Tests.Auth;

public class BasicAndPersonalAccessTokenTests
{
    [Test]
    public async Task Basic_encodes_user_and_non_ascii_secret_as_utf8()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://x.atlassian.net/rest/api/3/myself");

        await JiraAuthentication.Basic("jürgen@example.com", "pässwörd ✓:colon").AuthenticateAsync(request, CancellationToken.None);

        Assert.That(request.Headers.Authorization!.Scheme, Is.EqualTo("Basic"));
        Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)), Is.EqualTo("jürgen@example.com:pässwörd ✓:colon"));
    }

    [Test]
    public async Task Personal_access_token_is_a_bearer_token()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://jira.example.com/rest/api/2/myself");

        await JiraAuthentication.PersonalAccessToken("NjM4Mzk2NTc4OTk0Ok").AuthenticateAsync(request, CancellationToken.None);

        Assert.That(request.Headers.Authorization!.ToString(), Is.EqualTo("Bearer NjM4Mzk2NTc4OTk0Ok"));
    }

    [Test]
    public async Task Kiota_requests_get_the_same_header()
    {
        var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri("https://x.atlassian.net/rest/api/3/myself") };
        request.Headers.Add("Authorization", "stale");

        await JiraAuthentication.Basic("me@example.com", "token").AuthenticateRequestAsync(request);

        Assert.That(request.Headers["Authorization"], Is.EqualTo(new[] { "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("me@example.com:token")) }));
        Assert.That(request.URI, Is.EqualTo(new Uri("https://x.atlassian.net/rest/api/3/myself")));
    }

    [Test]
    public void ToString_never_shows_the_secret()
    {
        Assert.That(JiraAuthentication.Basic("me@example.com", "api-token-123").ToString(), Does.Contain("me@example.com").And.Not.Contain("api-token-123"));
        Assert.That(JiraAuthentication.PersonalAccessToken("pat-456").ToString(), Does.Not.Contain("pat-456"));
    }

    [Test]
    public void Bad_input_is_refused_with_a_typed_error()
    {
        Assert.That(() => JiraAuthentication.Basic("", "x"), Throws.TypeOf<JiraCredentialsException>());
        Assert.That(() => JiraAuthentication.Basic("a:b", "x"), Throws.TypeOf<JiraCredentialsException>().With.Message.Contains("':'"));
        Assert.That(() => JiraAuthentication.Basic("a", ""), Throws.TypeOf<JiraCredentialsException>());
        Assert.That(() => JiraAuthentication.Basic(null!, "x"), Throws.ArgumentNullException);
        Assert.That(() => JiraAuthentication.PersonalAccessToken(""), Throws.TypeOf<JiraCredentialsException>());
        Assert.That(() => JiraAuthentication.PersonalAccessToken("abc\n"), Throws.TypeOf<JiraCredentialsException>().With.Message.Not.Contain("abc"));
    }
}
