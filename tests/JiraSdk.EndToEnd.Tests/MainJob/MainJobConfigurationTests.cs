using DocsReminder.Configuration;

namespace JiraSdk.EndToEnd.Tests.MainJob;

/// <summary>Missing or bad configuration: one line on stderr, exit 2, nothing sent and no secret shown.</summary>
public class MainJobConfigurationTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await DocsReminder.MainJob.RunAsync(args, environment, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [TestCase("JIRA_URL", "https://acme.atlassian.net", "JIRA_EMAIL and JIRA_API_TOKEN, or JIRA_PAT")]
    [TestCase("JIRA_URL", "acme.atlassian.net", "JIRA_URL is not an absolute http(s) URL")]
    [TestCase("JIRA_URL", "ftp://acme.atlassian.net", "JIRA_URL is not an absolute http(s) URL")]
    [TestCase("SLACK_WEBHOOK_URL", "http://hooks.slack.com/services/T/B/SECRETPART", "SLACK_WEBHOOK_URL must use https")]
    [TestCase("SLACK_WEBHOOK_URL", "not a url SECRETPART", "SLACK_WEBHOOK_URL is not an absolute http(s) URL")]
    [TestCase("JIRA_API_VERSION", "4", "JIRA_API_VERSION must be 2 or 3")]
    [TestCase("WEBHOOK_PORT", "70000", "WEBHOOK_PORT must be a port number")]
    [TestCase("WEBHOOK_PUBLIC_URL", "https://tunnel.example.com/hook", "WEBHOOK_PORT is not")]
    [TestCase("DOCS_PROJECT", "docs; drop", "DOCS_PROJECT must be a Jira project key")]
    public async Task A_bad_setting_is_one_line_and_exit_2(string name, string value, string expected)
    {
        var (code, output, error) = await RunAsync(new() { [name] = value });

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith("docs-reminder: ").And.Contain(expected).And.Not.Contain("SECRETPART"));
    }

    [Test]
    public async Task Half_of_the_basic_credentials_names_the_other_half()
    {
        var (code, _, error) = await RunAsync(new() { ["JIRA_URL"] = "http://127.0.0.1:9/", ["JIRA_EMAIL"] = "me@example.com" });

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("JIRA_API_TOKEN is not"));
    }

    [Test]
    public async Task A_remote_jira_without_a_public_webhook_url_is_refused_before_anything_is_sent()
    {
        var (code, _, error) = await RunAsync(new() { ["JIRA_URL"] = "https://acme.atlassian.net", ["JIRA_EMAIL"] = "me@example.com", ["JIRA_API_TOKEN"] = "SECRETPART" });

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("WEBHOOK_PUBLIC_URL").And.Not.Contain("SECRETPART"));
    }

    [Test]
    public async Task An_unknown_argument_is_a_usage_error()
    {
        var (code, _, error) = await RunAsync(new(), "--everything");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("'--everything'"));
    }

    [Test]
    public void Credentials_pick_cloud_or_data_center_like_the_cli()
    {
        var basic = MainJobSettings.FromEnvironment(new Dictionary<string, string?>
        {
            ["JIRA_URL"] = "http://127.0.0.1:8080", ["JIRA_EMAIL"] = "me@example.com", ["JIRA_API_TOKEN"] = "t", ["JIRA_PAT"] = "p",
        });
        var pat = MainJobSettings.FromEnvironment(new Dictionary<string, string?> { ["JIRA_URL"] = "http://127.0.0.1:8080/jira", ["JIRA_PAT"] = "p" });
        var basicV2 = MainJobSettings.FromEnvironment(new Dictionary<string, string?>
        {
            ["JIRA_URL"] = "http://127.0.0.1:8080", ["JIRA_EMAIL"] = "me@example.com", ["JIRA_API_TOKEN"] = "t", ["JIRA_API_VERSION"] = "2",
        });
        var none = MainJobSettings.FromEnvironment(new Dictionary<string, string?> { ["JIRA_EMAIL"] = "me@example.com" });

        Assert.That(basic.Jira!.IsDataCenter, Is.False);
        Assert.That(pat.Jira!.IsDataCenter, Is.True);
        Assert.That(pat.Jira.SiteUrl.AbsoluteUri, Is.EqualTo("http://127.0.0.1:8080/jira/"));
        Assert.That(basicV2.Jira!.IsDataCenter, Is.True);
        Assert.That(none.Jira, Is.Null, "without JIRA_URL the job runs against an embedded sandbox");
    }
}
