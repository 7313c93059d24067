using JiraSdk.Cli.Tests.Support;

namespace JiraSdk.Cli.Tests;

public sealed class ConfigurationAndExitCodeTests
{
    [Test]
    public async Task Help_exits_0()
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync("--help");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Out, Does.Contain("search").And.Contain("raw").And.Contain("oauth1").And.Contain("issue"));
    }

    [TestCase("frobnicate")]
    [TestCase("issue")]
    [TestCase("raw GET")]
    [TestCase("search x --no-such-option")]
    public async Task A_malformed_command_line_is_one_line_and_exit_code_2(string commandLine)
    {
        var args = commandLine.Split(' ');
        using var cli = new CliHarness();
        var run = await cli.RunAsync(args);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Err.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Err, Does.StartWith("jira: ").And.Contain(" --help"));
    }

    [Test]
    public async Task Missing_site_or_credentials_are_usage_errors_that_say_what_to_set()
    {
        using var cli = new CliHarness();
        cli.Environment["JIRA_EMAIL"] = "ada@example.com";
        cli.Environment["JIRA_API_TOKEN"] = "secret-api-token";
        var noSite = await cli.RunAsync("raw", "GET", "/rest/api/3/myself");
        Assert.That(noSite.ExitCode, Is.EqualTo(2));
        Assert.That(noSite.Err, Does.Contain("JIRA_URL"));

        cli.Environment.Clear();
        cli.Environment["JIRA_URL"] = "https://example.atlassian.net";
        var noCredentials = await cli.RunAsync("raw", "GET", "/rest/api/3/myself");
        Assert.That(noCredentials.ExitCode, Is.EqualTo(2));
        Assert.That(noCredentials.Err, Does.Contain("JIRA_EMAIL").And.Contain("JIRA_PAT"));

        var badAuth = await cli.RunAsync("raw", "GET", "/rest/api/3/myself", "--auth", "pat");
        Assert.That(badAuth.ExitCode, Is.EqualTo(2));
        Assert.That(badAuth.Err.Trim(), Is.EqualTo("jira: --auth pat needs JIRA_PAT."));

        var badUrl = await cli.RunAsync("raw", "GET", "/x", "--url", "example.atlassian.net", "--pat", "p");
        Assert.That(badUrl.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task A_site_that_cannot_be_reached_is_exit_code_1()
    {
        using var cli = new CliHarness();
        cli.UseBasic(new Uri($"http://127.0.0.1:{FakeJira.UnusedPort()}/"));
        var run = await cli.RunAsync("raw", "GET", "/rest/api/3/myself");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Err.Trim(), Does.StartWith("jira: Could not reach Jira:"));
    }

    [Test]
    public async Task Options_override_the_environment_which_overrides_the_profile()
    {
        await using var fromProfile = new FakeJira(_ => (200, """{"site":"profile"}"""));
        await using var fromEnvironment = new FakeJira(_ => (200, """{"site":"environment"}"""));
        await using var fromOption = new FakeJira(_ => (200, """{"site":"option"}"""));
        using var cli = new CliHarness();
        Directory.CreateDirectory(Path.GetDirectoryName(cli.DefaultProfilePath)!);
        await File.WriteAllTextAsync(cli.DefaultProfilePath, $$"""{ "url": "{{fromProfile.BaseUri}}", "pat": "profile-pat" }""");

        var profileOnly = await cli.RunAsync("raw", "GET", "/rest/api/2/myself");
        cli.Environment["JIRA_URL"] = fromEnvironment.BaseUri.AbsoluteUri;
        cli.Environment["JIRA_PAT"] = "environment-pat";
        var environment = await cli.RunAsync("raw", "GET", "/rest/api/2/myself");
        var option = await cli.RunAsync("raw", "GET", "/rest/api/2/myself", "--url", fromOption.BaseUri.AbsoluteUri, "--pat", "option-pat");

        Assert.That(profileOnly.Out, Does.Contain("profile"));
        Assert.That(environment.Out, Does.Contain("environment"));
        Assert.That(option.Out, Does.Contain("option"));
        Assert.That(fromProfile.Requests.Single().Authorization, Is.EqualTo("Bearer profile-pat"));
        Assert.That(fromEnvironment.Requests.Single().Authorization, Is.EqualTo("Bearer environment-pat"));
        Assert.That(fromOption.Requests.Single().Authorization, Is.EqualTo("Bearer option-pat"));
    }

    [Test]
    public async Task A_named_profile_must_exist_and_be_json()
    {
        using var cli = new CliHarness();
        var missing = await cli.RunAsync("raw", "GET", "/x", "--profile", "nope.json");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Err, Does.Contain("nope.json").And.Contain("does not exist"));

        await File.WriteAllTextAsync(Path.Combine(cli.Home, "broken.json"), "{ \"pat\": \"profile-secret\", ");
        var broken = await cli.RunAsync("raw", "GET", "/x", "--profile", "broken.json");
        Assert.That(broken.ExitCode, Is.EqualTo(2));
        Assert.That(broken.Err, Does.Contain("not valid JSON").And.Not.Contain("profile-secret"));
    }

    [Test]
    public async Task Secrets_never_appear_in_any_output_even_verbose()
    {
        await using var jira = new FakeJira(_ => (401, """{"errorMessages":["You are not authenticated."]}"""));
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var runs = new[]
        {
            await cli.RunAsync("raw", "GET", "/rest/api/3/myself", "--verbose"),
            await cli.RunAsync("search", "project = X", "--verbose"),
            await cli.RunAsync("issue", "get", "X-1", "--verbose"),
        };

        Assert.That(runs.Select(r => r.ExitCode), Is.All.EqualTo(1));
        foreach (var run in runs)
        {
            Assert.That(run.Out + run.Err, Does.Not.Contain("secret-api-token"));
            Assert.That(run.Out + run.Err, Does.Not.Contain(CliHarness.BasicHeader.Substring(6)));
        }
    }
}
