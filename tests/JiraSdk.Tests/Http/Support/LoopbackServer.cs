using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JiraSdk.Tests.Http.Support;

/// <summary>A real HTTP server on 127.0.0.1 and a free port, answering each request with the given handler.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task> _handler;
    private readonly Task _loop;

    private LoopbackServer(HttpListener listener, Uri baseUri, Func<HttpListenerContext, Task> handler)
    {
        _listener = listener;
        _handler = handler;
        BaseUri = baseUri;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Every request seen: method, raw URL and headers.</summary>
    public ConcurrentQueue<(string Method, string RawUrl, WebHeaderCollection Headers)> Requests { get; } = new();

    public static LoopbackServer Start(Func<HttpListenerContext, Task> handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new LoopbackServer(listener, new Uri(prefix), handler);
            }
            catch (Exception ex) when (ex is HttpListenerException or SocketException && attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public static async Task WriteAsync(HttpListenerResponse response, int status, string body, string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            Requests.Enqueue((context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, new WebHeaderCollection { context.Request.Headers }));
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(context);
                }
                catch
                {
                    context.Response.StatusCode = 599;
                    context.Response.Close();
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch { /* listener closed */ }
    }
}
