using System.Net;
using System.Reflection;
using System.Text;
using JiraSdk.Errors;
using JiraSdk.Raw;
using JiraSdk.Tests.Http.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Client;

public class JiraClientTests
{
    [TestCase(typeof(JiraSdk.V3.JiraApiV3), nameof(JiraClient.V3))]
    [TestCase(typeof(JiraSdk.V2.JiraApiV2), nameof(JiraClient.V2))]
    public void EveryGeneratedClientIsReachableFromTheFacade(Type anyGeneratedType, string facadeProperty)
    {
        var clientTypes = anyGeneratedType.Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal) && t.GetConstructor([typeof(HttpClient)]) is not null)
            .ToList();
        using var jira = new JiraClient(new HttpClient { BaseAddress = TestPipeline.Site });
        var facade = typeof(JiraClient).GetProperty(facadeProperty)!.GetValue(jira)!;
        var exposed = facade.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetValue(facade)?.GetType()).ToHashSet();

        Assert.That(clientTypes, Has.Count.GreaterThan(50));
        Assert.That(clientTypes.Where(t => !exposed.Contains(t)), Is.Empty);
    }

    [Test]
    public void GeneratedClientsSurfaceTheTypedErrorsThroughThePipeline()
    {
        var network = new MockHttpMessageHandler();
        network.When(TestPipeline.Site + "rest/api/3/issue/NOPE-1").Respond(HttpStatusCode.NotFound, "application/json",
            "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}");
        using var jira = new JiraClient(TestPipeline.Create(network, new FakeTimeProvider()));

        var error = Assert.ThrowsAsync<JiraNotFoundException>(() => jira.V3.Issues.GetIssueAsync("NOPE-1"));

        Assert.That(error!.RequestPath, Is.EqualTo("/rest/api/3/issue/NOPE-1"));
        Assert.That(error.ErrorMessages.Single(), Does.StartWith("Issue does not exist"));
    }

    [Test]
    public async Task GeneratedClientsShareThePipelineAndItsCredentials()
    {
        var network = new MockHttpMessageHandler();
        network.When(TestPipeline.Site + "rest/api/3/issue/DOCS-1").With(r => r.Headers.Authorization?.Scheme == "Bearer")
            .Respond("application/json", "{\"id\":\"10001\",\"key\":\"DOCS-1\",\"fields\":{\"summary\":\"Hi\"}}");
        network.When(TestPipeline.Site + "rest/api/2/issue/DOCS-1").With(r => r.Headers.Authorization?.Scheme == "Bearer")
            .Respond("application/json", "{\"id\":\"10001\",\"key\":\"DOCS-1\",\"fields\":{\"summary\":\"Hi\"}}");
        using var jira = new JiraClient(TestPipeline.Create(network, new FakeTimeProvider(), authentication: () => new FakeBearerHandler()));

        var v3 = await jira.V3.Issues.GetIssueAsync("DOCS-1");
        var v2 = await jira.V2.Issues.GetIssueAsync("DOCS-1");

        Assert.That(v3.Key, Is.EqualTo("DOCS-1"));
        Assert.That(v2.Key, Is.EqualTo("DOCS-1"));
        Assert.That(v3.Fields!.Summary, Is.EqualTo("Hi"));
        Assert.That(v2.Fields!.Summary, Is.EqualTo("Hi"));
    }

    [TestCase("[{\"key\":\"DOCS-1\"}]")]
    [TestCase("\"DOCS-1\"")]
    [TestCase("")]
    public void AnIssueResponseThatIsNotAnObjectIsASerializationError(string body)
    {
        var network = new MockHttpMessageHandler();
        network.When(TestPipeline.Site + "rest/api/3/issue/DOCS-1").Respond("application/json", body);
        using var jira = new JiraClient(TestPipeline.Create(network, new FakeTimeProvider()));

        var error = Assert.ThrowsAsync<JiraSerializationException>(() => jira.V3.Issues.GetIssueAsync("DOCS-1"));

        Assert.That(error!.JsonPath, Is.EqualTo("$"));
        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.RequestMethod, Is.EqualTo("GET"));
    }

    [Test]
    public async Task AnIssueOutlivesItsResponse()
    {
        var network = new MockHttpMessageHandler();
        network.When(TestPipeline.Site + "rest/api/3/issue/*")
            .Respond(r => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"key\":\"" + r.RequestUri!.Segments.Last() + "\",\"fields\":{\"summary\":\"" + new string('s', 5000) + "\"}}", Encoding.UTF8, "application/json"),
            });
        using var jira = new JiraClient(TestPipeline.Create(network, new FakeTimeProvider()));

        var first = await jira.V3.Issues.GetIssueAsync("DOCS-1");
        for (var i = 2; i < 20; i++) await jira.V3.Issues.GetIssueAsync("DOCS-" + i);

        Assert.That(first.Key, Is.EqualTo("DOCS-1"));
        Assert.That(first.Fields!.Summary, Has.Length.EqualTo(5000));
    }

    [Test]
    public async Task APrimaryHandlerFromTheOptionsCarriesEveryAuthenticatedRequest()
    {
        var network = new MockHttpMessageHandler();
        network.Expect(TestPipeline.Site + "rest/api/3/issue/DOCS-1").With(r => r.Headers.Authorization?.ToString() == "Bearer pat-secret")
            .Respond("application/json", "{\"key\":\"DOCS-1\"}");
        using var jira = new JiraClient(new JiraClientOptions
        {
            SiteUrl = TestPipeline.Site,
            Authentication = JiraSdk.Auth.JiraAuthentication.PersonalAccessToken("pat-secret"),
            PrimaryHandler = () => network,
        });

        var issue = await jira.V3.Issues.GetIssueAsync("DOCS-1");

        Assert.That(issue.Key, Is.EqualTo("DOCS-1"));
        network.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ARequestBuiltByTheCallerGoesThroughThePipelineAndErrorsComeBackAsResponses()
    {
        var network = new MockHttpMessageHandler();
        network.Expect(HttpMethod.Post, TestPipeline.Site + "rest/api/3/issue/DOCS-1/attachments")
            .With(r => r.Headers.Authorization?.Scheme == "Bearer" && r.Content is MultipartFormDataContent)
            .Respond(HttpStatusCode.Forbidden, "application/json", "{\"errorMessages\":[\"No permission.\"]}");
        using var jira = new JiraClient(TestPipeline.Create(network, new FakeTimeProvider(), authentication: () => new FakeBearerHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Post, "rest/api/3/issue/DOCS-1/attachments")
        {
            Content = new MultipartFormDataContent { { new StringContent("hello"), "file", "notes.txt" } },
        };

        using var response = await jira.SendForResponseAsync(request, JiraErrorOptions.NoThrow);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("No permission."));
        network.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void ARequestBuiltByTheCallerForAnotherHostIsRefusedBeforeCredentialsLeave()
    {
        var network = new MockHttpMessageHandler();
        var anything = network.When("*").Respond(HttpStatusCode.OK);
        using var jira = new JiraClient(TestPipeline.Create(network, new FakeTimeProvider(), authentication: () => new FakeBearerHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.invalid/rest/api/3/myself");

        Assert.ThrowsAsync<ArgumentException>(() => jira.SendForResponseAsync(request));
        Assert.That(network.GetMatchCount(anything), Is.Zero);
    }

    [Test]
    public void OptionsWithoutASiteAreRejected()
    {
        Assert.Throws<InvalidOperationException>(() => new JiraClient(new JiraClientOptions()));
        Assert.Throws<InvalidOperationException>(() => new JiraClient(new JiraClientOptions { SiteUrl = new Uri("https://user:pw@example.atlassian.net") }));
    }

    [Test]
    public void AuthenticationAndACustomAuthenticationHandlerCannotBeCombined()
    {
        var options = new JiraClientOptions
        {
            SiteUrl = TestPipeline.Site,
            Authentication = JiraSdk.Auth.JiraAuthentication.PersonalAccessToken("secret-token"),
            AuthenticationHandler = () => new FakeBearerHandler(),
        };

        Assert.Throws<InvalidOperationException>(() => new JiraClient(options));
    }

    [Test]
    public void ASiteWithAContextPathKeepsIt()
    {
        using var jira = new JiraClient(new JiraClientOptions { SiteUrl = new Uri("https://jira.example.com/jira") });

        Assert.That(jira.HttpClient.BaseAddress, Is.EqualTo(new Uri("https://jira.example.com/jira/")));
    }

    [Test]
    public async Task AddJiraClientRegistersAClientOverTheNamedHttpClientWithThePipeline()
    {
        var network = new MockHttpMessageHandler();
        network.When("https://example.atlassian.net/rest/api/3/myself").With(r => r.Headers.Authorization?.Parameter == "secret-token-1")
            .Respond("application/json", "{\"accountId\":\"abc\"}");
        network.When("https://example.atlassian.net/rest/api/3/issue/NOPE-1").Respond(HttpStatusCode.NotFound);
        var services = new ServiceCollection();
        services.AddJiraClient(options =>
        {
            options.SiteUrl = new Uri("https://example.atlassian.net");
            options.AuthenticationHandler = () => new FakeBearerHandler();
        }).ConfigurePrimaryHttpMessageHandler(() => network);
        await using var provider = services.BuildServiceProvider();

        var jira = provider.GetRequiredService<JiraClient>();
        using var me = await jira.SendAsync(HttpMethod.Get, "rest/api/3/myself");

        Assert.That(me!.RootElement.GetProperty("accountId").GetString(), Is.EqualTo("abc"));
        Assert.That(jira.HttpClient.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
        Assert.ThrowsAsync<JiraNotFoundException>(() => jira.V3.Issues.GetIssueAsync("NOPE-1"));
    }

    [Test]
    public async Task AddJiraClientUsesThePrimaryHandlerFromTheOptions()
    {
        var network = new MockHttpMessageHandler();
        network.Expect("https://example.atlassian.net/rest/api/3/myself").Respond("application/json", "{\"accountId\":\"abc\"}");
        var services = new ServiceCollection();
        services.AddJiraClient(options =>
        {
            options.SiteUrl = new Uri("https://example.atlassian.net");
            options.PrimaryHandler = () => network;
        });
        await using var provider = services.BuildServiceProvider();

        using var me = await provider.GetRequiredService<JiraClient>().SendAsync(HttpMethod.Get, "rest/api/3/myself");

        Assert.That(me!.RootElement.GetProperty("accountId").GetString(), Is.EqualTo("abc"));
        network.VerifyNoOutstandingExpectation();
    }
}
