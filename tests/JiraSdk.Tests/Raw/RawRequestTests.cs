using JiraSdk.Tests.Support;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using JiraSdk.Errors;
using JiraSdk.Raw;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Raw;

public record IssueKeyOnly(string Key, int Votes);

[JsonSerializable(typeof(IssueKeyOnly))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public partial class RawTestJson : JsonSerializerContext;

public class RawRequestTests
{
    private MockHttpMessageHandler _network = null!;
    private HttpRequestMessage? _sent;
    private string? _sentBody;

    [SetUp]
    public void SetUp() => _network = new MockHttpMessageHandler();

    [TearDown]
    public void TearDown() => _network.Dispose();

    private JiraRawClient Client(HttpStatusCode status = HttpStatusCode.OK, string body = "{\"key\":\"DOCS-1\",\"votes\":3}")
    {
        _network.When("*").Respond(async request =>
        {
            _sent = request;
            _sentBody = request.Content is null ? null : await request.Content.ReadAsStringAsync();
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        });
        return new JiraRawClient(TestPipeline.Create(_network, new FakeTimeProvider(), TestPipeline.NoJitterRetry(maxAttempts: 1)));
    }

    [Test]
    public async Task PathAndQueryValuesWithSpacesQuotesUnicodePlusAndSlashAreEscapedOnTheWire()
    {
        await using var server = LoopbackServer.Start(context => LoopbackServer.WriteAsync(context.Response, 200, "{}"));
        using var jira = new JiraClient(new JiraClientOptions { SiteUrl = server.BaseUri });
        var options = new JiraRequestOptions
        {
            PathParameters = { ["key"] = "A B\"ü+/x" },
            Query = { ["jql"] = "summary ~ \"a+b/c\" and text ~ 'ü'", ["fields"] = new[] { "summary", "custom field/1" } },
        };

        using var _ = await jira.SendAsync(HttpMethod.Get, "rest/api/3/issue/{key}/properties", options);

        var raw = server.Requests.Single().RawUrl;
        Assert.That(raw, Is.EqualTo(
            "/rest/api/3/issue/A%20B%22%C3%BC%2B%2Fx/properties"
            + "?jql=summary%20~%20%22a%2Bb%2Fc%22%20and%20text%20~%20%27%C3%BC%27"
            + "&fields=summary&fields=custom%20field%2F1"));
    }

    [Test]
    public async Task ReservedExpansionKeepsSlashesWhenTheCallerAsksForIt()
    {
        var raw = Client();

        using var _ = await raw.SendAsync(HttpMethod.Get, "rest/{+path}", new JiraRequestOptions { PathParameters = { ["path"] = "api/3/myself" } });

        Assert.That(_sent!.RequestUri!.AbsoluteUri, Is.EqualTo("https://example.atlassian.net/rest/api/3/myself"));
    }

    [Test]
    public async Task QueryValuesAreFormattedInvariantlyAndNullsAreLeftOut()
    {
        var raw = Client();
        var options = new JiraRequestOptions { Query = { ["startAt"] = 50, ["validate"] = true, ["ratio"] = 1.5, ["expand"] = null } };

        using var _ = await raw.SendAsync(HttpMethod.Get, "rest/api/3/search?jql=project%3DDOCS", options);

        Assert.That(_sent!.RequestUri!.Query, Is.EqualTo("?jql=project%3DDOCS&startAt=50&validate=true&ratio=1.5"));
    }

    [Test]
    public void AMissingPathValueIsAClearError()
    {
        var raw = Client();

        var error = Assert.ThrowsAsync<ArgumentException>(() => raw.SendAsync(HttpMethod.Get, "rest/api/3/issue/{key}"));

        Assert.That(error!.Message, Does.Contain("{key}"));
    }

    [Test]
    public void AnAbsoluteUrlOnAnotherHostIsRefusedSoCredentialsStayHome()
    {
        var raw = Client();

        Assert.ThrowsAsync<ArgumentException>(() => raw.SendAsync(HttpMethod.Get, "https://evil.example.com/rest/api/3/myself"));
    }

    [Test]
    public async Task AnAbsoluteSelfLinkOnTheSiteIsFollowed()
    {
        var raw = Client();

        using var _ = await raw.SendAsync(HttpMethod.Get, "https://example.atlassian.net/rest/api/3/issue/10000?expand=names");

        Assert.That(_sent!.RequestUri!.AbsoluteUri, Is.EqualTo("https://example.atlassian.net/rest/api/3/issue/10000?expand=names"));
    }

    [Test]
    public async Task ADeleteWithoutBodySendsJsonContentType()
    {
        var raw = Client(HttpStatusCode.NoContent, "");

        var document = await raw.SendAsync(HttpMethod.Delete, "rest/api/3/issue/{key}", new JiraRequestOptions { PathParameters = { ["key"] = "DOCS-1" } });

        Assert.That(document, Is.Null);
        Assert.That(_sent!.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(_sentBody, Is.Empty);
    }

    [Test]
    public async Task AJsonBodyAndHeadersAreSent()
    {
        var raw = Client();
        var options = new JiraRequestOptions { Headers = { ["X-ExperimentalApi"] = "opt-in" } }
            .WithJsonBody(new JsonObject { ["fields"] = new JsonObject { ["summary"] = "Ünïcode \"quoted\"" } });

        using var _ = await raw.SendAsync(HttpMethod.Post, "rest/api/3/issue", options);

        Assert.That(_sent!.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(_sent.Headers.GetValues("X-ExperimentalApi").Single(), Is.EqualTo("opt-in"));
        Assert.That(_sent.Headers.Accept.Single().MediaType, Is.EqualTo("application/json"));
        Assert.That(JsonNode.Parse(_sentBody!)!["fields"]!["summary"]!.GetValue<string>(), Is.EqualTo("Ünïcode \"quoted\""));
    }

    [Test]
    public void AnInvalidJsonBodyIsRejectedBeforeSending()
    {
        Assert.Throws<ArgumentException>(() => new JiraRequestOptions().WithJsonBody("{not json"));
    }

    [Test]
    public async Task ReadsATypedResultWithSourceGeneratedMetadata()
    {
        var raw = Client();

        var issue = await raw.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1", RawTestJson.Default.IssueKeyOnly);

        Assert.That(issue, Is.EqualTo(new IssueKeyOnly("DOCS-1", 3)));
    }

    [Test]
    public async Task ReadsATypedResultWithReflection()
    {
        var raw = Client();

        var issue = await raw.SendAsync<IssueKeyOnly>(HttpMethod.Get, "rest/api/3/issue/DOCS-1");

        Assert.That(issue, Is.EqualTo(new IssueKeyOnly("DOCS-1", 3)));
    }

    [Test]
    public void AMalformedBodyRaisesASerializationError()
    {
        var raw = Client(body: "<html>Service maintenance</html>");

        var error = Assert.ThrowsAsync<JiraSerializationException>(() => raw.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1"));

        Assert.That(error!.StatusCode, Is.EqualTo(200));
        Assert.That(error.Body, Does.Contain("Service maintenance"));
        Assert.That(error.JsonPath, Is.Not.Null);
    }

    [Test]
    public void AWrongShapedBodyRaisesASerializationErrorNamingThePath()
    {
        var raw = Client(body: "{\"key\":\"DOCS-1\",\"votes\":\"many\"}");

        var error = Assert.ThrowsAsync<JiraSerializationException>(() => raw.SendAsync(HttpMethod.Get, "rest/api/3/issue/DOCS-1", RawTestJson.Default.IssueKeyOnly));

        Assert.That(error!.JsonPath, Is.EqualTo("$.votes"));
        Assert.That(error.Message, Does.Contain("$.votes"));
        Assert.That(error.RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
    }

    [Test]
    public async Task TheStreamResultReadsTheBody()
    {
        var raw = Client(body: "attachment bytes");

        await using var stream = await raw.SendForStreamAsync(HttpMethod.Get, "rest/api/3/attachment/content/{id}", new JiraRequestOptions { PathParameters = { ["id"] = 10000 } });
        using var reader = new StreamReader(stream);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("attachment bytes"));
    }

    [Test]
    public async Task TheRawResponseResultReturnsErrorStatusesInsteadOfThrowing()
    {
        var raw = Client(HttpStatusCode.NotFound, "{\"errorMessages\":[\"nope\"]}");

        using var response = await raw.SendForResponseAsync(HttpMethod.Get, "rest/api/3/issue/NOPE-1", new JiraRequestOptions { ErrorOptions = JiraErrorOptions.NoThrow });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nope"));
    }

    [Test]
    public void ErrorStatusesRaiseTheTypedErrors()
    {
        var raw = Client(HttpStatusCode.NotFound, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"]}");

        var error = Assert.ThrowsAsync<JiraNotFoundException>(() => raw.SendAsync(HttpMethod.Get, "rest/api/3/issue/NOPE-1"));

        Assert.That(error!.ErrorMessages.Single(), Does.StartWith("Issue does not exist"));
    }
}
