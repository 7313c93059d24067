using DocsReminder;
using JiraSdk.Auth;
using JiraSdk.V3;

// Configuration comes from the environment so that no secret is ever on the command line or in a file in git.
string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException($"Set the environment variable {name}.");

var site = new Uri(Require("JIRA_SITE").TrimEnd('/') + "/");
var options = new DocsReminderOptions { Site = site, SlackWebhookUrl = new Uri(Require("SLACK_WEBHOOK_URL")) };

// A Jira Cloud API token, applied to each request by the SDK's authentication handler.
var credentials = JiraAuthentication.Basic(Require("JIRA_EMAIL"), Require("JIRA_API_TOKEN"));
using var jira = new HttpClient(new JiraAuthenticationHandler(credentials, new HttpClientHandler())) { BaseAddress = site };
using var slack = new HttpClient();
var job = new DocsReminderJob(new IssueSearchClient(jira), slack, options);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

if (args.Contains("--once"))
{
    var posted = await job.RunOnceAsync(stop.Token);
    Console.WriteLine($"Posted {posted.Count} reminder(s).");
    return;
}

var schedule = new WeeklySchedule(options.Day, options.TimeOfDay, TimeProvider.System);
Console.WriteLine($"Next reminder at {schedule.NextAfter(DateTimeOffset.UtcNow):u}. Ctrl+C stops.");
await schedule.RunAsync(
    async token => Console.WriteLine($"Posted {(await job.RunOnceAsync(token)).Count} reminder(s)."),
    error => Console.Error.WriteLine($"Reminder run failed: {error.Message}"),
    stop.Token);
