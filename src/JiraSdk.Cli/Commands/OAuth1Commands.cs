using System.CommandLine;
using JiraSdk.Auth;
using JiraSdk.Cli.Configuration;

namespace JiraSdk.Cli.Commands;

/// <summary><c>jira oauth1 keygen|login</c>: the Data Center application-link set-up.</summary>
internal static class OAuth1Commands
{
    public const string PrivateKeyFileName = "jira_privatekey.pem";
    public const string PublicKeyFileName = "jira_publickey.pem";

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var oauth1 = new Command("oauth1", "Set up OAuth 1.0a (RSA-SHA1) for a Jira application link");
        oauth1.Add(KeyGen(context));
        oauth1.Add(Login(globals, context));
        return oauth1;
    }

    private static Command KeyGen(CliContext context)
    {
        var output = new Option<string>("--out", "-o") { Description = "The directory for the key files (default: the current directory)", DefaultValueFactory = _ => "." };
        var keySize = new Option<int>("--key-size") { Description = $"The RSA key size in bits (at least {JiraOAuth1KeyPair.MinimumKeySize})", DefaultValueFactory = _ => JiraOAuth1KeyPair.MinimumKeySize };
        var force = new Option<bool>("--force") { Description = "Replace existing key files" };
        var command = new Command("keygen", $"Write {PrivateKeyFileName} (mode 0600) and {PublicKeyFileName}, and print the public key to paste into the application link") { output, keySize, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(keySize);
            if (size < JiraOAuth1KeyPair.MinimumKeySize) throw new UsageException($"--key-size must be at least {JiraOAuth1KeyPair.MinimumKeySize}.");
            var directory = context.ResolvePath(parse.GetValue(output)!);
            Directory.CreateDirectory(directory);
            var privatePath = Path.Combine(directory, PrivateKeyFileName);
            var publicPath = Path.Combine(directory, PublicKeyFileName);
            if (!parse.GetValue(force) && (File.Exists(privatePath) || File.Exists(publicPath)))
                throw new UsageException($"Key files already exist in '{directory}'; pass --force to replace them (the application link must then get the new public key).");
            var pair = JiraOAuth1KeyPair.Generate(size);
            await pair.WriteToFilesAsync(privatePath, publicPath, overwrite: true, cancellationToken);
            await context.Error.WriteLineAsync($"jira: wrote {privatePath} (keep it secret) and {publicPath}");
            await context.Error.WriteLineAsync("jira: paste this public key into Jira: Administration > Applications > Application links > incoming authentication:");
            await context.Output.WriteAsync(pair.PublicKeyPem);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Login(GlobalOptions globals, CliContext context)
    {
        var command = new Command("login",
            "Run the OAuth 1.0a token dance: print the authorize URL, read the verification code from standard input, store the access token in the profile");
        CommandActions.WithSettings(command, globals, context, async (parse, settings, cancellationToken) =>
        {
            var site = settings.RequireSiteUrl();
            var options = await settings.OAuth1OptionsAsync(context, cancellationToken);
            // The token requests carry their own signature: a client without credentials, over the SDK's pipeline.
            using var jira = Connection.JiraConnection.OpenWithoutCredentials(context, site);
            var dance = new JiraOAuth1TokenDance(jira.HttpClient, site, options);
            var requestToken = await dance.GetRequestTokenAsync(callbackUrl: null, cancellationToken);
            await context.Error.WriteLineAsync("jira: open this URL, approve access, then enter the verification code Jira shows:");
            await context.Output.WriteLineAsync(dance.GetAuthorizeUrl(requestToken).AbsoluteUri);
            await context.Error.WriteAsync("verification code: ");
            await context.Error.FlushAsync(cancellationToken);
            var verifier = await context.Input.ReadLineAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(verifier)) throw new UsageException("No verification code was entered.");
            var accessToken = await dance.GetAccessTokenAsync(requestToken, verifier.Trim(), cancellationToken);

            var profile = settings.Profile;
            profile.Url = site.AbsoluteUri;
            var stored = profile.OAuth1 ??= new OAuth1Profile();
            stored.ConsumerKey = options.ConsumerKey;
            stored.PrivateKeyFile = settings.PrivateKeyFile;
            stored.AccessToken = accessToken.Token;
            stored.AccessTokenSecret = accessToken.TokenSecret.Length == 0 ? null : accessToken.TokenSecret;
            await settings.Store.SaveAsync(profile, cancellationToken);
            var lifetime = accessToken.ExpiresIn is { } expires ? $", valid for {expires.TotalDays:0} days" : string.Empty;
            await context.Error.WriteLineAsync($"jira: stored the OAuth 1.0a access token in {settings.Store.Path}{lifetime}");
            return ExitCodes.Success;
        });
        return command;
    }
}
