using System.Text;
using JiraSdk.Webhooks.Verification;

namespace JiraSdk.Webhooks.Tests.Verification;

public class JiraWebhookSignatureVerifierTests
{
    // The vector EVENTS.md quotes from Atlassian's webhook documentation.
    private const string Secret = "It's a Secret to Everybody";
    private const string Expected = "sha256=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello World!");

    [Test]
    public void Computes_the_documented_test_vector() =>
        Assert.That(JiraWebhookSignatureVerifier.ComputeSignature(Secret, Body), Is.EqualTo(Expected));

    [Test]
    public void Accepts_the_documented_signature_in_either_hex_case() =>
        Assert.Multiple(() =>
        {
            var verifier = new JiraWebhookSignatureVerifier([Secret]);
            Assert.That(verifier.Verify(Body, Expected), Is.EqualTo(WebhookSignatureStatus.Valid));
            Assert.That(verifier.Verify(Body, "SHA256=" + Expected.Substring(7).ToUpperInvariant()), Is.EqualTo(WebhookSignatureStatus.Valid));
        });

    [TestCase(null, WebhookSignatureStatus.Missing)]
    [TestCase("", WebhookSignatureStatus.Missing)]
    [TestCase("a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9", WebhookSignatureStatus.Malformed)]
    [TestCase("sha256=", WebhookSignatureStatus.Malformed)]
    [TestCase("sha256=zz771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9", WebhookSignatureStatus.Malformed)]
    [TestCase("sha256=a4771c39", WebhookSignatureStatus.Malformed)]
    [TestCase("sha1=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9", WebhookSignatureStatus.UnsupportedMethod)]
    [TestCase("sha512=a4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9", WebhookSignatureStatus.UnsupportedMethod)]
    [TestCase("sha256=b4771c39fbe90f317c7824e83ddef3caae9cb3d976c214ace1f2937e133263c9", WebhookSignatureStatus.Invalid)]
    public void Rejects_missing_malformed_other_method_and_wrong_signatures(string? header, WebhookSignatureStatus expected) =>
        Assert.That(new JiraWebhookSignatureVerifier([Secret]).Verify(Body, header), Is.EqualTo(expected));

    [Test]
    public void A_signature_over_a_different_body_is_invalid() =>
        Assert.That(new JiraWebhookSignatureVerifier([Secret]).Verify(Encoding.UTF8.GetBytes("Hello World! "), Expected),
            Is.EqualTo(WebhookSignatureStatus.Invalid));

    [Test]
    public void Any_configured_secret_is_accepted_so_secrets_can_be_rotated()
    {
        var verifier = new JiraWebhookSignatureVerifier(["new-secret", Secret]);

        Assert.That(verifier.Verify(Body, Expected), Is.EqualTo(WebhookSignatureStatus.Valid));
        Assert.That(verifier.Verify(Body, JiraWebhookSignatureVerifier.ComputeSignature("other", Body)), Is.EqualTo(WebhookSignatureStatus.Invalid));
    }

    [Test]
    public void Without_a_secret_nothing_is_checked() =>
        Assert.That(new JiraWebhookSignatureVerifier([]).Verify(Body, null), Is.EqualTo(WebhookSignatureStatus.NotChecked));

    [Test]
    public void ToString_does_not_reveal_the_secret() =>
        Assert.That(new JiraWebhookSignatureVerifier([Secret]).ToString(), Does.Not.Contain("Secret to"));
}
