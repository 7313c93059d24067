using System.Net;
using System.Threading.Channels;
using JiraSdk.Webhooks.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocsReminder.Trigger;

/// <summary>
/// A webhook receiver on 127.0.0.1: an ASP.NET Core minimal host with the SDK's endpoint (<c>MapJiraWebhooks</c>), which
/// checks each delivery's <c>X-Hub-Signature</c> against the secret, drops duplicates and parses the typed event before
/// it reaches <see cref="Events"/>.
/// </summary>
public sealed class WebhookReceiverHost : IAsyncDisposable
{
    /// <summary>The path the endpoint is mapped at.</summary>
    public const string Path = "/jira/webhooks";

    private readonly WebApplication _app;
    private readonly Channel<JiraWebhookEvent> _events;

    private WebhookReceiverHost(WebApplication app, Channel<JiraWebhookEvent> events, Uri url)
    {
        _app = app;
        _events = events;
        Url = url;
    }

    /// <summary>The endpoint's URL, e.g. <c>http://127.0.0.1:54321/jira/webhooks</c>.</summary>
    public Uri Url { get; }

    /// <summary>Every verified event, in the order the handlers saw them.</summary>
    public ChannelReader<JiraWebhookEvent> Events => _events.Reader;

    /// <summary>Starts the receiver.</summary>
    /// <param name="secret">The secret deliveries must be signed with.</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<WebhookReceiverHost> StartAsync(string secret, int port, CancellationToken cancellationToken)
    {
        var events = Channel.CreateUnbounded<JiraWebhookEvent>();
        var builder = WebApplication.CreateSlimBuilder();
        // The job's own output is the report; the host's request logs would drown it.
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddJiraWebhooks(options => options.Secrets.Add(secret))
            .On<JiraWebhookEvent>((e, _, ct) => events.Writer.WriteAsync(e, ct).AsTask());
        var app = builder.Build();
        app.MapJiraWebhooks(Path);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (port != 0)
        {
            await app.DisposeAsync();
            throw new Configuration.ConfigurationException($"WEBHOOK_PORT {port} cannot be used on 127.0.0.1: {ex.Message}");
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookReceiverHost(app, events, new Uri(new Uri(address), Path));
    }

    /// <summary>Stops the receiver.</summary>
    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
