using JiraSdk.Webhooks.Polling;
using JiraSdk.Webhooks.Reconciliation;
using Microsoft.Extensions.Hosting;

namespace JiraSdk.Webhooks.AspNetCore;

/// <summary>Runs the <see cref="JiraEventSource"/>'s reconciliation poll for the host's lifetime: at start (catching up after downtime), then every interval.</summary>
internal sealed class JiraReconciliationService(JiraEventSource source) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => source.RunReconciliationAsync(stoppingToken);
}

/// <summary>Runs one <see cref="JqlPollingTrigger"/> for the host's lifetime.</summary>
internal sealed class JqlPollingService(JqlPollingTrigger trigger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => trigger.RunAsync(stoppingToken);
}
