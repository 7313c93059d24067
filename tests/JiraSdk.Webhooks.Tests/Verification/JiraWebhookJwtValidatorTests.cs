using JiraSdk.Webhooks.Verification;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Verification;

public class JiraWebhookJwtValidatorTests
{
    private const string ClientSecret = "ATOAclient-secret-of-the-oauth2-app-0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    private static JiraWebhookJwtValidator Validator(params string[] secrets) =>
        new(secrets.Length == 0 ? new[] { ClientSecret } : secrets, TimeSpan.FromSeconds(30), new FakeTimeProvider(Now));

    private static Task<WebhookSignatureStatus> Check(string token, JiraWebhookJwtValidator? validator = null) =>
        (validator ?? Validator()).ValidateAsync("Bearer " + token).AsTask();

    [Test]
    public async Task A_token_signed_HS256_with_the_client_secret_is_valid()
    {
        Assert.That(await Check(TestJwt.Create(ClientSecret, Now)), Is.EqualTo(WebhookSignatureStatus.Valid));
    }

    [Test]
    public async Task Any_configured_client_secret_validates_so_a_secret_can_be_rotated()
    {
        var validator = Validator("the-old-secret-of-the-app-0123456789abcdef", ClientSecret);
        Assert.That(await Check(TestJwt.Create(ClientSecret, Now), validator), Is.EqualTo(WebhookSignatureStatus.Valid));
        Assert.That(await Check(TestJwt.Create("the-old-secret-of-the-app-0123456789abcdef", Now), validator), Is.EqualTo(WebhookSignatureStatus.Valid));
    }

    [Test]
    public async Task A_secret_shorter_than_256_bits_still_validates_the_token_Jira_signed_with_it()
    {
        Assert.That(await Check(TestJwt.Create("short", Now), Validator("short")), Is.EqualTo(WebhookSignatureStatus.Valid));
        Assert.That(await Check(TestJwt.Create("shorter", Now), Validator("short")), Is.EqualTo(WebhookSignatureStatus.Invalid));
    }

    [Test]
    public async Task A_token_signed_with_another_secret_is_invalid()
    {
        Assert.That(await Check(TestJwt.Create("another-secret-0123456789abcdef0123456789", Now)), Is.EqualTo(WebhookSignatureStatus.Invalid));
    }

    [TestCase("none")]
    [TestCase("HS512")]
    [TestCase("RS256")]
    public async Task Algorithms_other_than_HS256_are_refused_even_with_the_right_secret(string alg)
    {
        Assert.That(await Check(TestJwt.Create(ClientSecret, Now, alg)), Is.EqualTo(WebhookSignatureStatus.UnsupportedMethod));
    }

    [Test]
    public async Task Lifetime_claims_are_checked_against_the_injected_clock_with_a_small_skew()
    {
        Assert.That(await Check(TestJwt.Create(ClientSecret, Now, expiresIn: TimeSpan.FromSeconds(-20))), Is.EqualTo(WebhookSignatureStatus.Valid), "within the skew");
        Assert.That(await Check(TestJwt.Create(ClientSecret, Now, expiresIn: TimeSpan.FromMinutes(-1))), Is.EqualTo(WebhookSignatureStatus.Expired));
        Assert.That(await Check(TestJwt.Create(ClientSecret, Now, notBeforeIn: TimeSpan.FromMinutes(2))), Is.EqualTo(WebhookSignatureStatus.NotYetValid));
        Assert.That(await Check(TestJwt.Create(ClientSecret, Now, issuedIn: TimeSpan.FromMinutes(2), expiresIn: TimeSpan.FromMinutes(5))), Is.EqualTo(WebhookSignatureStatus.NotYetValid));
        Assert.That(await Check(TestJwt.Create(ClientSecret, Now, withExpiry: false)), Is.EqualTo(WebhookSignatureStatus.Expired), "a token without exp never expires, so it is refused");
    }

    [TestCase("Bearer not-a-jwt")]
    [TestCase("Basic dXNlcjpwYXNz")]
    [TestCase("Bearer a.b")]
    public async Task Garbage_is_malformed_and_never_throws(string header)
    {
        Assert.That(await Validator().ValidateAsync(header), Is.EqualTo(WebhookSignatureStatus.Malformed));
    }

    [Test]
    public void ToString_never_shows_a_secret()
    {
        Assert.That(Validator().ToString(), Does.Not.Contain(ClientSecret));
    }
}
