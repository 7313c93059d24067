using System.Globalization;
using System.Net;
using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.Serialization;
using JiraSdk.V3;
using RichardSzalay.MockHttp;
using Version = JiraSdk.V3.Version;

namespace JiraSdk.Tests.Serialization;

/// <summary>
/// What goes on the wire and what is read back does not depend on the current culture: Thai (Buddhist calendar),
/// Persian (Persian calendar), Saudi Arabic (Umm al-Qura calendar), Turkish (dotted i) and the invariant culture.
/// </summary>
[TestFixture("")]
[TestFixture("th-TH")]
[TestFixture("fa-IR")]
[TestFixture("ar-SA")]
[TestFixture("tr-TR")]
[NonParallelizable]
public class CultureInvarianceTests(string cultureName)
{
    private const string Site = "https://example.atlassian.net/";
    private CultureInfo _culture = null!, _uiCulture = null!;
    private MockHttpMessageHandler _mock = null!;
    private HttpClient _http = null!;
    private JiraApiV3 _api = null!;

    [SetUp]
    public void UseCulture()
    {
        (_culture, _uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(cultureName);
        _mock = new MockHttpMessageHandler();
        _http = new HttpClient(_mock) { BaseAddress = new Uri(Site) };
        _api = new JiraApiV3(_http);
    }

    [TearDown]
    public void RestoreCulture()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        _http.Dispose();
        _mock.Dispose();
    }

    [Test]
    public async Task DatesAreWrittenAndReadInTheGregorianCalendar()
    {
        string? sent = null;
        _mock.Expect(HttpMethod.Post, Site + "rest/api/3/version")
            .With(request => (sent = request.Content!.ReadAsStringAsync().Result) != null)
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"1","releaseDate":"2018-02-01","startDate":"2017-12-31","userReleaseDate":"1/Feb/18"}""");

        var created = await _api.ProjectVersions.CreateVersionAsync(new Version { Name = "1.0", ReleaseDate = new DateTimeOffset(2024, 6, 30, 0, 0, 0, TimeSpan.Zero) });

        Assert.That(sent, Is.EqualTo("""{"name":"1.0","releaseDate":"2024-06-30"}"""));
        Assert.That(created.ReleaseDate!.Value.Date, Is.EqualTo(new DateTime(2018, 2, 1)));
        Assert.That(created.StartDate!.Value.Date, Is.EqualTo(new DateTime(2017, 12, 31)));
    }

    [Test]
    public async Task TimestampsAreWrittenAndReadInvariantly()
    {
        string? sent = null;
        _mock.Expect(HttpMethod.Post, Site + "rest/api/3/issue/DOCS-1/worklog")
            .With(request => (sent = request.Content!.ReadAsStringAsync().Result) != null)
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"9","started":"2024-01-31T09:15:00.000+0100","created":"2024-02-29T23:59:59.999-0530"}""");

        var worklog = await _api.IssueWorklogs.AddWorklogAsync("DOCS-1", new Worklog { Started = new DateTimeOffset(2024, 1, 31, 9, 15, 0, TimeSpan.FromHours(1)), TimeSpentSeconds = 3600 });

        Assert.That(sent, Is.EqualTo("""{"started":"2024-01-31T09:15:00.000+0100","timeSpentSeconds":3600}"""));
        Assert.That(worklog.Started, Is.EqualTo(new DateTimeOffset(2024, 1, 31, 9, 15, 0, TimeSpan.FromHours(1))));
        Assert.That(worklog.Created, Is.EqualTo(new DateTimeOffset(2024, 2, 29, 23, 59, 59, 999, TimeSpan.FromHours(-5.5))));
    }

    [Test]
    public async Task QueryAndPathValuesUseInvariantDigitsAndWireNames()
    {
        _mock.Expect(HttpMethod.Get, Site + "rest/api/3/project/search")
            .With(request => request.RequestUri!.Query == "?startAt=1234567&maxResults=50&orderBy=-key&id=10000&id=20000&expand=insight&status=live")
            .Respond("application/json", """{"values":[],"isLast":true,"total":1234567}""");

        var page = await _api.Projects.SearchProjectsAsync(startAt: 1234567, maxResults: 50, orderBy: SearchProjectsOrderBy.Minuskey, id: [10000, 20000],
            expand: "insight", status: [SearchProjectsStatusItem.Live]);

        Assert.That(page.Total, Is.EqualTo(1234567));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task BooleansInTheQueryAreLowerCaseInTurkishToo()
    {
        _mock.Expect(HttpMethod.Delete, Site + "rest/api/3/issue/DOCS-1?deleteSubtasks=true").Respond(HttpStatusCode.NoContent);

        await _api.Issues.DeleteIssueAsync("DOCS-1", DeleteIssueDeleteSubtasks.True);

        _mock.VerifyNoOutstandingExpectation();
    }

    [TestCase("\"2024-13-45\"")]
    [TestCase("\"not a date\"")]
    public void AnUnreadableDateInStrictModeIsASerializationErrorWithItsPath(string value)
    {
        var diagnostics = new JiraSchemaDiagnostics { Strict = true };
        using var http = new HttpClient(new JiraSchemaDiagnosticsHandler(diagnostics) { InnerHandler = _mock }) { BaseAddress = new Uri(Site) };
        _mock.When(Site + "rest/api/3/version/1").Respond("application/json", "{\"id\":\"1\",\"releaseDate\":" + value + "}");

        var error = Assert.ThrowsAsync<JiraSerializationException>(() => new ProjectVersionsClient(http).GetVersionAsync("1"));

        Assert.That(error!.JsonPath, Is.EqualTo("$.releaseDate"));
        Assert.That(error.Message, Does.Not.Contain("not a date"));
    }

    [Test]
    public async Task AnUnreadableDateOtherwiseReadsAsUnsetAndTheRestOfTheBodyStays()
    {
        _mock.When(Site + "rest/api/3/version/1").Respond("application/json", """{"id":"1","releaseDate":"31/12/2024","name":"1.0"}""");

        var version = await _api.ProjectVersions.GetVersionAsync("1");

        Assert.That(version.Name, Is.EqualTo("1.0"));
        Assert.That(version.ReleaseDate, Is.Null);
    }

    [Test]
    public void AWrongTokenTypeIsASerializationErrorNotABareFormatException()
    {
        _mock.When(Site + "rest/api/3/version/1").Respond("application/json", """{"id":"1","releaseDate":20240630}""");

        var error = Assert.ThrowsAsync<JiraSerializationException>(() => _api.ProjectVersions.GetVersionAsync("1"));

        Assert.That(error!.JsonPath, Is.EqualTo("$.releaseDate"));
    }

    [Test]
    public void OpenEnumsAndModelsSerializeTheSameInEveryCulture()
    {
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);
        var project = new Project { Id = "10000", ProjectTypeKey = ProjectProjectTypeKey.Software, IsPrivate = true };

        Assert.That(JsonSerializer.Serialize(project, options), Is.EqualTo("""{"id":"10000","isPrivate":true,"projectTypeKey":"software"}"""));
    }
}
