using System.Net;
using System.Text.Json;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using JiraSdk.Errors;
using JiraSdk.Serialization;
using JiraSdk.V3;
using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Serialization;

/// <summary>
/// A Jira newer than its spec: values the spec does not describe are read and kept (open enums, string URIs, a general
/// subtype for unknown discriminators, empty bodies where any JSON is allowed), reported once per place through
/// <see cref="JiraSchemaDiagnostics"/> and a log event without the value, and fail the call in strict mode.
/// </summary>
public class TolerantReadingTests
{
    private const string Site = "https://example.atlassian.net/";
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);
        return options;
    }

    private sealed class EventLogger : ILogger, ILoggerFactory
    {
        public readonly List<(EventId Id, string Category, string Message)> Events = new();
        private string _category = "";
        public IDisposable BeginScope<TState>(TState state) where TState : notnull => null!;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var events = (Shared ?? this).Events;
            lock (events) events.Add((eventId, _category, formatter(state, exception)));
        }
        public ILogger CreateLogger(string categoryName) => new EventLogger { _category = categoryName, Shared = this };
        public EventLogger? Shared { get; init; }
        public void AddProvider(ILoggerProvider provider) { }
        public void Dispose() { }
    }

    [Test]
    public void AnUnknownValueOfAnOptionalEnumIsKeptAndWrittenBack()
    {
        var project = JsonSerializer.Deserialize<Project>("""{"id":"1","projectTypeKey":"product_discovery"}""", Options)!;

        Assert.That(project.ProjectTypeKey!.Value, Is.EqualTo("product_discovery"));
        Assert.That(project.ProjectTypeKey.IsKnown, Is.False);
        Assert.That(project.ProjectTypeKey, Is.EqualTo(ProjectProjectTypeKey.FromValue("product_discovery")));
        Assert.That(JsonSerializer.Serialize(project, Options), Is.EqualTo("""{"id":"1","projectTypeKey":"product_discovery"}"""));
    }

    [Test]
    public void AKnownValueReadsAsItsMember()
    {
        var project = JsonSerializer.Deserialize<Project>("""{"projectTypeKey":"software"}""", Options)!;

        Assert.That(project.ProjectTypeKey, Is.SameAs(ProjectProjectTypeKey.Software));
        Assert.That(project.ProjectTypeKey!.IsKnown, Is.True);
        Assert.That(ProjectProjectTypeKey.KnownValues, Does.Contain(ProjectProjectTypeKey.ServiceDesk));
    }

    [Test]
    public void AnUnknownValueOfARequiredEnumIsKeptAndWrittenBack()
    {
        const string json = """{"active":"true","conditionType":"quorum","conditionValue":"2"}""";

        var approval = JsonSerializer.Deserialize<ApprovalConfiguration>(json, Options)!;

        Assert.That(approval.ConditionType.Value, Is.EqualTo("quorum"));
        Assert.That(approval.Active, Is.SameAs(ApprovalConfigurationActive.True));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(approval, Options)), JsonNode.Parse(json)), Is.True);
    }

    [Test]
    public void AnUnreadableOptionalTimestampReadsAsNullAndTheRestStays()
    {
        var worklog = JsonSerializer.Deserialize<Worklog>("""{"id":"9","started":"yesterday","created":"2024-01-31T09:15:00.000+0100","updated":"2024-01-31t08:15:00z"}""", Options)!;

        Assert.That(worklog.Started, Is.Null);
        Assert.That(worklog.Created, Is.EqualTo(new DateTimeOffset(2024, 1, 31, 9, 15, 0, TimeSpan.FromHours(1))));
        Assert.That(worklog.Updated, Is.EqualTo(new DateTimeOffset(2024, 1, 31, 8, 15, 0, TimeSpan.Zero)), "RFC 3339 allows lower-case t and z");
    }

    [TestCase("""{"type":"team","teamId":"42","extra":{"a":[1,2]}}""")]
    [TestCase("""{"teamId":"42"}""")]
    public void AnUnknownOrMissingDiscriminatorReadsAsTheGeneralSubtypeAndWritesBackUnchanged(string json)
    {
        var variable = JsonSerializer.Deserialize<CustomContextVariable>(json, Options);

        Assert.That(variable, Is.InstanceOf<UnknownCustomContextVariable>());
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(variable, Options)), JsonNode.Parse(json)), Is.True,
            JsonSerializer.Serialize(variable, Options));
    }

    [Test]
    public async Task AUrlThatSystemUriRefusesKeepsItsText()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(Site + "rest/api/3/myself").Respond("application/json", """{"accountId":"a","self":"http://a,b+c.example.com/user?id=1","avatarUrls":{"48x48":"https://x+y.example.com/a.png"}}""");
        using var http = new HttpClient(mock) { BaseAddress = new Uri(Site) };

        var user = await new MyselfClient(http).GetCurrentUserAsync();

        Assert.That(user.Self, Is.EqualTo("http://a,b+c.example.com/user?id=1"));
        Assert.That(user.AvatarUrls!._48x48, Is.EqualTo("https://x+y.example.com/a.png"));
    }

    [TestCase("")]
    [TestCase("null")]
    [TestCase("{}")]
    public async Task AnEmptyOrNullBodyIsSuccessWhereTheSpecAllowsAnyJson(string body)
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, Site + "rest/api/3/issueLink").Respond(HttpStatusCode.Created, "application/json", body);
        using var http = new HttpClient(mock) { BaseAddress = new Uri(Site) };

        await new IssueLinksClient(http).LinkIssuesAsync(new LinkIssueRequestJsonBean { Type = new IssueLinkType { Name = "Blocks" } });

        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task EachMismatchIsReportedOncePerPlaceWithoutItsValue()
    {
        var network = new MockHttpMessageHandler();
        network.When(Site + "rest/api/3/project/search*").Respond("application/json",
            """{"values":[{"id":"1","projectTypeKey":"product_discovery"},{"id":"2","projectTypeKey":"customer_service"}],"isLast":true}""");
        var logs = new EventLogger();
        var diagnostics = new JiraSchemaDiagnostics();
        var reports = new List<JiraSchemaMismatch>();
        diagnostics.MismatchFound += reports.Add;
        using var jira = new JiraClient(new JiraClientOptions { SiteUrl = new Uri(Site), PrimaryHandler = () => network, SchemaDiagnostics = diagnostics, LoggerFactory = logs });

        var first = await jira.V3.Projects.SearchProjectsAsync();
        await jira.V3.Projects.SearchProjectsAsync();

        Assert.That(first.Values!.Select(p => p.ProjectTypeKey!.Value), Is.EqualTo(new[] { "product_discovery", "customer_service" }));
        var report = reports.Single();
        Assert.That((report.Kind, report.JsonPath, report.ExpectedType, report.ResponseType, report.RequestPath),
            Is.EqualTo((JiraSchemaMismatchKind.UnknownEnumValue, "$.values[0].projectTypeKey", "ProjectProjectTypeKey", "PageBeanProject", "/rest/api/3/project/search")));
        var logged = logs.Events.Where(e => e.Id == JiraSchemaDiagnostics.LogEventId).ToList();
        Assert.That(logged, Has.Count.EqualTo(1));
        Assert.That(logged[0].Category, Is.EqualTo(JiraSchemaDiagnostics.LoggerCategory));
        Assert.That(logged[0].Message, Does.Contain("$.values[0].projectTypeKey").And.Contain("ProjectProjectTypeKey").And.Not.Contain("product_discovery"));
    }

    [Test]
    public async Task AnUnknownDiscriminatorIsReportedAtItsObject()
    {
        var diagnostics = new JiraSchemaDiagnostics();
        var reports = new List<JiraSchemaMismatch>();
        diagnostics.MismatchFound += reports.Add;
        using var mock = new MockHttpMessageHandler();
        mock.When(Site + "rest/api/3/workflow/search*").Respond("application/json",
            """{"values":[{"id":{"name":"w","entityId":"e"},"description":"d","transitions":[{"id":"1","rules":{"conditionsTree":{"nodeType":"quantum","extra":1}}}]}]}""");
        using var http = new HttpClient(new JiraSchemaDiagnosticsHandler(diagnostics) { InnerHandler = mock }) { BaseAddress = new Uri(Site) };

#pragma warning disable CS0612 // deprecated in the spec; its response shape is the one this test needs
        var page = await new WorkflowsClient(http).GetWorkflowsPaginatedAsync();
#pragma warning restore CS0612

        Assert.That(page.Values!.Single().Transitions!.Single().Rules!.ConditionsTree, Is.InstanceOf<UnknownWorkflowCondition>());
        Assert.That(reports.Single().ToString(), Is.EqualTo("UnknownDiscriminator at $.values[0].transitions[0].rules.conditionsTree (expected WorkflowCondition in PageBeanWorkflow)"));
    }

    [Test]
    public void StrictModeFailsTheCallWithThePath()
    {
        var diagnostics = new JiraSchemaDiagnostics { Strict = true };
        using var mock = new MockHttpMessageHandler();
        mock.When(Site + "rest/api/3/project/search*").Respond("application/json",
            """{"values":[{"id":"1","projectTypeKey":"software"},{"id":"2","projectTypeKey":"customer_service"}]}""");
        using var http = new HttpClient(new JiraSchemaDiagnosticsHandler(diagnostics) { InnerHandler = mock }) { BaseAddress = new Uri(Site) };

        var error = Assert.ThrowsAsync<JiraSerializationException>(() => new ProjectsClient(http).SearchProjectsAsync());

        Assert.That(error!.JsonPath, Is.EqualTo("$.values[1].projectTypeKey"));
        Assert.That(error.InnerException!.Message, Does.Contain("ProjectProjectTypeKey").And.Not.Contain("customer_service"));
    }

    [Test]
    public void ReportsFoldArrayIndexesAndStopRememberingAtTheirBound()
    {
        var diagnostics = new JiraSchemaDiagnostics();
        var reports = 0;
        diagnostics.MismatchFound += _ => reports++;

        for (var i = 0; i < 3; i++) diagnostics.Report(new JiraSchemaMismatch(JiraSchemaMismatchKind.UnknownEnumValue, $"$.values[{i}].type", "T", "R", null));
        diagnostics.Report(new JiraSchemaMismatch(JiraSchemaMismatchKind.UnknownEnumValue, "$.values[0].type", "T", "Other", null));

        Assert.That(reports, Is.EqualTo(2));
    }

    [Test]
    public void PathsNameTheTokenAtAnOffset()
    {
        var json = """{"a":[1,{"b c":"x"}],"d":{"e":true}}"""u8.ToArray();
        var text = System.Text.Encoding.UTF8.GetString(json);

        var paths = JsonPathLocator.PathsAt(json, [text.IndexOf("\"x\"", StringComparison.Ordinal), text.IndexOf("true", StringComparison.Ordinal), text.IndexOf("{\"b", StringComparison.Ordinal)]);

        Assert.That(paths.Values, Is.EquivalentTo(new[] { "$.a[1]['b c']", "$.d.e", "$.a[1]" }));
    }
}
