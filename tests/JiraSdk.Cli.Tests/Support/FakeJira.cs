using JiraSdk.Tests.Support;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using JiraSdk.Tests.Auth.Support;

namespace JiraSdk.Cli.Tests.Support;

/// <summary>A request as the fake Jira received it.</summary>
internal sealed record ReceivedRequest(string Method, string RawUrl, string? Authorization, string? ContentType, string Body, string? AtlassianToken)
{
    public string Path => RawUrl.Split('?')[0];

    public string? Query(string name) => System.Web.HttpUtility.ParseQueryString(RawUrl.Contains('?') ? RawUrl.Substring(RawUrl.IndexOf('?')) : string.Empty)[name];
}

/// <summary>A Jira site on 127.0.0.1 that records every request and answers with the test's responder.</summary>
internal sealed class FakeJira : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    public FakeJira(Func<ReceivedRequest, (int Status, string Body)> respond)
    {
        _server = LoopbackServer.Start(async context =>
        {
            var request = context.Request;
            var body = Encoding.UTF8.GetString(await LoopbackServer.ReadBodyAsync(request));
            var received = new ReceivedRequest(request.HttpMethod, request.RawUrl!, request.Headers["Authorization"], request.ContentType, body, request.Headers["X-Atlassian-Token"]);
            Requests.Enqueue(received);
            var (status, answer) = respond(received);
            await LoopbackServer.WriteAsync(context.Response, status, answer);
        });
    }

    public Uri BaseUri => _server.BaseUri;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public IReadOnlyCollection<Exception> Errors => _server.HandlerErrors;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>A port nothing listens on, for connection failures.</summary>
    public static int UnusedPort() => LoopbackPorts.Unused();
}
