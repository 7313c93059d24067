using System.Net;
using JiraSdk.Errors;
using JiraSdk.V3;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Generated;

/// <summary>How the generated clients read success and failure.</summary>
public class GeneratedClientResponseTests : GeneratedClientFixture
{
    [Test]
    public async Task TimestampsWithoutAColonInTheOffsetAreRead()
    {
        Mock.When(Site + "rest/api/3/issue/DOCS-1/comment/7")
            .Respond("application/json", """{"id":"7","created":"2024-01-31T09:15:00.000+0100"}""");

        var comment = await Api.IssueComments.GetCommentAsync("DOCS-1", "7");

        Assert.That(comment.Created, Is.EqualTo(new DateTimeOffset(2024, 1, 31, 9, 15, 0, TimeSpan.FromHours(1))));
    }

    [Test]
    public void BadRequestCarriesJiraErrorCollection()
    {
        Mock.When(HttpMethod.Post, Site + "rest/api/3/issue").Respond(HttpStatusCode.BadRequest, "application/json",
            """{"errorMessages":["Issue type is required"],"errors":{"summary":"You must specify a summary of the issue."}}""");

        // Issue 13: the same response raises the same type with or without JiraClient's pipeline (JiraErrorFactory).
        var ex = Assert.ThrowsAsync<JiraBadRequestException>(() => Api.Issues.CreateIssueAsync(new IssueUpdateDetails()));

        Assert.That(ex!.StatusCode, Is.EqualTo(400));
        Assert.That(ex.ErrorMessages, Is.EqualTo(new[] { "Issue type is required" }));
        Assert.That(ex.Errors["summary"], Is.EqualTo("You must specify a summary of the issue."));
    }

    [Test]
    public void NotFoundIsAnApiExceptionWithStatus()
    {
        Mock.When(Site + "rest/api/3/issue/NOPE-1").Respond(HttpStatusCode.NotFound, "application/json",
            """{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}""");

        var ex = Assert.ThrowsAsync(Is.InstanceOf<JiraApiException>(), () => Api.Issues.GetIssueAsync("NOPE-1")) as JiraApiException;

        Assert.That(ex!.StatusCode, Is.EqualTo(404));
        Assert.That(ex.ErrorMessages.Single(), Does.StartWith("Issue does not exist"));
    }

    [Test]
    public void TooManyRequestsExposesRetryAfter()
    {
        var response = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("""{"errorMessages":["Rate limit exceeded"]}""") };
        response.Headers.TryAddWithoutValidation("Retry-After", "17");
        Mock.When(Site + "rest/api/3/issue/DOCS-1").Respond(_ => Task.FromResult(response));

        var ex = Assert.ThrowsAsync(Is.InstanceOf<JiraApiException>(), () => Api.Issues.GetIssueAsync("DOCS-1")) as JiraApiException;

        Assert.That(ex!.StatusCode, Is.EqualTo(429));
        Assert.That(ex.Headers["Retry-After"].Single(), Is.EqualTo("17"));
    }

    [Test]
    public void UndeclaredServerErrorIsAnApiException()
    {
        Mock.When(Site + "rest/api/3/myself").Respond(HttpStatusCode.BadGateway, "text/html", "<html>bad gateway</html>");

        var ex = Assert.ThrowsAsync(Is.InstanceOf<JiraApiException>(), () => Api.Myself.GetCurrentUserAsync()) as JiraApiException;

        Assert.That(ex!.StatusCode, Is.EqualTo(502));
        Assert.That(ex.Body, Is.EqualTo("<html>bad gateway</html>"));
    }

    [Test]
    public void MalformedJsonIsASerializationErrorNamingThePath()
    {
        Mock.When(Site + "rest/api/3/issue/DOCS-1").Respond("application/json", """{"key":"DOCS-1","fields":{"summary":""");

        var ex = Assert.ThrowsAsync<JiraSerializationException>(() => Api.Issues.GetIssueAsync("DOCS-1"));

        Assert.That(ex!.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
        // Issue fields are a free-form object read in one piece, so the path ends there; the position is exact.
        Assert.That(ex.JsonPath, Is.EqualTo("$.fields"));
        Assert.That(ex.Message, Does.Contain("(at $.fields, line 0, byte "));
    }

    [Test]
    public async Task IssueFieldsReadAsJsonValuesWithNullForJsonNullAndWriteBackUnchanged()
    {
        Mock.When(Site + "rest/api/3/issue/DOCS-1").Respond("application/json",
            """{"key":"DOCS-1","fields":{"summary":"Hi","duedate":null,"labels":["a","b"],"customfield_10010":{"value":"Gold"},"timeestimate":3600}}""");

        var issue = await Api.Issues.GetIssueAsync("DOCS-1");

        Assert.That(issue.Fields!["summary"], Is.InstanceOf<System.Text.Json.JsonElement>());
        Assert.That(((System.Text.Json.JsonElement)issue.Fields["summary"]).GetString(), Is.EqualTo("Hi"));
        Assert.That(issue.Fields["duedate"], Is.Null);
        Assert.That(((System.Text.Json.JsonElement)issue.Fields["customfield_10010"]).GetProperty("value").GetString(), Is.EqualTo("Gold"));
        Assert.That(((System.Text.Json.JsonElement)issue.Fields["timeestimate"]).GetInt32(), Is.EqualTo(3600));
        var options = new System.Text.Json.JsonSerializerOptions();
        JiraSdk.Serialization.JiraJson.Configure(options);
        Assert.That(System.Text.Json.JsonSerializer.Serialize(new IssueUpdateDetails { Fields = issue.Fields }, options),
            Is.EqualTo("""{"fields":{"summary":"Hi","duedate":null,"labels":["a","b"],"customfield_10010":{"value":"Gold"},"timeestimate":3600}}"""));
    }

    [Test]
    public void AWrongShapeIsASerializationErrorNamingThePath()
    {
        const string body = """{"key":"DOCS-1","changelog":{"histories":"not a list"}}""";
        Mock.When(Site + "rest/api/3/issue/DOCS-1").Respond("application/json", body);

        var ex = Assert.ThrowsAsync<JiraSerializationException>(() => Api.Issues.GetIssueAsync("DOCS-1"));

        Assert.That(ex!.JsonPath, Is.EqualTo("$.changelog.histories"));
        Assert.That(ex.Body, Is.EqualTo(body), "the body that failed is kept for the caller");
        Assert.That(ex.StatusCode, Is.EqualTo(200));
        Assert.That(ex.RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
    }

    [Test]
    public async Task ReadResponseAsStringStillReadsTheBodyAndTheModel()
    {
        Mock.When(Site + "rest/api/3/issue/DOCS-1").Respond("application/json", """{"key":"DOCS-1"}""");
        var client = new IssuesClient(Http) { ReadResponseAsString = true };

        var issue = await client.GetIssueAsync("DOCS-1");

        Assert.That(issue.Key, Is.EqualTo("DOCS-1"));
    }
}
