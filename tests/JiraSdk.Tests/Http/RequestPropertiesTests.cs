using JiraSdk.Http;

namespace JiraSdk.Tests.Http;

public class RequestPropertiesTests
{
    [Test]
    public void TheSdksOwnRequestsAndAnyOtherKeepTheSameSwitches()
    {
        foreach (var request in new[] { new JiraRequestMessage(), new HttpRequestMessage() })
        {
            using var _ = request;
            Assert.That(request.PathTemplateOf(), Is.Null);
            Assert.That(request.WantsErrorResponses() || request.MustGoWithoutCredentials() || request.WasRouted(), Is.False);

            request.SetPathTemplate("rest/api/3/issue/{issueIdOrKey}");
            request.ReturnErrorResponses();
            request.MarkRouted();

            Assert.That(request.PathTemplateOf(), Is.EqualTo("rest/api/3/issue/{issueIdOrKey}"));
            Assert.That(request.WantsErrorResponses() && request.WasRouted(), Is.True);
            Assert.That(request.MustGoWithoutCredentials() || request.WantsStreamedResponseBody() || request.HasSdkUserAgent(), Is.False);
        }
    }

    [Test]
    public void ARedirectHopGetsACopyThatDoesNotMarkTheRequestItCameFrom()
    {
        // A retry may send the first request again after a hop to another origin failed: it must keep its credentials.
        using var first = new JiraRequestMessage(HttpMethod.Get, new Uri("https://example.atlassian.net/rest/api/3/issue/DOCS-1"));
        first.SetPathTemplate("rest/api/3/issue/{issueIdOrKey}");
        using var plain = new HttpRequestMessage(HttpMethod.Get, new Uri("https://example.atlassian.net/rest/api/3/myself"));
        plain.ReturnErrorResponses();
#if NET5_0_OR_GREATER
        plain.Options.Set(new HttpRequestOptionsKey<string>("caller.option"), "kept");
#endif

        foreach (var previous in new HttpRequestMessage[] { first, plain })
        {
            using var hop = new JiraRequestMessage(HttpMethod.Get, new Uri("https://elsewhere.example/file"));
            RequestProperties.CopyOptions(previous, hop);
            hop.SendWithoutCredentials();

            Assert.That(hop.MustGoWithoutCredentials(), Is.True);
            Assert.That(previous.MustGoWithoutCredentials(), Is.False);
            Assert.That(hop.PathTemplateOf(), Is.EqualTo(previous.PathTemplateOf()));
            Assert.That(hop.WantsErrorResponses(), Is.EqualTo(previous.WantsErrorResponses()));
        }
#if NET5_0_OR_GREATER
        using var next = new JiraRequestMessage();
        RequestProperties.CopyOptions(plain, next);
        Assert.That(next.Options.TryGetValue(new HttpRequestOptionsKey<string>("caller.option"), out var kept) ? kept : null, Is.EqualTo("kept"),
            "the caller's own options travel with the hop");
#endif
    }
}
