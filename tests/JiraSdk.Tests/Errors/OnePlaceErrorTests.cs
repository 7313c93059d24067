using System.Net;
using System.Text;
using JiraSdk.Errors;
using JiraSdk.Raw;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Errors;

/// <summary>
/// Errors are raised in one place (issue 13, items 4 and 6): a response gives the same exception type through JiraClient's
/// pipeline and through a generated client over a plain HttpClient; failed logins that look like success do not pass.
/// </summary>
public class OnePlaceErrorTests
{
    private const string LoginPage = "<!DOCTYPE html><html><head><title>Log in - Jira</title></head><body><form action=\"/login.jsp\"><input name=\"os_username\"><input type=\"password\" name=\"os_password\"></form></body></html>";

    private static MockHttpMessageHandler Network(string url, Func<HttpResponseMessage> respond)
    {
        var network = new MockHttpMessageHandler();
        network.When(url).Respond(_ => respond());
        return network;
    }

    /// <summary>The same canned response, once through JiraClient's pipeline and once through a plain HttpClient.</summary>
    private static IEnumerable<(string Route, JiraSdk.V3.JiraApiV3 Api, IDisposable Owner)> BothRoutes(string url, Func<HttpResponseMessage> respond)
    {
        var jira = new JiraClient(TestPipeline.Create(Network(url, respond), new FakeTimeProvider(), TestPipeline.NoJitterRetry(maxAttempts: 1)));
        yield return ("JiraClient", jira.V3, jira);
        var plain = new HttpClient(Network(url, respond)) { BaseAddress = TestPipeline.Site };
        yield return ("plain HttpClient", new JiraSdk.V3.JiraApiV3(plain), plain);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Test]
    public void TheSame400IsTheSameTypeThroughJiraClientAndAPlainHttpClient()
    {
        foreach (var (route, api, owner) in BothRoutes(TestPipeline.Site + "rest/api/3/issue",
                     () => Json(HttpStatusCode.BadRequest, "{\"errorMessages\":[],\"errors\":{\"summary\":\"required\"}}")))
        {
            using (owner)
            {
                var error = Assert.ThrowsAsync(Is.InstanceOf<JiraException>(), () => api.Issues.CreateIssueAsync(new JiraSdk.V3.IssueUpdateDetails()), route);
                Assert.That(error!.GetType(), Is.EqualTo(typeof(JiraBadRequestException)), route);
                Assert.That(((JiraApiException)error).Errors["summary"], Is.EqualTo("required"), route);
                Assert.That(((JiraApiException)error).RequestPath, Is.EqualTo("/rest/api/3/issue"), route);
            }
        }
    }

    [TestCase("AUTHENTICATED_FAILED")]
    [TestCase("AUTHENTICATION_DENIED")]
    public void A200WithAFailedSeraphLoginReasonIsAnAuthenticationErrorBothWays(string reason)
    {
        foreach (var (route, api, owner) in BothRoutes(TestPipeline.Site + "rest/api/3/myself", () =>
                 {
                     var response = Json(HttpStatusCode.OK, "{\"accountId\":\"anonymous\"}");
                     response.Headers.Add("X-Seraph-LoginReason", reason);
                     return response;
                 }))
        {
            using (owner)
            {
                var error = Assert.ThrowsAsync<JiraAuthenticationException>(() => api.Myself.GetCurrentUserAsync(), route);
                Assert.That(error!.LoginReason, Is.EqualTo(reason), route);
                Assert.That(error.Message, Does.Contain("X-Seraph-LoginReason").And.Contain("anonymous"), route);
            }
        }
    }

    [Test]
    public void AnHtmlLoginPageOnA200IsAnAuthenticationErrorBothWays()
    {
        foreach (var (route, api, owner) in BothRoutes(TestPipeline.Site + "rest/api/3/myself",
                     () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(LoginPage, Encoding.UTF8, "text/html") }))
        {
            using (owner)
            {
                var error = Assert.ThrowsAsync<JiraAuthenticationException>(() => api.Myself.GetCurrentUserAsync(), route);
                Assert.That(error!.Message, Does.Contain("HTML login page"), route);
                Assert.That(error.StatusCode, Is.EqualTo(200), route);
            }
        }
    }

    [Test]
    public void AnHtmlLoginPageThroughTheRawClientIsAnAuthenticationError()
    {
        using var jira = new JiraClient(TestPipeline.Create(
            Network(TestPipeline.Site + "rest/api/3/myself", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(LoginPage, Encoding.UTF8, "text/html") }),
            new FakeTimeProvider()));

        Assert.ThrowsAsync<JiraAuthenticationException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/myself"));
        Assert.ThrowsAsync<JiraAuthenticationException>(() => jira.SendForResponseAsync(HttpMethod.Get, "rest/api/3/myself"));
    }

    [Test]
    public void ACaptchaChallengeSaysACaptchaIsRequiredAndNamesTheLoginUrl()
    {
        foreach (var (route, api, owner) in BothRoutes(TestPipeline.Site + "rest/api/3/myself", () =>
                 {
                     var response = Json(HttpStatusCode.Forbidden, "");
                     response.Headers.TryAddWithoutValidation("X-Authentication-Denied-Reason", "CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp");
                     response.Headers.Add("X-Seraph-LoginReason", "AUTHENTICATION_DENIED");
                     return response;
                 }))
        {
            using (owner)
            {
                var error = Assert.ThrowsAsync<JiraAuthenticationException>(() => api.Myself.GetCurrentUserAsync(), route);
                Assert.That(error!.IsCaptchaRequired, Is.True, route);
                Assert.That(error.LoginUrl, Is.EqualTo("https://jira.example.com/login.jsp"), route);
                Assert.That(error.Message, Does.Contain("CAPTCHA").And.Contain("https://jira.example.com/login.jsp"), route);
            }
        }
    }

    [Test]
    public void TheRemovedSearchEndpointNamesItsReplacement()
    {
        using var jira = new JiraClient(TestPipeline.Create(
            Network(TestPipeline.Site + "rest/api/3/search", () => Json(HttpStatusCode.Gone, "{\"errorMessages\":[\"The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.\"]}")),
            new FakeTimeProvider()));

        var error = Assert.ThrowsAsync<JiraEndpointRemovedException>(() => jira.SendAsync(HttpMethod.Get, "rest/api/3/search", new JiraRequestOptions { Query = { ["jql"] = "project = DOCS" } }));

        Assert.That(error!.Replacement, Is.EqualTo("/rest/api/3/search/jql"));
        Assert.That(error.ReplacementMethod, Is.EqualTo("JiraV3Api.SearchIssuesAsync"));
        Assert.That(error.Message, Does.Contain("/search/jql").And.Contain("SearchIssuesAsync"));
    }

    [Test]
    public void TheRemovedSearchEndpointFailsThroughAGeneratedClientOverAPlainHttpClient()
    {
        using var plain = new HttpClient(Network(TestPipeline.Site + "rest/api/2/search*", () => Json(HttpStatusCode.Gone, "{\"errorMessages\":[\"removed\"]}")))
        {
            BaseAddress = TestPipeline.Site,
        };
        var api = new JiraSdk.V2.JiraApiV2(plain);

#pragma warning disable CS0612, CS0618 // the removed operation is deprecated in the spec
        var error = Assert.ThrowsAsync(Is.InstanceOf<JiraApiException>(), () => api.IssueSearch.SearchForIssuesUsingJqlAsync("project = DOCS"));
#pragma warning restore CS0612, CS0618

        Assert.That(error, Is.InstanceOf<JiraEndpointRemovedException>());
        Assert.That(((JiraEndpointRemovedException)error!).Replacement, Is.EqualTo("/rest/api/2/search/jql"));
    }

    [Test]
    public async Task NoThrowReturnsTheFailedResponseAsItIs()
    {
        using var jira = new JiraClient(TestPipeline.Create(
            Network(TestPipeline.Site + "rest/api/3/issue/NOPE-1", () => Json(HttpStatusCode.NotFound, "{\"errorMessages\":[\"nope\"]}")),
            new FakeTimeProvider()));

        Assert.ThrowsAsync<JiraNotFoundException>(() => jira.SendForResponseAsync(HttpMethod.Get, "rest/api/3/issue/NOPE-1"));
        using var response = await jira.SendForResponseAsync(HttpMethod.Get, "rest/api/3/issue/NOPE-1", new JiraRequestOptions { ErrorOptions = JiraErrorOptions.NoThrow });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nope"));
    }
}
