using System.Reflection;
using System.Web;
using JiraSdk.V3;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Generated;

/// <summary>The generated <c>Enumerate…Async</c> twins of paged operations: what they ask for and when they stop.</summary>
public class GeneratedPagingTests : GeneratedClientFixture
{
    private static string? Query(HttpRequestMessage request, string name) => HttpUtility.ParseQueryString(request.RequestUri!.Query)[name];

    private void Page(string path, Func<HttpRequestMessage, bool> when, string body) =>
        Mock.Expect(HttpMethod.Get, Site + path).With(when).Respond("application/json", body);

    [Test]
    public async Task OffsetPagesAreFollowedUntilIsLastAndKeepTheOperationsOwnParameters()
    {
        Page("rest/api/3/project/search", r => Query(r, "startAt") == "0" && Query(r, "maxResults") == "2" && Query(r, "query") == "docs",
            """{"startAt":0,"maxResults":2,"total":5,"isLast":false,"values":[{"key":"A"},{"key":"B"}]}""");
        Page("rest/api/3/project/search", r => Query(r, "startAt") == "2" && Query(r, "query") == "docs",
            """{"startAt":2,"maxResults":2,"total":5,"isLast":false,"values":[{"key":"C"},{"key":"D"}]}""");
        Page("rest/api/3/project/search", r => Query(r, "startAt") == "4" && Query(r, "query") == "docs",
            """{"startAt":4,"maxResults":2,"total":5,"isLast":true,"values":[{"key":"E"}]}""");

        var keys = new List<string?>();
        await foreach (var project in Api.Projects.EnumerateSearchProjectsAsync(query: "docs", pageSize: 2)) keys.Add(project.Key);

        Assert.That(keys, Is.EqualTo(new[] { "A", "B", "C", "D", "E" }));
        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AGeneratedTwinResumesFromAPagesContinuationToken()
    {
        Page("rest/api/3/project/search", r => Query(r, "startAt") == "0" && Query(r, "maxResults") == "2",
            """{"startAt":0,"maxResults":2,"total":5,"isLast":false,"values":[{"key":"A"},{"key":"B"}]}""");
        Page("rest/api/3/project/search", r => Query(r, "startAt") == "2" && Query(r, "maxResults") == "3" && Query(r, "query") == "docs",
            """{"startAt":2,"maxResults":3,"total":5,"isLast":true,"values":[{"key":"C"},{"key":"D"},{"key":"E"}]}""");
        JiraSdk.Paging.JiraAsyncPageable<Project> projects = Api.Projects.EnumerateSearchProjectsAsync(query: "docs", pageSize: 2);

        JiraSdk.Paging.JiraPage<Project>? first = null;
        await foreach (var page in projects.AsPages())
        {
            first = page;
            break;
        }
        var rest = new List<string?>();
        await foreach (var page in projects.AsPages(first!.ContinuationToken, pageSizeHint: 3)) rest.AddRange(page.Values.Select(p => p.Key));

        Assert.That(first.ContinuationToken, Is.EqualTo("2"));
        Assert.That(rest, Is.EqualTo(new[] { "C", "D", "E" }));
        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task APageOfCommentsEndsExactlyOnItsTotal()
    {
        Page("rest/api/3/issue/DOCS-1/comment", r => Query(r, "startAt") == "0",
            """{"startAt":0,"maxResults":2,"total":4,"comments":[{"id":"1"},{"id":"2"}]}""");
        Page("rest/api/3/issue/DOCS-1/comment", r => Query(r, "startAt") == "2",
            """{"startAt":2,"maxResults":2,"total":4,"comments":[{"id":"3"},{"id":"4"}]}""");
        var anotherPage = Mock.When(Site + "rest/api/3/issue/DOCS-1/comment").Respond("application/json", """{"comments":[]}""");

        var ids = new List<string?>();
        await foreach (var comment in Api.IssueComments.EnumerateCommentsAsync("DOCS-1", pageSize: 2)) ids.Add(comment.Id);

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3", "4" }));
        Assert.That(Mock.GetMatchCount(anotherPage), Is.Zero, "no request after the page that reached the total");
    }

    [Test]
    public async Task ABareListIsFollowedUntilAnEmptyPage()
    {
        Page("rest/api/3/user/search", r => Query(r, "startAt") == "0" && Query(r, "query") == "ada", """[{"accountId":"1"},{"accountId":"2"}]""");
        Page("rest/api/3/user/search", r => Query(r, "startAt") == "2", """[{"accountId":"3"}]""");
        Page("rest/api/3/user/search", r => Query(r, "startAt") == "3", "[]");

        var ids = new List<string?>();
        await foreach (var user in Api.UserSearch.EnumerateFindUsersAsync(query: "ada", pageSize: 2)) ids.Add(user.AccountId);

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3" }));
        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task TokenPagesNestedInTheResponseAreFollowedThroughAnEmptyPage()
    {
        Page("rest/api/3/statuses/10001/projectUsages", r => Query(r, "nextPageToken") is null && Query(r, "maxResults") == "2",
            """{"statusId":"10001","projects":{"nextPageToken":"t2","values":[{"id":"1"},{"id":"2"}]}}""");
        Page("rest/api/3/statuses/10001/projectUsages", r => Query(r, "nextPageToken") == "t2",
            """{"statusId":"10001","projects":{"nextPageToken":"t3","values":[]}}""");
        Page("rest/api/3/statuses/10001/projectUsages", r => Query(r, "nextPageToken") == "t3",
            """{"statusId":"10001","projects":{"values":[{"id":"3"}]}}""");

        var ids = new List<string?>();
        await foreach (var usage in Api.Status.EnumerateProjectUsagesForStatusAsync("10001", pageSize: 2)) ids.Add(usage.Id);

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3" }));
        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task APositionTheSpecDeclaresAsAStringIsSentAsTheSameNumber()
    {
        Page("rest/api/3/issuesecurityschemes/level", r => Query(r, "startAt") == "0" && Query(r, "maxResults") == "1",
            """{"startAt":0,"total":2,"values":[{"id":"1"}]}""");
        Page("rest/api/3/issuesecurityschemes/level", r => Query(r, "startAt") == "1" && Query(r, "maxResults") == "1",
            """{"startAt":1,"total":2,"values":[{"id":"2"}]}""");

        var ids = new List<string?>();
        await foreach (var level in Api.IssueSecuritySchemes.EnumerateSecurityLevelsAsync(pageSize: 1)) ids.Add(level.Id);

        Assert.That(ids, Is.EqualTo(new[] { "1", "2" }));
        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AListWithTwoNamesIsReadUnderWhicheverJiraSent()
    {
        Page("rest/api/3/issue/createmeta/DOCS/issuetypes", _ => true,
            """{"startAt":0,"maxResults":50,"total":2,"issueTypes":[{"id":"1"},{"id":"2"}]}""");

        var ids = new List<string?>();
        await foreach (var type in Api.Issues.EnumerateCreateIssueMetaIssueTypesAsync("DOCS")) ids.Add(type.Id);

        Assert.That(ids, Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void CancellingStopsBeforeTheNextPage()
    {
        var pages = Mock.When(Site + "rest/api/3/project/search")
            .Respond("application/json", """{"isLast":false,"values":[{"key":"A"},{"key":"B"}]}""");
        using var cancel = new CancellationTokenSource();

        Assert.That(async () =>
        {
            await foreach (var _ in Api.Projects.EnumerateSearchProjectsAsync(pageSize: 2, cancellationToken: cancel.Token)) cancel.Cancel();
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Mock.GetMatchCount(pages), Is.EqualTo(1));
    }

    // The spec gives this operation no response body, so there are no items to enumerate.
    private static readonly string[] PlatformWithoutTwin = ["IScreenTabsClient.GetBulkScreenTabsAsync"];

    // Example-only responses (no schema): the methods return the JSON as is, so there is no typed item list to follow.
    private static readonly string[] AgileWithoutTwin =
    [
        "IBoardClient.GetEpicsAsync", "IBoardClient.GetIssuesWithoutEpicForBoardAsync", "IBoardClient.GetBoardIssuesForEpicAsync",
        "IBoardClient.GetProjectsAsync", "IBoardClient.GetAllSprintsAsync", "IBoardClient.GetBoardIssuesForSprintAsync",
        "IBoardClient.GetAllVersionsAsync", "IEpicClient.GetIssuesWithoutEpicAsync", "IEpicClient.GetIssuesForEpicAsync",
        "ISprintClient.GetIssuesForSprintAsync",
    ];

    // The Data Center spec declares these paged lists' responses as one item (or no body for getAllScreens), not a page.
    private static readonly string[] DataCenterWithoutTwin =
    [
        "IBoardClient.GetAllBoardsAsync", "IBoardClient.GetEpicsAsync", "IBoardClient.GetProjectsAsync", "IBoardClient.GetAllSprintsAsync",
        "IBoardClient.GetIssuesForSprintAsync", "IBoardClient.GetAllVersionsAsync", "ICustomFieldsClient.GetCustomFieldsAsync",
        "IGroupClient.GetUsersFromGroupAsync", "IIssueClient.GetCreateIssueMetaProjectIssueTypesAsync", "IIssueClient.GetCreateIssueMetaFieldsAsync",
        "IIssuetypeClient.GetPaginatedIssueTypesAsync", "IPriorityClient.GetPriorities_1Async", "IResolutionClient.GetPaginatedResolutionsAsync",
        "IScreensClient.GetAllScreensAsync", "IStatusClient.GetPaginatedStatusesAsync", "IUserClient.FindUsersWithAllPermissionsAsync",
        "IUserClient.FindUsersAsync", "IVersionClient.GetPaginatedVersionsAsync",
    ];

    public static IEnumerable<TestCaseData> GeneratedAssemblies()
    {
        yield return new TestCaseData(typeof(JiraApiV3), 80, PlatformWithoutTwin).SetArgDisplayNames("v3");
        yield return new TestCaseData(typeof(JiraSdk.V2.JiraApiV2), 80, PlatformWithoutTwin).SetArgDisplayNames("v2");
        yield return new TestCaseData(typeof(JiraSdk.Agile.JiraApiAgile), 14, AgileWithoutTwin).SetArgDisplayNames("agile");
        yield return new TestCaseData(typeof(JiraSdk.DataCenter.JiraApiDataCenter), 30, DataCenterWithoutTwin).SetArgDisplayNames("datacenter");
    }

    [TestCaseSource(nameof(GeneratedAssemblies))]
    public void EveryPagedOperationHasAnEnumeration(Type anyGeneratedType, int pagedAtLeast, string[] withoutTwin)
    {
        var assembly = anyGeneratedType.Assembly;
        var enumerations = assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Paging", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(JiraSdk.Paging.JiraAsyncPageable<>))
            .Select(m => m.GetParameters()[0].ParameterType.Name + "." + m.Name)
            .ToHashSet();
        var paged = assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods().Select(m => (Client: t, Method: m)))
            .Where(x => x.Method.GetParameters().Any(p => p.Name is "startAt" or "nextPageToken")
                && x.Method.GetParameters().Any(p => p.Name is "maxResults" or "maxResult"))
            .ToList();

        var missing = paged
            .Select(x => (Operation: x.Client.Name + "." + x.Method.Name,
                Enumeration: x.Client.Name + ".Enumerate" + (x.Method.Name.StartsWith("Get", StringComparison.Ordinal) ? x.Method.Name[3..] : x.Method.Name)))
            .Where(x => !enumerations.Contains(x.Enumeration) && !withoutTwin.Contains(x.Operation))
            .Select(x => x.Operation)
            .ToList();

        Assert.That(paged, Has.Count.GreaterThan(pagedAtLeast));
        Assert.That(missing, Is.Empty);
    }
}
