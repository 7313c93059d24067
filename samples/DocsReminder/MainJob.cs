using System.Security.Cryptography;
using DocsReminder.Configuration;
using DocsReminder.Reminders;
using DocsReminder.Trigger;
using JiraSdk;
using JiraSdk.Errors;

namespace DocsReminder;

/// <summary>
/// The main job: the weekly docs reminder (JQL → one Slack message per ticket) and the webhook trigger (register,
/// create a ticket, receive its verified event), against the configured Jira or an embedded sandbox.
/// </summary>
public static class MainJob
{
    /// <summary>Exit code: done.</summary>
    public const int Success = 0;

    /// <summary>Exit code: Jira, Slack or the webhook delivery failed.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: the configuration or the command line is wrong; nothing was sent.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Runs the job; its last line on <paramref name="output"/> is <c>N reminders posted, M webhook events received</c>.</summary>
    /// <param name="args">Empty for one run of both parts; <c>--weekly</c> runs the reminder every Monday 09:00 UTC until cancelled.</param>
    /// <param name="environment">The configuration (see <see cref="MainJobSettings.FromEnvironment"/>).</param>
    /// <param name="output">Messages (when not posted to Slack), the trigger's steps and the summary line.</param>
    /// <param name="error">Notes and the one-line error.</param>
    /// <param name="cancellationToken">Stops the job.</param>
    /// <returns><see cref="Success"/>, <see cref="Failed"/> or <see cref="ConfigurationError"/>.</returns>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?> environment, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        try
        {
            var weekly = args switch
            {
                [] => false,
                ["--weekly"] => true,
                _ => throw new ConfigurationException($"Unknown argument '{args[0]}': run without arguments, or with --weekly."),
            };
            var settings = MainJobSettings.FromEnvironment(environment);
            return await RunAsync(settings, weekly, output, error, cancellationToken);
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync("docs-reminder: " + ex.Message);
            return ConfigurationError;
        }
        catch (Exception ex) when (ex is JiraException or HttpRequestException or WebhookTimeoutException
            || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            await error.WriteLineAsync("docs-reminder: " + OneLine(ex is OperationCanceledException ? "Cancelled." : ex.Message));
            return Failed;
        }
        catch (Exception ex)
        {
            // Still one line and an exit code, never an unhandled-exception dump; the type says where to look.
            await error.WriteLineAsync($"docs-reminder: unexpected {ex.GetType().Name}: {OneLine(ex.Message)}");
            return Failed;
        }
    }

    private static async Task<int> RunAsync(MainJobSettings settings, bool weekly, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        JiraSdk.Testing.JiraSandbox? sandbox = null;
        try
        {
            var site = settings.Jira;
            if (site is null)
            {
                (sandbox, site) = await EmbeddedJira.StartAsync(cancellationToken);
                await error.WriteLineAsync($"docs-reminder: JIRA_URL is not set, so this run uses an embedded JiraSandbox with demo data at {site.SiteUrl}");
            }
            using var jira = new JiraClient(new JiraClientOptions
            {
                SiteUrl = site.SiteUrl,
                Authentication = site.Authentication,
                UserAgent = "docs-reminder/1.0",
            });
            // Slack, not Jira: its incoming webhook is a plain HTTPS POST, so it does not go through JiraClient.
            using var slack = settings.SlackWebhookUrl is null ? null : new HttpClient();
            IReminderSink sink = settings.SlackWebhookUrl is { } slackUrl ? new SlackReminderSink(slack!, slackUrl) : new ConsoleReminderSink(output);
            var job = new DocsReminderJob(jira, site.IsDataCenter, sink, settings.Project);

            if (weekly)
            {
                var schedule = new WeeklySchedule(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeProvider.System);
                await error.WriteLineAsync($"docs-reminder: next reminder at {schedule.NextAfter(DateTimeOffset.UtcNow):u}; Ctrl+C stops.");
                await schedule.RunAsync(
                    async token => await output.WriteLineAsync($"{(await job.RunOnceAsync(token)).Count} reminders posted"),
                    failure => error.WriteLine("docs-reminder: this week's run failed: " + OneLine(failure.Message)),
                    cancellationToken);
                return Success;
            }

            var tickets = await job.RunOnceAsync(cancellationToken);

            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            await using var receiver = await WebhookReceiverHost.StartAsync(secret, settings.WebhookPort, cancellationToken);
            var trigger = new IssueCreatedTrigger(jira, site.IsDataCenter, output, error);
            var result = await trigger.RunAsync(settings.Project, settings.IssueType, receiver, settings.WebhookPublicUrl ?? receiver.Url, secret,
                settings.WebhookTimeout, cancellationToken);

            await output.WriteLineAsync($"{tickets.Count} reminders posted, {result.EventsReceived} webhook events received");
            return Success;
        }
        finally
        {
            if (sandbox is not null) await sandbox.DisposeAsync();
        }
    }

    private static string OneLine(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
