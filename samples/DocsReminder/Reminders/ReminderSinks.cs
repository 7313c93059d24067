using System.Net.Http.Json;

namespace DocsReminder.Reminders;

/// <summary>Where a reminder goes.</summary>
public interface IReminderSink
{
    /// <summary>Sends one reminder.</summary>
    /// <param name="ticket">The ticket it is about.</param>
    /// <param name="message">The message text (Slack mrkdwn).</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    Task SendAsync(DocsTicket ticket, string message, CancellationToken cancellationToken);
}

/// <summary>
/// Posts to a Slack incoming webhook. Slack is not Jira, so this is a plain <see cref="HttpClient"/>: the SDK's
/// pipeline (Jira's credentials, retries and error mapping) is for Jira alone.
/// </summary>
public sealed class SlackReminderSink(HttpClient http, Uri webhookUrl) : IReminderSink
{
    /// <inheritdoc />
    public async Task SendAsync(DocsTicket ticket, string message, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(webhookUrl, new { text = message }, cancellationToken);
        // Slack's error bodies are short plain text ("invalid_payload"); they never echo the webhook URL, which is a secret.
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException(
                $"Slack refused the message for {ticket.Key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}",
                null, response.StatusCode);
    }
}

/// <summary>Prints each message, for runs without a Slack webhook.</summary>
public sealed class ConsoleReminderSink(TextWriter output) : IReminderSink
{
    /// <inheritdoc />
    public Task SendAsync(DocsTicket ticket, string message, CancellationToken cancellationToken) =>
        output.WriteLineAsync("slack> " + message);
}
