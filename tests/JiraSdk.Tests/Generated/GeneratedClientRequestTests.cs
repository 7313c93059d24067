using System.Net;
using System.Text;
using System.Text.Json;
using JiraSdk.V3;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Generated;

/// <summary>What the generated v3 clients put on the wire: method, path, query encoding and JSON body.</summary>
public class GeneratedClientRequestTests : GeneratedClientFixture
{
    [Test]
    public async Task GetIssueSendsFieldsAsRepeatedParametersAndReadsTheIssue()
    {
        Mock.Expect(HttpMethod.Get, Site + "rest/api/3/issue/DOCS-1")
            .With(request => request.RequestUri!.Query == "?fields=summary&fields=status&expand=names%2Crenderedfields")
            .Respond("application/json", """{"id":"10001","key":"DOCS-1","fields":{"summary":"Write the guide","created":"2024-01-31T09:15:00.000+0100"}}""");

        var issue = await Api.Issues.GetIssueAsync("DOCS-1", fields: ["summary", "status"], expand: "names,renderedfields");

        Assert.That(issue.Key, Is.EqualTo("DOCS-1"));
        Assert.That(((JsonElement)issue.Fields!["summary"]).GetString(), Is.EqualTo("Write the guide"));
        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task PathValuesAreEscaped()
    {
        Mock.Expect(HttpMethod.Get, Site + "rest/api/3/issue/A%20B%2FC").Respond("application/json", """{"key":"x"}""");

        await Api.Issues.GetIssueAsync("A B/C");

        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task CreateIssuePostsOnlyTheFieldsThatWereSet()
    {
        string? body = null;
        Mock.Expect(HttpMethod.Post, Site + "rest/api/3/issue")
            .With(request => (body = request.Content!.ReadAsStringAsync().Result) != null)
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"10002","key":"DOCS-2","self":"https://example.atlassian.net/rest/api/3/issue/10002"}""");

        var created = await Api.Issues.CreateIssueAsync(new IssueUpdateDetails
        {
            Fields = new Dictionary<string, object>
            {
                ["project"] = new { key = "DOCS" },
                ["summary"] = "New page",
                ["issuetype"] = new { name = "Task" },
            },
        });

        Assert.That(created.Key, Is.EqualTo("DOCS-2"));
        Assert.That(body, Is.EqualTo("""{"fields":{"project":{"key":"DOCS"},"summary":"New page","issuetype":{"name":"Task"}}}"""));
    }

    [Test]
    public async Task EditIssueTreatsNoContentAsSuccess()
    {
        Mock.Expect(HttpMethod.Put, Site + "rest/api/3/issue/DOCS-1?notifyUsers=false")
            .WithContent("""{"fields":{"summary":"Renamed"}}""")
            .Respond(HttpStatusCode.NoContent);

        var result = await Api.Issues.EditIssueAsync("DOCS-1", new IssueUpdateDetails { Fields = new Dictionary<string, object> { ["summary"] = "Renamed" } }, notifyUsers: false);

        Assert.That(result, Is.Null);
        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task EditIssueReturnsTheIssueWhenAsked()
    {
        Mock.Expect(HttpMethod.Put, Site + "rest/api/3/issue/DOCS-1?returnIssue=true")
            .Respond("application/json", """{"key":"DOCS-1","fields":{"summary":"Renamed"}}""");

        var result = await Api.Issues.EditIssueAsync("DOCS-1", new IssueUpdateDetails(), returnIssue: true);

        Assert.That(result.Key, Is.EqualTo("DOCS-1"));
    }

    [Test]
    public async Task DoTransitionPostsTheTransitionAndAccepts204()
    {
        Mock.Expect(HttpMethod.Post, Site + "rest/api/3/issue/DOCS-1/transitions")
            .WithContent("""{"transition":{"id":"31"}}""")
            .Respond(HttpStatusCode.NoContent);

        await Api.Issues.DoTransitionAsync("DOCS-1", new IssueUpdateDetails { Transition = new IssueTransition { Id = "31" } });

        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AddCommentPostsAdfBody()
    {
        const string adf = """{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Hello"}]}]}""";
        Mock.Expect(HttpMethod.Post, Site + "rest/api/3/issue/DOCS-1/comment")
            .WithContent("{\"body\":" + adf + "}")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"100","body":""" + adf + "}");

        var comment = await Api.IssueComments.AddCommentAsync("DOCS-1", new Comment { Body = JsonDocument.Parse(adf).RootElement });

        Assert.That(comment.Id, Is.EqualTo("100"));
    }

    [Test]
    public async Task SearchByJqlGetEncodesTheQuery()
    {
        Mock.Expect(HttpMethod.Get, Site + "rest/api/3/search/jql")
            .With(request => request.RequestUri!.Query ==
                "?jql=project%20%3D%20DOCS%20AND%20summary%20~%20%22caf%C3%A9%20%2B%20bar%22&nextPageToken=tok%2F1&maxResults=50&fields=summary")
            .Respond("application/json", """{"issues":[{"id":"1","key":"DOCS-1"}],"nextPageToken":"tok2","isLast":false}""");

        var page = await Api.IssueSearch.SearchAndReconsileIssuesUsingJqlAsync(
            jql: "project = DOCS AND summary ~ \"café + bar\"", nextPageToken: "tok/1", maxResults: 50, fields: ["summary"]);

        Assert.That(page.Issues!.Single().Key, Is.EqualTo("DOCS-1"));
        Assert.That(page.NextPageToken, Is.EqualTo("tok2"));
        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task SearchByJqlPostSendsTheBody()
    {
        Mock.Expect(HttpMethod.Post, Site + "rest/api/3/search/jql")
            .WithContent("""{"fields":["summary","status"],"jql":"project = DOCS","maxResults":100}""")
            .Respond("application/json", """{"issues":[],"isLast":true}""");

        var page = await Api.IssueSearch.SearchAndReconsileIssuesUsingJqlPostAsync(
            new SearchAndReconcileRequestBean { Jql = "project = DOCS", Fields = ["summary", "status"], MaxResults = 100 });

        Assert.That(page.IsLast, Is.True);
        Mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task RegisterDynamicWebhooksPostsTheRegistration()
    {
        Mock.Expect(HttpMethod.Post, Site + "rest/api/3/webhook")
            .WithContent("""{"url":"https://app.example.com/hook","webhooks":[{"events":["jira:issue_created"],"jqlFilter":"project = DOCS"}]}""")
            .Respond("application/json", """{"webhookRegistrationResult":[{"createdWebhookId":1000}]}""");

        var result = await Api.Webhooks.RegisterDynamicWebhooksAsync(new WebhookRegistrationDetails
        {
            Url = "https://app.example.com/hook",
            Webhooks = [new WebhookDetails { Events = [WebhookDetailsEventsItem.JiraIssueCreated], JqlFilter = "project = DOCS" }],
        });

        Assert.That(result.WebhookRegistrationResult!.Single().CreatedWebhookId, Is.EqualTo(1000));
    }

    [Test]
    public async Task RefreshWebhooksPutsTheIds()
    {
        Mock.Expect(HttpMethod.Put, Site + "rest/api/3/webhook/refresh")
            .WithContent("""{"webhookIds":[1000,1001]}""")
            .Respond("application/json", """{"expirationDate":1700000000000}""");

        var result = await Api.Webhooks.RefreshWebhooksAsync(new ContainerForWebhookIDs { WebhookIds = [1000, 1001] });

        Assert.That(result.ExpirationDate, Is.EqualTo(1700000000000));
    }

    [Test]
    public async Task ClientsLeaveTheInjectedHttpClientUsable()
    {
        Mock.When(Site + "rest/api/3/myself").Respond("application/json", """{"accountId":"abc"}""");

        await new MyselfClient(Http).GetCurrentUserAsync();
        var again = await Api.Myself.GetCurrentUserAsync();

        Assert.That(again.AccountId, Is.EqualTo("abc"));
    }

    [Test]
    public async Task AddAttachmentSendsMultipartWithTheXsrfHeader()
    {
        HttpRequestMessage? sent = null;
        string? content = null;
        Mock.Expect(HttpMethod.Post, Site + "rest/api/3/issue/DOCS-1/attachments")
            .With(request =>
            {
                sent = request;
                content = request.Content!.ReadAsStringAsync().Result;
                return true;
            })
            .Respond("application/json", """[{"id":"5","filename":"notes.txt","size":5}]""");

        var attachments = await Api.IssueAttachments.AddAttachmentAsync("DOCS-1",
            [new FileParameter(new MemoryStream(Encoding.UTF8.GetBytes("hello")), "notes.txt", "text/plain")]);

        Assert.That(attachments.Single().Filename, Is.EqualTo("notes.txt"));
        Assert.That(sent!.Headers.GetValues("X-Atlassian-Token"), Is.EqualTo(new[] { "no-check" }));
        Assert.That(sent.Content!.Headers.ContentType!.MediaType, Is.EqualTo("multipart/form-data"));
        Assert.That(sent.Content.Headers.ContentType.Parameters.Any(p => p.Name == "boundary"), Is.True);
        Assert.That(content, Does.Contain("name=\"file\"").And.Contain("filename=\"notes.txt\"").And.Contain("hello"));
    }

    [Test]
    public async Task GetAttachmentContentReturnsTheBytesAndContentType()
    {
        Mock.Expect(HttpMethod.Get, Site + "rest/api/3/attachment/content/5?redirect=false")
            .Respond(HttpStatusCode.OK, new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new("image/png") } });

        using var file = await Api.IssueAttachments.GetAttachmentContentAsync("5", redirect: false);
        using var copy = new MemoryStream();
        await file.Stream.CopyToAsync(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(file.Headers["Content-Type"].Single(), Is.EqualTo("image/png"));
    }
}
