using DocsReminder;

// The main job: `dotnet run --project samples/DocsReminder -c Release`. Configuration comes from the environment
// (JIRA_URL + JIRA_EMAIL + JIRA_API_TOKEN or JIRA_PAT, SLACK_WEBHOOK_URL, …); without JIRA_URL it starts an embedded sandbox.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
    environment[(string)entry.Key] = entry.Value as string;
return await MainJob.RunAsync(args, environment, Console.Out, Console.Error, stop.Token);
