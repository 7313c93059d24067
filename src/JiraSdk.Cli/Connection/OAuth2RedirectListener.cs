using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace JiraSdk.Cli.Connection;

/// <summary>
/// Receives the OAuth 2.0 redirect on <c>http://127.0.0.1:PORT/callback</c>. Listens on the loopback address only, and
/// accepts only a callback carrying the state this login created.
/// </summary>
internal sealed class OAuth2RedirectListener : IAsyncDisposable
{
    private readonly HttpListener _listener;

    private OAuth2RedirectListener(HttpListener listener, Uri redirectUri)
    {
        _listener = listener;
        RedirectUri = redirectUri;
    }

    public Uri RedirectUri { get; }

    public static OAuth2RedirectListener Start(int port)
    {
        // A loopback listener for the browser's OAuth 2.0 redirect (RFC 8252 §7.3), not a call to Jira.
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException ex)
        {
            listener.Close();
            throw new UsageException($"Cannot listen on 127.0.0.1:{port} for the OAuth 2.0 redirect ({ex.Message}); choose another --port and register http://127.0.0.1:PORT/callback for the app.");
        }
        return new OAuth2RedirectListener(listener, new Uri($"http://127.0.0.1:{port}/callback"));
    }

    /// <summary>Waits for the callback with <paramref name="state"/> and returns its code; other requests are answered and ignored.</summary>
    public async Task<string> WaitForCodeAsync(string state, CancellationToken cancellationToken)
    {
        using var stop = cancellationToken.Register(() => _listener.Stop());
        while (true)
        {
            HttpListenerContext request;
            try
            {
                request = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            var url = request.Request.Url!;
            if (!string.Equals(url.AbsolutePath.TrimEnd('/'), "/callback", StringComparison.Ordinal))
            {
                await AnswerAsync(request.Response, 404, "Not the OAuth callback.");
                continue;
            }
            var query = System.Web.HttpUtility.ParseQueryString(url.Query);
            if (!SameState(query["state"], state))
            {
                // A callback this login did not start (or a stale tab): refuse it and keep waiting for the real one.
                await AnswerAsync(request.Response, 400, "This authorization response does not belong to the running 'jira oauth2 login'.");
                continue;
            }
            if (query["error"] is { } error)
            {
                await AnswerAsync(request.Response, 400, "Authorization failed: " + error);
                throw new CommandFailedException($"Atlassian did not authorize the app: {error}{(query["error_description"] is { } d ? " (" + d + ")" : string.Empty)}.");
            }
            if (string.IsNullOrEmpty(query["code"]))
            {
                await AnswerAsync(request.Response, 400, "The callback has no code.");
                continue;
            }
            await AnswerAsync(request.Response, 200, "jira is authorized. You can close this window.");
            return query["code"]!;
        }
    }

    private static bool SameState(string? received, string expected) =>
        received is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(expected));

    private static async Task AnswerAsync(HttpListenerResponse response, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public ValueTask DisposeAsync()
    {
        if (_listener.IsListening) _listener.Stop();
        _listener.Close();
        return ValueTask.CompletedTask;
    }
}
