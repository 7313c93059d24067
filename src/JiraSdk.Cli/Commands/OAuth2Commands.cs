using System.CommandLine;
using JiraSdk.Auth;
using JiraSdk.Cli.Configuration;
using JiraSdk.Cli.Connection;

namespace JiraSdk.Cli.Commands;

/// <summary><c>jira oauth2 login</c>: Atlassian's 3LO consent with a redirect to a listener on 127.0.0.1.</summary>
internal static class OAuth2Commands
{
    public const int DefaultPort = 8765;
    private static readonly string[] DefaultScopes = { "read:jira-work", "write:jira-work", "read:jira-user", "manage:jira-webhook" };

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var oauth2 = new Command("oauth2", "Set up OAuth 2.0 (3LO) for Jira Cloud");
        oauth2.Add(Login(globals, context));
        return oauth2;
    }

    private static Command Login(GlobalOptions globals, CliContext context)
    {
        var port = new Option<int>("--port") { Description = $"The redirect listener's port on 127.0.0.1; the app's callback URL must be http://127.0.0.1:PORT/callback (default {DefaultPort})", DefaultValueFactory = _ => DefaultPort };
        var scopes = new Option<string[]>("--scope") { Description = "Scopes to request, comma-separated or repeated (offline_access is always added)", AllowMultipleArgumentsPerToken = true };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the browser to come back (default 300)", DefaultValueFactory = _ => 300 };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Only print the URL; do not try to open a browser" };
        var command = new Command("login", "Authorize this tool in the browser and store the OAuth 2.0 tokens in the profile") { port, scopes, timeout, noBrowser };
        CommandActions.WithSettings(command, globals, context, async (parse, settings, cancellationToken) =>
        {
            if (settings.ClientId is null || settings.ClientSecret is null)
                throw new UsageException("OAuth 2.0 needs the app's client id and secret: set JIRA_OAUTH2_CLIENT_ID and JIRA_OAUTH2_CLIENT_SECRET.");
            var listenPort = parse.GetValue(port);
            if (listenPort is < 1 or > 65535) throw new UsageException("--port must be between 1 and 65535.");
            var wait = parse.GetValue(timeout);
            if (wait < 1) throw new UsageException("--timeout must be at least 1 second.");
            var scopeList = CommandActions.SplitList(parse.GetValue(scopes));
            if (scopeList.Count == 0) scopeList = DefaultScopes;

            var endpoints = settings.OAuth2Endpoints();
            // The code exchange and the accessible-resources lookup carry the app's credentials: a client without the
            // user's, over the SDK's pipeline.
            using var jira = JiraConnection.OpenWithoutCredentials(context, endpoints.TokenEndpoint);
            var client = new JiraOAuth2Client(jira.HttpClient, settings.ClientId, settings.ClientSecret, endpoints, context.TimeProvider);
            var state = JiraOAuth2Client.CreateState();
            await using var listener = OAuth2RedirectListener.Start(listenPort);
            var authorizeUrl = client.GetAuthorizeUrl(listener.RedirectUri, scopeList, state);
            await context.Error.WriteLineAsync($"jira: open this URL and approve access; waiting on {listener.RedirectUri}");
            await context.Output.WriteLineAsync(authorizeUrl.AbsoluteUri);
            await context.Output.FlushAsync(cancellationToken);
            if (!parse.GetValue(noBrowser)) context.OpenBrowser(authorizeUrl);

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(wait));
            string code;
            try
            {
                code = await listener.WaitForCodeAsync(state, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CommandFailedException($"No authorization arrived within {wait} seconds.");
            }
            var tokens = await client.ExchangeCodeAsync(code, listener.RedirectUri, cancellationToken);
            var sites = await client.GetAccessibleResourcesAsync(tokens.AccessToken, cancellationToken);
            var site = ChooseSite(sites, settings.SiteUrl);

            settings.Profile.Url = site.Url.AbsoluteUri;
            var stored = settings.Profile.OAuth2 ??= new OAuth2Profile();
            stored.ClientId = settings.ClientId;
            await OAuth2TokenStorage.SaveAsync(settings, tokens, site.Id, cancellationToken);
            await context.Error.WriteLineAsync($"jira: authorized for {site.Url} ({site.Name}); tokens stored in {settings.Store.Path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static JiraCloudResource ChooseSite(IReadOnlyList<JiraCloudResource> sites, Uri? wanted)
    {
        if (sites.Count == 0) throw new CommandFailedException("The authorization reaches no Jira site; grant the app access to a site.");
        if (wanted is not null)
        {
            return sites.FirstOrDefault(s => string.Equals(s.Url.Host, wanted.Host, StringComparison.OrdinalIgnoreCase))
                   ?? throw new CommandFailedException($"The authorization does not reach {wanted.Host}; it reaches {string.Join(", ", sites.Select(s => s.Url.Host))}.");
        }
        if (sites.Count == 1) return sites[0];
        throw new UsageException($"The authorization reaches several sites ({string.Join(", ", sites.Select(s => s.Url.Host))}); pass --url to choose one.");
    }
}
