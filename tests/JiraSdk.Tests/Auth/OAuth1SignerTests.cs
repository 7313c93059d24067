using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using JiraSdk.Auth;
using JiraSdk.Tests.Auth.Support;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Auth;

public class OAuth1SignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Rsa_sha1_signature_verifies_with_the_public_key_through_system_cryptography()
    {
        var signer = OAuth1Signer.FromOptions(Options(TestKeys.Pkcs8Pem));
        const string baseString = "GET&https%3A%2F%2Fjira.example.com%2Frest%2Fapi%2F2%2Fmyself&oauth_consumer_key%3Dck";

        var signature = Convert.FromBase64String(signer.Sign(baseString));

        Assert.That(TestKeys.PublicOnly().VerifyData(Encoding.ASCII.GetBytes(baseString), signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1), Is.True);
        Assert.That(TestKeys.PublicOnly().VerifyData(Encoding.ASCII.GetBytes(baseString + "x"), signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1), Is.False);
    }

    [Test]
    public async Task Header_carries_every_protocol_parameter_with_fixed_time_and_injected_nonce()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://jira.example.com/rest/api/2/myself");

        await Authentication().AuthenticateAsync(request, CancellationToken.None);

        Assert.That(request.Headers.Authorization!.Scheme, Is.EqualTo("OAuth"));
        var result = VerifyOnWire(request, Array.Empty<byte>());
        Assert.That(result.Valid, Is.True, result.Problem);
        Assert.That(result.OAuthParameters, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = "jira-sdk-consumer",
            ["oauth_nonce"] = "nonce-1",
            ["oauth_signature_method"] = "RSA-SHA1",
            ["oauth_timestamp"] = Now.ToUnixTimeSeconds().ToString(),
            ["oauth_version"] = "1.0",
            ["oauth_token"] = "access-token-1",
            ["oauth_signature"] = result.OAuthParameters["oauth_signature"],
        }));
    }

    [Test]
    public async Task Every_attempt_gets_a_fresh_nonce_and_the_current_timestamp()
    {
        var time = new FakeTimeProvider(Now);
        var auth = Authentication(time);
        var request = new HttpRequestMessage(HttpMethod.Get, "https://jira.example.com/rest/api/2/myself");

        await auth.AuthenticateAsync(request, CancellationToken.None);
        var first = VerifyOnWire(request, []).OAuthParameters;
        time.Advance(TimeSpan.FromSeconds(7));
        await auth.AuthenticateAsync(request, CancellationToken.None);
        var second = VerifyOnWire(request, []);

        Assert.That(second.Valid, Is.True, second.Problem);
        Assert.That(second.OAuthParameters["oauth_nonce"], Is.Not.EqualTo(first["oauth_nonce"]));
        Assert.That(long.Parse(second.OAuthParameters["oauth_timestamp"]) - long.Parse(first["oauth_timestamp"]), Is.EqualTo(7));
        Assert.That(request.Headers.GetValues("Authorization").Count(), Is.EqualTo(1), "the second attempt replaces the header");
    }

    [TestCase("project = \"DOCS\" AND summary ~ \"naïve café\" ORDER BY created DESC")]
    [TestCase("text ~ 'a+b' AND labels in (\"x&y\", \"p=q\", \"50%\")")]
    [TestCase("summary ~ \"日本語 😀\"")]
    [TestCase("reserved !*'();:@&=+$,/?#[] chars")]
    public async Task Query_parameters_with_reserved_characters_spaces_and_unicode_are_signed(string jql)
    {
        var uri = new Uri("https://jira.example.com/rest/api/2/search?jql=" + Uri.EscapeDataString(jql) + "&maxResults=50&fields=summary&fields=status");
        var request = new HttpRequestMessage(HttpMethod.Get, uri);

        await Authentication().AuthenticateAsync(request, CancellationToken.None);

        var result = VerifyOnWire(request, []);
        Assert.That(result.Valid, Is.True, result.Problem);
        Assert.That(result.BaseString, Does.Contain("jql%3D" + Uri.EscapeDataString(Uri.EscapeDataString(jql))));
        Assert.That(result.BaseString, Does.Contain("fields%3Dstatus%26fields%3Dsummary"), "repeated parameters are all signed, sorted by value");
    }

    [Test]
    public async Task Unescaped_characters_in_a_uri_are_signed_as_sent()
    {
        // Uri escapes the space, quotes and unicode itself; the signature must cover that wire form.
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://jira.example.com/rest/api/2/search?jql=summary ~ \"Grüße\""));

        await Authentication().AuthenticateAsync(request, CancellationToken.None);

        var result = VerifyOnWire(request, []);
        Assert.That(result.Valid, Is.True, result.Problem);
    }

    [Test]
    public async Task Plus_in_a_query_is_signed_as_a_space_the_way_servers_decode_it()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://jira.example.com/rest/api/2/search?jql=a+b");

        await Authentication().AuthenticateAsync(request, CancellationToken.None);

        Assert.That(VerifyOnWire(request, []).BaseString, Does.Contain("jql%3Da%2520b"));
    }

    [Test]
    public async Task Form_encoded_body_parameters_are_signed_and_the_body_still_goes_out_intact()
    {
        var form = new FormUrlEncodedContent([new("name", "José & Co"), new("tag", "a=b"), new("tag", "ü + ✓")]);
        var request = new HttpRequestMessage(HttpMethod.Post, "https://jira.example.com/rest/api/2/thing?x=1") { Content = form };

        await Authentication().AuthenticateAsync(request, CancellationToken.None);

        var body = await request.Content!.ReadAsByteArrayAsync();
        var result = VerifyOnWire(request, body);
        Assert.That(result.Valid, Is.True, result.Problem);
        Assert.That(result.BaseString, Does.Contain("name%3DJos%25C3%25A9%2520%2526%2520Co"));
        Assert.That(Encoding.ASCII.GetString(body), Is.EqualTo("name=Jos%C3%A9+%26+Co&tag=a%3Db&tag=%C3%BC+%2B+%E2%9C%93"));

        // Changing a body parameter after signing breaks the signature: the body really is covered.
        var tampered = VerifyOnWire(request, Encoding.ASCII.GetBytes("name=Mallory&tag=a%3Db&tag=%C3%BC+%2B+%E2%9C%93"));
        Assert.That(tampered.Valid, Is.False);
    }

    [Test]
    public async Task A_json_body_is_not_part_of_the_signature()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://jira.example.com/rest/api/2/issue")
        {
            Content = new StringContent("{\"a\":\"b=c\"}", Encoding.UTF8, "application/json"),
        };

        await Authentication().AuthenticateAsync(request, CancellationToken.None);

        var result = VerifyOnWire(request, await request.Content!.ReadAsByteArrayAsync());
        Assert.That(result.Valid, Is.True, result.Problem);
        Assert.That(result.BaseString, Does.Not.Contain("a%3D"));
    }

    [Test]
    public async Task Non_default_port_and_context_path_are_signed()
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, "http://Jira.Example.com:8080/jira/rest/api/2/issue/DOCS-1");

        await Authentication().AuthenticateAsync(request, CancellationToken.None);

        var result = VerifyOnWire(request, []);
        Assert.That(result.Valid, Is.True, result.Problem);
        Assert.That(result.BaseString, Does.StartWith("DELETE&http%3A%2F%2Fjira.example.com%3A8080%2Fjira%2Frest"));
    }

    [Test]
    public void Missing_consumer_key_or_access_token_fails_at_creation()
    {
        var noConsumer = Options(TestKeys.Pkcs8Pem);
        noConsumer.ConsumerKey = " ";
        var noToken = Options(TestKeys.Pkcs8Pem);
        noToken.AccessToken = null;

        Assert.That(() => JiraAuthentication.OAuth1(noConsumer), Throws.TypeOf<JiraCredentialsException>().With.Message.Contains("consumer key"));
        Assert.That(() => JiraAuthentication.OAuth1(noToken), Throws.TypeOf<JiraCredentialsException>().With.Message.Contains("access token"));
    }

    [Test]
    public void ToString_names_the_consumer_but_no_secret()
    {
        var options = Options(TestKeys.Pkcs8Pem);
        var auth = JiraAuthentication.OAuth1(options);

        foreach (var text in new[] { auth.ToString(), options.ToString() })
        {
            Assert.That(text, Does.Contain("jira-sdk-consumer"));
            Assert.That(text, Does.Not.Contain("access-token-1").And.Not.Contain("token-secret-1").And.Not.Contain("MII"));
        }
    }

    internal static JiraOAuth1Options Options(string pem, TimeProvider? time = null) => new()
    {
        ConsumerKey = "jira-sdk-consumer",
        PrivateKeyPem = pem,
        AccessToken = "access-token-1",
        AccessTokenSecret = "token-secret-1",
        TimeProvider = time ?? new FakeTimeProvider(Now),
        NonceFactory = new SequentialNonces().Next,
    };

    private static JiraAuthentication Authentication(TimeProvider? time = null) => JiraAuthentication.OAuth1(Options(TestKeys.Pkcs8Pem, time));

    internal static IndependentOAuth1Verifier.Result VerifyOnWire(HttpRequestMessage request, byte[] body)
    {
        var uri = request.RequestUri!;
        var host = uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port;
        return IndependentOAuth1Verifier.Verify(request.Method.Method, uri.Scheme, host, uri.PathAndQuery,
            request.Content?.Headers.ContentType?.ToString(), body, request.Headers.Authorization?.ToString(), TestKeys.PublicOnly());
    }
}
