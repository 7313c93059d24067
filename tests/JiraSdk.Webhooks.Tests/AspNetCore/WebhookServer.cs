using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using JiraSdk.Webhooks.AspNetCore;

namespace JiraSdk.Webhooks.Tests.AspNetCore;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, hosting MapJiraWebhooks.</summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Endpoint { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<WebhookServer> StartAsync(Action<JiraWebhooksBuilder> configureWebhooks, Action<JiraWebhookOptions> configureOptions, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        configureWebhooks(builder.Services.AddJiraWebhooks(configureOptions));
        var app = builder.Build();
        app.MapJiraWebhooks("/jira/webhooks");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WebhookServer(app, new Uri(new Uri(address), "/jira/webhooks"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
