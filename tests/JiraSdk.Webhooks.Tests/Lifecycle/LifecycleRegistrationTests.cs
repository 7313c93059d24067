using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Lifecycle;
using JiraSdk.Webhooks.Registration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JiraSdk.Webhooks.Tests.Lifecycle;

/// <summary>AddJiraWebhooks wires the registrars and the lifecycle services over the JiraClient of AddJiraClient.</summary>
public class LifecycleRegistrationTests
{
    [Test]
    public async Task The_hosted_services_resolve_over_AddJiraClient_and_recover_into_the_registered_handlers()
    {
        await using var jira = await SandboxApp.StartAsync();
        var handled = new List<string?>();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(jira.Clock);
        services.AddJiraClient(jira.ConfigureApp);
        services.AddJiraWebhooks()
            .On<IssueCreatedEvent>((e, _, _) => { lock (handled) handled.Add(e.Issue?.Key); return Task.CompletedTask; })
            .AddAppWebhookRefresh(o =>
            {
                o.Url = SandboxApp.DeadUrl();
                o.Webhooks.Add(new AppWebhookDefinition([WebhookEventNames.IssueCreated], "project = DOCS"));
            })
            .AddFailedDeliveryRecovery();
        await using var provider = services.BuildServiceProvider();

        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.That(hosted.OfType<AppWebhookRefreshService>().Single(), Is.SameAs(provider.GetRequiredService<AppWebhookRefreshService>()));
        Assert.That(hosted.OfType<FailedWebhookRecoveryService>().Single(), Is.SameAs(provider.GetRequiredService<FailedWebhookRecoveryService>()));
        Assert.That(provider.GetRequiredService<AdminWebhookRegistrar>(), Is.Not.Null);

        var refresh = await provider.GetRequiredService<AppWebhookRefreshService>().RefreshOnceAsync();
        Assert.That(refresh.Registered, Is.EqualTo(1));
        var key = await jira.CreateIssueAsync("Delivered to a dead URL");
        var recovery = provider.GetRequiredService<FailedWebhookRecoveryService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            await recovery.RecoverOnceAsync(timeout.Token);
            lock (handled) if (handled.Count > 0) break;
            await Task.Delay(20, timeout.Token);
        }
        Assert.That(handled, Is.EqualTo(new[] { key }));
    }
}
