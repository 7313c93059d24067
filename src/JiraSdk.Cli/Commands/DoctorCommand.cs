using System.CommandLine;
using System.Globalization;
using JiraSdk.Cli.Configuration;
using JiraSdk.Errors;
using JiraSdk.Raw;

namespace JiraSdk.Cli.Commands;

/// <summary>
/// <c>jira doctor</c>: checks the site URL, which credentials are configured, the route (site or API gateway), token
/// expiry and scopes, then makes one call (<c>GET /rest/api/{v}/myself</c>) and reads the clock skew, the login verdict
/// (<c>X-Seraph-LoginReason</c>, CAPTCHA, login pages) and the status from it. Each finding is one line on stdout,
/// <c>ok</c> or <c>fix</c> with what to do; exit code 1 when anything needs fixing.
/// </summary>
internal static class DoctorCommand
{
    /// <summary>More skew than this breaks OAuth 1.0a timestamps and token expiry decisions.</summary>
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(2);

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var command = new Command("doctor", "Check the configuration and one call to Jira, and say what to fix");
        CommandActions.WithSettings(command, globals, context, async (parse, settings, cancellationToken) =>
        {
            var report = new Report(context.Output);
            var site = settings.SiteUrl;
            if (site is null)
            {
                await report.FixAsync("url", "no Jira site: pass --url, set JIRA_URL, or put \"url\" in the profile");
                return ExitCodes.JiraError;
            }
            if (site.Scheme == Uri.UriSchemeHttps) await report.OkAsync("url", site.ToString());
            // A Jira on this machine (the sandbox, a local Data Center) is reached over loopback: nothing travels on a network.
            else if (site.IsLoopback) await report.OkAsync("url", $"{site} (http on loopback: this machine only)");
            else await report.FixAsync("url", $"{site} is not https: credentials would travel in clear text");

            AuthKind kind;
            try
            {
                kind = settings.SelectAuthKind();
            }
            catch (UsageException missing)
            {
                await report.FixAsync("credentials", missing.Message);
                return ExitCodes.JiraError;
            }
            await report.OkAsync("credentials", Describe(kind, settings));
            await CheckRouteAndTokensAsync(report, kind, settings, context);

            using var connection = await Connection.JiraConnection.OpenAsync(settings, context, cancellationToken);
            await CheckCallAsync(report, connection, kind, context, cancellationToken);
            return report.NeedsFixing ? ExitCodes.JiraError : ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(AuthKind kind, CliSettings settings) => kind switch
    {
        AuthKind.Basic => $"basic ({settings.Email} with an API token)",
        AuthKind.Pat => "personal access token (Data Center)",
        AuthKind.OAuth1 => $"OAuth 1.0a (consumer '{settings.ConsumerKey}')",
        _ => $"OAuth 2.0 (client '{settings.ClientId}')",
    };

    private static async Task CheckRouteAndTokensAsync(Report report, AuthKind kind, CliSettings settings, CliContext context)
    {
        if (kind == AuthKind.Basic) return; // the call shows whether the site or the gateway took the token
        if (kind != AuthKind.OAuth2)
        {
            await report.OkAsync("route", "the site itself");
            return;
        }
        var stored = settings.Profile.OAuth2!;
        var gateway = settings.OAuth2Endpoints().ApiGatewayBaseUrl;
        await report.OkAsync("route", stored.CloudId is { } cloudId
            ? $"API gateway {new Uri(gateway, "ex/jira/" + cloudId + "/")}"
            : $"API gateway {gateway} (cloud id looked up at the first call)");
        var now = context.TimeProvider.GetUtcNow();
        if (stored.ExpiresAt is { } expires && expires <= now)
        {
            if (stored.RefreshToken is null) await report.FixAsync("token", "the access token expired and there is no refresh token: run 'jira oauth2 login'");
            else await report.OkAsync("token", "the access token expired; the refresh token renews it at the next call");
        }
        else
        {
            var left = stored.ExpiresAt is { } until ? $"expires in {Math.Floor((until - now).TotalMinutes).ToString(CultureInfo.InvariantCulture)} min" : "expiry unknown";
            await report.OkAsync("token", left + (stored.RefreshToken is null ? ", no refresh token (grant offline_access to stay logged in)" : ", refresh token present"));
        }
        if (string.IsNullOrWhiteSpace(stored.Scope)) await report.FixAsync("scopes", "no scopes recorded: run 'jira oauth2 login' with the scopes the commands need (e.g. read:jira-work)");
        else await report.OkAsync("scopes", stored.Scope!);
    }

    private static async Task CheckCallAsync(Report report, Connection.JiraConnection connection, AuthKind kind, CliContext context, CancellationToken cancellationToken)
    {
        var path = $"rest/api/{connection.ApiVersion}/myself";
        HttpResponseMessage response;
        try
        {
            response = await connection.Client.SendForResponseAsync(HttpMethod.Get, path, new JiraRequestOptions { ErrorOptions = JiraErrorOptions.NoThrow }, cancellationToken);
        }
        catch (JiraException unreachable)
        {
            await report.FixAsync("call", JiraCli.OneLine(unreachable.Message));
            return;
        }
        using (response)
        {
            if (kind == AuthKind.Basic) await report.OkAsync("route", RouteOf(response.RequestMessage?.RequestUri, connection.SiteUrl));
            if (response.Headers.Date is { } serverTime)
            {
                var skew = context.TimeProvider.GetUtcNow() - serverTime;
                var seconds = Math.Round(Math.Abs(skew.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (skew.Duration() > MaxClockSkew) await report.FixAsync("clock", $"this machine's clock is {seconds} s {(skew > TimeSpan.Zero ? "ahead of" : "behind")} Jira's: set it right (signatures and token expiry depend on it)");
                else await report.OkAsync("clock", $"within {seconds} s of Jira's");
            }
            var status = (int)response.StatusCode;
            var seraph = response.Headers.TryGetValues(JiraAuthenticationException.SeraphLoginReasonHeader, out var reasons) ? reasons.FirstOrDefault() : null;
            var denied = response.Headers.TryGetValues("X-Authentication-Denied-Reason", out var deniedValues) ? deniedValues.FirstOrDefault() : null;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (denied is not null)
                await report.FixAsync("login", $"Jira refused the login ({denied}): log in once in a browser, then retry");
            else if (seraph is not null && !seraph.Equals("OK", StringComparison.OrdinalIgnoreCase))
                await report.FixAsync("login", $"X-Seraph-LoginReason: {seraph}: Jira did not accept the credentials (check the user and the API token or password)");
            else if (response.Content.Headers.ContentType?.MediaType == "text/html")
                await report.FixAsync("login", "Jira answered an HTML page (a login or SSO page?): the credentials did not reach Jira, or a proxy wants a browser login");
            else if (status == 401)
                await report.FixAsync("login", body.IndexOf("scope does not match", StringComparison.OrdinalIgnoreCase) >= 0
                    ? "the token lacks a scope this call needs: log in again with read:jira-user (and the scopes your commands use)"
                    : "HTTP 401: the credentials were refused; create a new API token or log in again");
            else if (status >= 400)
                await report.FixAsync("call", $"GET /{path} answered HTTP {status}");
            else
                await report.OkAsync("login", seraph is null ? $"GET /{path} answered {status}" : $"GET /{path} answered {status}, X-Seraph-LoginReason: {seraph}");
        }
    }

    /// <summary>Where the call went: the site, or the API gateway route the SDK moved a scoped API token to.</summary>
    private static string RouteOf(Uri? final, Uri site)
    {
        if (final is null || string.Equals(final.GetLeftPart(UriPartial.Authority), site.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            return "the site itself";
        var path = final.AbsolutePath;
        var at = path.IndexOf("/ex/jira/", StringComparison.Ordinal);
        var end = at < 0 ? -1 : path.IndexOf('/', at + "/ex/jira/".Length);
        var route = final.GetLeftPart(UriPartial.Authority) + (end < 0 ? "/" : path.Substring(0, end + 1));
        return $"API gateway {route} (the site refused the token and the gateway took it: a scoped API token)";
    }

    /// <summary>One finding per line: <c>ok</c> or <c>fix</c>, the area, and the detail.</summary>
    private sealed class Report(TextWriter output)
    {
        public bool NeedsFixing { get; private set; }

        public Task OkAsync(string area, string detail) => output.WriteLineAsync($"ok   {area,-12} {detail}");

        public Task FixAsync(string area, string detail)
        {
            NeedsFixing = true;
            return output.WriteLineAsync($"fix  {area,-12} {detail}");
        }
    }
}
