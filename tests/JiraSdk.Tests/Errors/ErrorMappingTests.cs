using System.Net;
using System.Text;
using JiraSdk.Errors;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Errors;

public class ErrorMappingTests
{
    private static readonly string Url = TestPipeline.Site + "rest/api/3/issue/DOCS-1";

    private static HttpClient Respond(HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null)
    {
        var network = new MockHttpMessageHandler();
        network.When(Url).Respond(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return response;
        });
        return TestPipeline.Create(network, new FakeTimeProvider(), TestPipeline.NoJitterRetry(maxAttempts: 1));
    }

    [TestCase(400, typeof(JiraBadRequestException))]
    [TestCase(401, typeof(JiraAuthenticationException))]
    [TestCase(403, typeof(JiraForbiddenException))]
    [TestCase(404, typeof(JiraNotFoundException))]
    [TestCase(409, typeof(JiraConflictException))]
    [TestCase(429, typeof(JiraRateLimitException))]
    [TestCase(500, typeof(JiraServerException))]
    [TestCase(502, typeof(JiraServerException))]
    [TestCase(418, typeof(JiraApiException))]
    public void EachStatusRaisesItsExceptionWithJiraDetails(int status, Type expected)
    {
        using var http = Respond((HttpStatusCode)status, "{\"errorMessages\":[\"Issue does not exist\"],\"errors\":{\"summary\":\"too long\"}}");

        var error = Assert.ThrowsAsync(Is.InstanceOf<JiraApiException>(), () => http.GetAsync("rest/api/3/issue/DOCS-1?jwt=abc.def")) as JiraApiException;

        Assert.That(error!.GetType(), Is.EqualTo(expected));
        Assert.That(error.StatusCode, Is.EqualTo(status));
        Assert.That(error.ErrorMessages, Is.EqualTo(new[] { "Issue does not exist" }));
        Assert.That(error.Errors["summary"], Is.EqualTo("too long"));
        Assert.That(error.RequestMethod, Is.EqualTo("GET"));
        Assert.That(error.RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
        Assert.That(error.Message, Does.Contain("Issue does not exist").And.Not.Contain("abc.def"));
        Assert.That(error.Headers["Content-Type"].Single(), Does.StartWith("application/json"));
    }

    [Test]
    public void ScopeMismatchIsAnAuthenticationErrorThatSaysSo()
    {
        using var http = Respond(HttpStatusCode.Unauthorized, "{\"code\":401,\"message\":\"Unauthorized; scope does not match\"}");

        var error = Assert.ThrowsAsync<JiraAuthenticationException>(() => http.GetAsync("rest/api/3/issue/DOCS-1"));

        Assert.That(error!.IsScopeMismatch, Is.True);
        Assert.That(error.ErrorMessages, Is.EqualTo(new[] { "Unauthorized; scope does not match" }));
    }

    [TestCase("AUTHENTICATED_FAILED")]
    [TestCase("AUTHENTICATION_DENIED")]
    public void A200WhoseSeraphLoginReasonSaysFailedIsAnAuthenticationError(string reason)
    {
        using var http = Respond(HttpStatusCode.OK, "{\"key\":\"DOCS-1\"}", r => r.Headers.Add("X-Seraph-LoginReason", reason));

        var error = Assert.ThrowsAsync<JiraAuthenticationException>(() => http.GetAsync("rest/api/3/issue/DOCS-1"));

        Assert.That(error!.StatusCode, Is.EqualTo(200));
        Assert.That(error.LoginReason, Is.EqualTo(reason));
        Assert.That(error.IsScopeMismatch, Is.False);
    }

    [Test]
    public async Task A200WithSeraphLoginReasonOkPasses()
    {
        using var http = Respond(HttpStatusCode.OK, "{\"key\":\"DOCS-1\"}", r => r.Headers.Add("X-Seraph-LoginReason", "OK"));

        using var response = await http.GetAsync("rest/api/3/issue/DOCS-1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void AnHtmlErrorPageKeepsABoundedBodyAndNoErrorCollection()
    {
        using var http = Respond(HttpStatusCode.BadGateway, "<html>" + new string('x', 100_000) + "</html>");

        var error = Assert.ThrowsAsync<JiraServerException>(() => http.GetAsync("rest/api/3/issue/DOCS-1"));

        Assert.That(error!.Body, Has.Length.EqualTo(JiraApiException.MaxBodyLength));
        Assert.That(error.ErrorMessages, Is.Empty);
    }

    [Test]
    public void TheRateLimitErrorReadsRetryAfterAsADate()
    {
        var now = new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);
        var error = new JiraRateLimitException("limited", 429, null,
            new Dictionary<string, IEnumerable<string>> { ["retry-after"] = new[] { now.AddSeconds(42).ToString("r") } }, null, now);

        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(42)));
    }

    [Test]
    public void TheSerializationErrorNamesTheJsonPath()
    {
        var cause = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>("{\"a\":1,\"b\":\"x\"}"));

        var error = new JiraSerializationException("Could not read the body.", 200, "{\"a\":1,\"b\":\"x\"}", null, cause);

        Assert.That(error.JsonPath, Is.EqualTo("$.b"));
        Assert.That(error.Message, Does.Contain("$.b"));
    }
}
