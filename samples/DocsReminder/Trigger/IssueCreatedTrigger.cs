using System.Security.Cryptography;
using JiraSdk;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Registration;

namespace DocsReminder.Trigger;

/// <summary>What the trigger saw.</summary>
/// <param name="IssueKey">The ticket it created (and deleted again).</param>
/// <param name="EventsReceived">Verified webhook events received, including the one for <paramref name="IssueKey"/>.</param>
public sealed record TriggerResult(string IssueKey, int EventsReceived);

/// <summary>A webhook delivery that never came within the time allowed.</summary>
public sealed class WebhookTimeoutException(string message) : Exception(message);

/// <summary>
/// Proves the webhook path end to end: registers a signed admin webhook for <c>jira:issue_created</c> through the SDK's
/// registrar, creates a ticket through <see cref="JiraClient"/>, waits (bounded) for its verified, typed
/// <see cref="IssueCreatedEvent"/>, then removes the registration and the ticket.
/// </summary>
public sealed class IssueCreatedTrigger(JiraClient jira, bool dataCenter, TextWriter output, TextWriter error)
{
    /// <summary>Runs the trigger once.</summary>
    /// <param name="project">The project to create the ticket in.</param>
    /// <param name="issueType">The ticket's issue type name.</param>
    /// <param name="receiver">The receiver the deliveries arrive at.</param>
    /// <param name="deliveryUrl">The URL Jira delivers to: the receiver's, or a public URL forwarding to it.</param>
    /// <param name="secret">The secret the receiver verifies with.</param>
    /// <param name="timeout">How long to wait for the delivery.</param>
    /// <param name="cancellationToken">Cancels the run (clean-up still happens).</param>
    /// <exception cref="WebhookTimeoutException">No verified <c>jira:issue_created</c> for the ticket arrived in time.</exception>
    public async Task<TriggerResult> RunAsync(string project, string issueType, WebhookReceiverHost receiver, Uri deliveryUrl, string secret,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var registrar = new AdminWebhookRegistrar(jira);
        // A name per run, so that concurrent runs never update or remove each other's registration.
        var definition = new AdminWebhookDefinition("docs-reminder-trigger-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant(),
            deliveryUrl.AbsoluteUri, [WebhookEventNames.IssueCreated])
        {
            JqlFilter = $"project = {project}",
            Secret = secret,
        };
        string? createdKey = null;
        var registered = false;
        try
        {
            var registration = await registrar.EnsureAsync(definition, cancellationToken: cancellationToken);
            registered = true;
            await output.WriteLineAsync($"webhook: registered '{definition.Name}' (id {registration.Id}) for {WebhookEventNames.IssueCreated} → {deliveryUrl}, signed");

            createdKey = await CreateTicketAsync(project, issueType, $"Docs reminder trigger check {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC", cancellationToken);
            await output.WriteLineAsync($"webhook: created {createdKey}");

            var received = 0;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                while (true)
                {
                    var e = await receiver.Events.ReadAsync(deadline.Token);
                    received++;
                    if (e is IssueCreatedEvent created && created.Issue?.Key == createdKey)
                    {
                        var summary = created.Issue.Fields?.Summary;
                        await output.WriteLineAsync($"webhook: received {created.WebhookEventName} for {createdKey} \"{summary}\", signature verified");
                        return new TriggerResult(createdKey, received);
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new WebhookTimeoutException(
                    $"No verified {WebhookEventNames.IssueCreated} delivery for {createdKey} reached {deliveryUrl} within {timeout.TotalSeconds:0} s ({received} other event(s) received).");
            }
        }
        finally
        {
            // Clean up even when cancelled or failed, but never hang on it.
            // A failed clean-up is reported, not thrown, so that it never hides why the run failed. When the registration
            // itself failed, its removal is only tried (a create may have landed before the failure), and the first error stands.
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await registrar.RemoveAsync(definition, cleanup.Token);
                if (createdKey is not null) await DeleteTicketAsync(createdKey, cleanup.Token);
                await output.WriteLineAsync($"webhook: removed the registration{(createdKey is null ? "" : " and " + createdKey)}");
            }
            catch (Exception ex)
            {
                if (registered)
                    await error.WriteLineAsync($"docs-reminder: clean-up failed, remove webhook '{definition.Name}'{(createdKey is null ? "" : " and " + createdKey)} by hand: {ex.Message}");
            }
        }
    }

    private async Task<string> CreateTicketAsync(string project, string issueType, string summary, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, object>
        {
            ["project"] = new { key = project },
            ["issuetype"] = new { name = issueType },
            ["summary"] = summary,
        };
        var key = dataCenter
            ? (await jira.V2.Issues.CreateIssueAsync(new JiraSdk.V2.IssueUpdateDetails { Fields = fields }, cancellationToken: cancellationToken)).Key
            : (await jira.V3.Issues.CreateIssueAsync(new JiraSdk.V3.IssueUpdateDetails { Fields = fields }, cancellationToken: cancellationToken)).Key;
        return key ?? throw new InvalidOperationException("Jira created the ticket but did not say its key.");
    }

    private Task DeleteTicketAsync(string key, CancellationToken cancellationToken) => dataCenter
        ? jira.V2.Issues.DeleteIssueAsync(key, cancellationToken: cancellationToken)
        : jira.V3.Issues.DeleteIssueAsync(key, cancellationToken: cancellationToken);
}
