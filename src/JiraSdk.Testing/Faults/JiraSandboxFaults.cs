using System.Globalization;
using JiraSdk.Testing.Rest;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Http;

namespace JiraSdk.Testing;

/// <summary>
/// Fault injection for your own tests: rules per route and method that make the sandbox answer as a struggling Jira
/// does — 429 with its rate-limit headers, 5xx, latency, a reset connection, a body that stalls, an HTML login page
/// with 200 — and a delay before writes show up in search. Rules apply in the order added; each applies to its next
/// <c>times</c> matching requests (null: until <see cref="Clear"/>). Thread-safe.
/// </summary>
/// <remarks>
/// Paths are matched on the request path (after the OAuth 2.0 gateway prefix is removed), exactly, or as a prefix
/// when they end in <c>*</c> (e.g. <c>/rest/api/3/issue/*</c>). A null method matches every method.
/// </remarks>
public sealed class JiraSandboxFaults
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();
    private readonly SandboxStore _store;

    internal JiraSandboxFaults(SandboxStore store) => _store = store;

    private sealed class Rule
    {
        public required string Path { get; init; }
        public required string? Method { get; init; }
        public required Func<HttpContext, RequestDelegate, Task> Apply { get; init; }
        public int? Remaining { get; set; }
    }

    /// <summary>How long a write stays invisible to search and <c>approximate-count</c> (Cloud search is eventually
    /// consistent); zero (the default) makes writes searchable at once.</summary>
    public TimeSpan SearchConsistencyDelay
    {
        get => _store.SearchDelay;
        set => _store.SearchDelay = value < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    /// <summary>Answers 429 as Jira Cloud's rate limiter does: <c>Retry-After</c> (whole seconds), <c>X-RateLimit-Limit</c>,
    /// <c>X-RateLimit-Remaining: 0</c>, <c>X-RateLimit-Reset</c> (ISO 8601) and <c>RateLimit-Reason</c>.</summary>
    /// <param name="path">The path (or prefix ending in <c>*</c>).</param>
    /// <param name="method">The HTTP method; null for any.</param>
    /// <param name="retryAfter">The wait announced; default 1 second.</param>
    /// <param name="reason">The <c>RateLimit-Reason</c>, e.g. <c>jira-burst-based</c>, <c>jira-quota-tenant-based</c>, <c>jira-per-issue-on-write</c>.</param>
    /// <param name="times">How many matching requests get it; null for all.</param>
    public void RateLimit(string path, HttpMethod? method = null, TimeSpan? retryAfter = null, string reason = "jira-burst-based", int? times = 1)
    {
        var wait = retryAfter ?? TimeSpan.FromSeconds(1);
        Add(path, method, times, async (http, _) =>
        {
            var seconds = Math.Max(0, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Limit"] = "100";
            http.Response.Headers["X-RateLimit-Remaining"] = "0";
            http.Response.Headers["X-RateLimit-Reset"] = _store.Time.GetUtcNow().Add(wait).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            http.Response.Headers["RateLimit-Reason"] = reason;
            http.Response.ContentType = RestIO.JsonMediaType;
            await http.Response.WriteAsync(RestIO.ErrorBody(new[] { "Rate limit exceeded." }).ToJsonString(), http.RequestAborted).ConfigureAwait(false);
        });
    }

    /// <summary>Answers a server error (default 503) with Jira's error shape.</summary>
    public void ServerError(string path, HttpMethod? method = null, int statusCode = 503, int? times = 1)
    {
        if (statusCode is < 500 or > 599) throw new ArgumentOutOfRangeException(nameof(statusCode), "A server error is 5xx.");
        Add(path, method, times, async (http, _) =>
        {
            http.Response.StatusCode = statusCode;
            http.Response.ContentType = RestIO.JsonMediaType;
            await http.Response.WriteAsync(RestIO.ErrorBody(new[] { "Internal server error (injected by the sandbox)." }).ToJsonString(), http.RequestAborted).ConfigureAwait(false);
        });
    }

    /// <summary>Waits before handling the request normally (on the sandbox's <see cref="TimeProvider"/>).</summary>
    public void Latency(string path, TimeSpan delay, HttpMethod? method = null, int? times = null) =>
        Add(path, method, times, async (http, next) =>
        {
            await Task.Delay(delay, _store.Time, http.RequestAborted).ConfigureAwait(false);
            await next(http).ConfigureAwait(false);
        });

    /// <summary>Drops the connection without an answer (the client sees a reset).</summary>
    public void ResetConnection(string path, HttpMethod? method = null, int? times = 1) =>
        Add(path, method, times, (http, _) =>
        {
            http.Abort();
            return Task.CompletedTask;
        });

    /// <summary>Sends 200 with the headers and the start of a JSON body, then nothing more until the client gives up.</summary>
    public void StallBody(string path, HttpMethod? method = null, int? times = 1) =>
        Add(path, method, times, async (http, _) =>
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = RestIO.JsonMediaType;
            http.Response.ContentLength = 1_000_000;
            await http.Response.WriteAsync("{\"issues\":[", http.RequestAborted).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        });

    /// <summary>Answers an HTML login page with 200, as an SSO proxy in front of Jira does.</summary>
    public void HtmlLoginPage(string path, HttpMethod? method = null, int? times = 1) =>
        Add(path, method, times, async (http, _) =>
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "text/html;charset=UTF-8";
            await http.Response.WriteAsync(
                "<!DOCTYPE html><html><head><title>Log in - Jira</title></head><body><form id=\"login-form\" action=\"/login.jsp\" method=\"post\">"
                + "<input name=\"os_username\"/><input name=\"os_password\" type=\"password\"/></form></body></html>", http.RequestAborted).ConfigureAwait(false);
        });

    /// <summary>Removes every rule (the search delay stays).</summary>
    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    private void Add(string path, HttpMethod? method, int? times, Func<HttpContext, RequestDelegate, Task> apply)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (times is <= 0) throw new ArgumentOutOfRangeException(nameof(times), "times must be positive, or null for always.");
        lock (_gate) _rules.Add(new Rule { Path = path.StartsWith('/') ? path : "/" + path, Method = method?.Method, Apply = apply, Remaining = times });
    }

    internal async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        Rule? match = null;
        lock (_gate)
        {
            var path = http.Request.Path.Value ?? "/";
            match = _rules.FirstOrDefault(r =>
                (r.Method is null || string.Equals(r.Method, http.Request.Method, StringComparison.OrdinalIgnoreCase))
                && (r.Path.EndsWith('*') ? path.StartsWith(r.Path[..^1], StringComparison.Ordinal) : string.Equals(path, r.Path, StringComparison.Ordinal)));
            if (match?.Remaining is { } remaining)
            {
                if (remaining <= 1) _rules.Remove(match);
                else match.Remaining = remaining - 1;
            }
        }
        if (match is null) await next(http).ConfigureAwait(false);
        else await match.Apply(http, next).ConfigureAwait(false);
    }
}
