using System.Net;
using System.Text.Json.Nodes;

namespace JiraSdk.Testing.Tests;

/// <summary>Search with the real JQL engine knows the site's values: naming one that does not exist is a 400, as on Jira Cloud.</summary>
public sealed class SearchKnownValuesTests
{
    [TestCase("status = Nonexistent", "The value 'Nonexistent' does not exist for the field 'status'.")]
    [TestCase("project = NOPE", "The value 'NOPE' does not exist for the field 'project'.")]
    public async Task Unknown_values_answer_400_naming_the_value_and_field(string jql, string message)
    {
        await using var sandbox = await JiraSandbox.StartAsync();
        using var http = SandboxHttp.Create(sandbox);

        using var bad = await http.GetAsync("rest/api/3/search/jql?jql=" + Uri.EscapeDataString(jql));
        var body = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body.ToJsonString());
        Assert.That(body["errorMessages"]!.AsArray().Select(m => (string?)m), Does.Contain(message));

        using var good = await http.GetAsync("rest/api/3/search/jql?jql=" + Uri.EscapeDataString("project = DOCS AND status = \"On Hold\" AND priority >= Low"));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK), await good.Content.ReadAsStringAsync());
        Assert.That(JsonNode.Parse(await good.Content.ReadAsStringAsync())!["issues"]!.AsArray(), Is.Not.Empty);
    }
}
