using JiraSdk.Auth;

namespace JiraSdk.Tests.Auth;

public class CloudSiteSelectionTests
{
    private static readonly JiraCloudResource A = new("cloud-a", new Uri("https://a.atlassian.net"), "a", ["read:jira-work"]);
    private static readonly JiraCloudResource B = new("cloud-b", new Uri("https://b.atlassian.net"), "b", ["read:jira-work"]);

    [Test]
    public void The_single_resource_is_used_when_nothing_is_configured() =>
        Assert.That(CloudSiteResolver.Select([A], null, new Uri("https://custom.example.com/rest")), Is.SameAs(A));

    [Test]
    public void A_configured_site_url_picks_its_resource_ignoring_case_path_and_trailing_slash() =>
        Assert.That(CloudSiteResolver.Select([A, B], new Uri("https://B.Atlassian.net/jira/"), new Uri("https://a.atlassian.net/")), Is.SameAs(B));

    [Test]
    public void The_request_host_picks_the_resource_when_no_site_is_configured() =>
        Assert.That(CloudSiteResolver.Select([A, B], null, new Uri("https://b.atlassian.net/rest/api/3/myself")), Is.SameAs(B));

    [Test]
    public void Several_resources_and_none_chosen_fail_listing_every_site()
    {
        var exception = Assert.Throws<JiraCloudSiteSelectionException>(() => CloudSiteResolver.Select([A, B], null, new Uri("https://custom.example.com/")))!;

        Assert.That(exception.Message, Does.Contain("a (https://a.atlassian.net, cloud id cloud-a)").And.Contain("b (https://b.atlassian.net, cloud id cloud-b)").And.Contain("none was chosen"));
        Assert.That(exception.AvailableSites, Is.EqualTo(new[] { A, B }));
    }

    [Test]
    public void A_configured_site_that_the_token_cannot_reach_fails_even_with_a_single_resource()
    {
        var exception = Assert.Throws<JiraCloudSiteSelectionException>(() => CloudSiteResolver.Select([A], new Uri("https://c.atlassian.net"), null))!;

        Assert.That(exception.Message, Does.Contain("https://c.atlassian.net").And.Contain("https://a.atlassian.net"));
    }

    [Test]
    public void No_resources_fail_saying_the_app_has_no_site_access()
    {
        var exception = Assert.Throws<JiraCloudSiteSelectionException>(() => CloudSiteResolver.Select([], null, null))!;

        Assert.That(exception.Message, Does.Contain("no Jira site"));
        Assert.That(exception.AvailableSites, Is.Empty);
    }

    [Test]
    public async Task A_configured_cloud_id_is_used_without_a_lookup()
    {
        var lookups = 0;
        var resolver = new CloudSiteResolver(" cloud-z ", null, (_, _) =>
        {
            lookups++;
            return Task.FromResult<IReadOnlyList<JiraCloudResource>>([A]);
        });

        Assert.That(await resolver.GetCloudIdAsync(new Uri("https://a.atlassian.net/"), "token", CancellationToken.None), Is.EqualTo("cloud-z"));
        Assert.That(lookups, Is.Zero);
    }

    [Test]
    public void Site_requests_map_to_the_gateway_keeping_path_and_query() =>
        Assert.That(
            OAuth2BearerAuthentication.MapToGateway(new Uri("https://api.atlassian.com/ex/jira/cloud-a/"), new Uri("https://a.atlassian.net/rest/api/3/search/jql?jql=project%20%3D%20%22D%22&fields=*all")).AbsoluteUri,
            Is.EqualTo("https://api.atlassian.com/ex/jira/cloud-a/rest/api/3/search/jql?jql=project%20%3D%20%22D%22&fields=*all"));
}
