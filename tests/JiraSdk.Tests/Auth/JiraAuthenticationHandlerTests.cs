using System.Net;
using System.Text;
using JiraSdk.Auth;
using JiraSdk.Tests.Auth.Support;
using Microsoft.Kiota.Abstractions;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Auth;

public class JiraAuthenticationHandlerTests
{
    [Test]
    public async Task A_401_is_returned_as_is_when_the_credentials_cannot_be_renewed()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("https://jira.example.com/rest/api/2/myself").WithHeaders("Authorization", "Bearer pat").Respond(HttpStatusCode.Unauthorized, "text/plain", "nope");
        using var client = new HttpClient(new JiraAuthenticationHandler(JiraAuthentication.PersonalAccessToken("pat"), mock));

        using var response = await client.GetAsync("https://jira.example.com/rest/api/2/myself");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("nope"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Every_pass_through_the_handler_signs_afresh_so_outer_retries_get_new_nonces()
    {
        var mock = new MockHttpMessageHandler();
        var nonces = new List<string>();
        mock.When("*").Respond(r =>
        {
            var check = OAuth1SignerTests.VerifyOnWire(r, []);
            Assert.That(check.Valid, Is.True, check.Problem);
            nonces.Add(check.OAuthParameters["oauth_nonce"]);
            return new HttpResponseMessage(nonces.Count == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        });
        var auth = new JiraAuthenticationHandler(JiraAuthentication.OAuth1(OAuth1SignerTests.Options(TestKeys.Pkcs8Pem)), mock);
        using var client = new HttpClient(new RetryOnceHandler { InnerHandler = auth });

        using var response = await client.GetAsync("https://jira.example.com/rest/api/2/search?jql=a%20b");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(nonces, Is.EqualTo(new[] { "nonce-1", "nonce-2" }));
    }

    [Test]
    public async Task Kiota_form_requests_are_signed_with_their_body_parameters()
    {
        var request = new RequestInformation { HttpMethod = Method.POST, URI = new Uri("https://jira.example.com/rest/api/2/form?x=%C3%BC") };
        var body = "summary=Gr%C3%BC%C3%9Fe+%26+more&label=a&label=b";
        request.SetStreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)), "application/x-www-form-urlencoded");

        await JiraAuthentication.OAuth1(OAuth1SignerTests.Options(TestKeys.Pkcs8Pem)).AuthenticateRequestAsync(request);

        var header = request.Headers["Authorization"].Single();
        var check = IndependentOAuth1Verifier.Verify("POST", "https", "jira.example.com", "/rest/api/2/form?x=%C3%BC", "application/x-www-form-urlencoded", Encoding.ASCII.GetBytes(body), header, TestKeys.PublicOnly());
        Assert.That(check.Valid, Is.True, check.Problem);
        Assert.That(check.BaseString, Does.Contain("summary%3DGr%25C3%25BC%25C3%259Fe%2520%2526%2520more"));
        Assert.That(new StreamReader(request.Content).ReadToEnd(), Is.EqualTo(body), "the body is still there to send");
    }

    [Test]
    public async Task Handler_order_does_not_matter_for_a_basic_header_already_present()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("*").WithHeaders("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p"))).Respond(HttpStatusCode.OK);
        using var client = new HttpClient(new JiraAuthenticationHandler(JiraAuthentication.Basic("u", "p"), mock));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://x.atlassian.net/rest/api/3/myself");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer leftover");

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        mock.VerifyNoOutstandingExpectation();
    }

    private sealed class RetryOnceHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable) return response;
            response.Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
