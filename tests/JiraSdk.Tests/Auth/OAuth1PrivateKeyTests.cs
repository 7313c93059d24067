using System.Security.Cryptography;
using System.Text;
using JiraSdk.Auth;
using JiraSdk.Tests.Auth.Support;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace JiraSdk.Tests.Auth;

public class OAuth1PrivateKeyTests
{
    public static IEnumerable<TestCaseData> ReadableKeys()
    {
        yield return new TestCaseData(Pem(TestKeys.Pkcs1Pem)).SetName("PKCS#1 PEM (BEGIN RSA PRIVATE KEY)");
        yield return new TestCaseData(Pem(TestKeys.Pkcs8Pem)).SetName("PKCS#8 PEM (BEGIN PRIVATE KEY, the .pcks8 file)");
        yield return new TestCaseData(Pem(TestKeys.Pkcs8Pem.Replace("\n", "\r\n") + "\r\n")).SetName("PKCS#8 PEM with CRLF line ends");
        yield return new TestCaseData(Pem(TestKeys.EncryptedPkcs8Pem, TestKeys.Passphrase)).SetName("encrypted PKCS#8 PEM with passphrase");
        yield return new TestCaseData(Pem(LegacyEncryptedPkcs1Pem(), LegacyPassphrase)).SetName("OpenSSL-encrypted PKCS#1 PEM with passphrase");
        yield return new TestCaseData(Der(TestKeys.Pkcs1Der)).SetName("PKCS#1 DER");
        yield return new TestCaseData(Der(TestKeys.Pkcs8Der)).SetName("PKCS#8 DER");
        yield return new TestCaseData(Der(TestKeys.EncryptedPkcs8Der, TestKeys.Passphrase)).SetName("encrypted PKCS#8 DER with passphrase");
        yield return new TestCaseData(Pem(Convert.ToBase64String(TestKeys.Pkcs8Der, Base64FormattingOptions.InsertLineBreaks))).SetName("base64 DER without PEM lines");
        yield return new TestCaseData(Pem("Bag Attributes\n    friendlyName: jira\n" + TestKeys.PublicPem + TestKeys.Pkcs8Pem)).SetName("PEM bundle with text, a public key, then the private key");
        yield return new TestCaseData(Pem(TestKeys.Pkcs8Pem, "unused passphrase")).SetName("unencrypted key with a needless passphrase");
    }

    [TestCaseSource(nameof(ReadableKeys))]
    public void Every_key_form_signs_verifiably_with_the_matching_public_key(JiraOAuth1Options options)
    {
        options.ConsumerKey = "ck";
        var signer = OAuth1Signer.FromOptions(options);
        const string baseString = "GET&https%3A%2F%2Fjira.example.com%2F&a%3Db";

        var signature = Convert.FromBase64String(signer.Sign(baseString));

        Assert.That(TestKeys.PublicOnly().VerifyData(Encoding.ASCII.GetBytes(baseString), signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1), Is.True);
    }

    public static IEnumerable<TestCaseData> BrokenKeys()
    {
        var pkcs8 = TestKeys.Pkcs8Pem;
        yield return new TestCaseData(Pem(pkcs8.Substring(0, pkcs8.Length / 2)), "malformed").SetName("truncated PEM (no END line)");
        var lines = pkcs8.Split('\n');
        yield return new TestCaseData(Pem(string.Join("\n", lines.Take(6).Concat(lines.Skip(lines.Length - 2)))), "malformed").SetName("PEM with body lines cut out");
        yield return new TestCaseData(Pem(TestKeys.EncryptedPkcs8Pem, "wrong passphrase"), "passphrase is wrong").SetName("encrypted PKCS#8 PEM, wrong passphrase");
        yield return new TestCaseData(Pem(TestKeys.EncryptedPkcs8Pem), "give its passphrase").SetName("encrypted PKCS#8 PEM, no passphrase");
        yield return new TestCaseData(Der(TestKeys.EncryptedPkcs8Der, "wrong passphrase"), "passphrase is wrong").SetName("encrypted PKCS#8 DER, wrong passphrase");
        yield return new TestCaseData(Der(TestKeys.EncryptedPkcs8Der), "give its passphrase").SetName("encrypted PKCS#8 DER, no passphrase");
        yield return new TestCaseData(Pem(LegacyEncryptedPkcs1Pem(), "wrong passphrase"), "passphrase is wrong").SetName("OpenSSL-encrypted PKCS#1 PEM, wrong passphrase");
        yield return new TestCaseData(Pem(TestKeys.PublicPem), "public key").SetName("public key PEM given as private");
        yield return new TestCaseData(Pem(TestKeys.Rsa.ExportRSAPublicKeyPem()), "public key").SetName("PKCS#1 public key PEM given as private");
        yield return new TestCaseData(Der(TestKeys.Rsa.ExportSubjectPublicKeyInfo()), "public key").SetName("public key DER given as private");
        yield return new TestCaseData(Pem(SelfSignedCertificatePem()), "certificate").SetName("certificate PEM given as private key");
        yield return new TestCaseData(Pem("this is not a key"), "malformed").SetName("garbage text");
        yield return new TestCaseData(Pem("-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n"), "malformed").SetName("garbage inside PEM lines");
        yield return new TestCaseData(Der(Encoding.ASCII.GetBytes("garbage bytes that are no DER")), "malformed").SetName("garbage DER");
        yield return new TestCaseData(Der(TestKeys.Pkcs8Der.Take(TestKeys.Pkcs8Der.Length - 40).ToArray()), "malformed").SetName("truncated DER");
        yield return new TestCaseData(Pem(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem()), "not an RSA key").SetName("EC private key");
        yield return new TestCaseData(Pem(RSA.Create(512).ExportPkcs8PrivateKeyPem()), "at least 2048").SetName("RSA key too short");
        yield return new TestCaseData(Pem("   "), "empty").SetName("empty PEM");
        yield return new TestCaseData(Der([]), "empty").SetName("empty DER");
        yield return new TestCaseData(new JiraOAuth1Options { AccessToken = "t" }, "PrivateKeyPem or PrivateKeyDer").SetName("no key at all");
        yield return new TestCaseData(new JiraOAuth1Options { PrivateKeyPem = TestKeys.Pkcs8Pem, PrivateKeyDer = TestKeys.Pkcs8Der, AccessToken = "t" }, "only one").SetName("both PEM and DER");
    }

    [TestCaseSource(nameof(BrokenKeys))]
    public void A_broken_key_fails_at_creation_with_a_clear_message_and_no_key_material(JiraOAuth1Options options, string expectedMessagePart)
    {
        options.ConsumerKey = "ck";
        options.AccessToken ??= "token";

        var exception = Assert.Throws<JiraPrivateKeyException>(() => JiraAuthentication.OAuth1(options))!;

        Assert.That(exception.Message, Does.Contain(expectedMessagePart));
        Assert.That(exception, Is.InstanceOf<JiraSdk.Errors.JiraException>());
        var everything = exception.ToString();
        foreach (var secret in KeyMaterialFragments(options))
            Assert.That(everything, Does.Not.Contain(secret), "the exception must not echo key material");
        Assert.That(everything, Does.Not.Contain(TestKeys.Passphrase).And.Not.Contain(LegacyPassphrase).And.Not.Contain("wrong passphrase"));
    }

    [Test]
    public void The_token_dance_also_reads_the_key_at_creation()
    {
        var options = new JiraOAuth1Options { ConsumerKey = "ck", PrivateKeyPem = TestKeys.PublicPem };

        Assert.That(() => new JiraOAuth1TokenDance(new HttpClient(), new Uri("https://jira.example.com"), options), Throws.TypeOf<JiraPrivateKeyException>());
    }

    private static IEnumerable<string> KeyMaterialFragments(JiraOAuth1Options options)
    {
        var texts = new List<string>();
        if (options.PrivateKeyPem is { } pem)
            texts.AddRange(pem.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 16 && !l.StartsWith("-----") && !l.Contains(' ')));
        if (options.PrivateKeyDer is { Length: >= 16 } der)
            texts.Add(Convert.ToBase64String(der).Substring(0, 16));
        texts.Add(Convert.ToBase64String(TestKeys.Pkcs8Der).Substring(40, 24));
        return texts;
    }

    // OpenSSL's legacy PEM encryption derives the key from ASCII passphrase bytes only.
    private const string LegacyPassphrase = "legacy-ascii-passphrase";

    private static string LegacyEncryptedPkcs1Pem()
    {
        // "Proc-Type: 4,ENCRYPTED" PEM as `openssl genrsa -aes128` writes it.
        var keyPair = DotNetUtilities.GetRsaKeyPair(TestKeys.Rsa.ExportParameters(true));
        using var text = new StringWriter();
        var writer = new PemWriter(text);
        writer.WriteObject(new MiscPemGenerator(keyPair.Private, "AES-128-CBC", LegacyPassphrase.ToCharArray(), new SecureRandom()));
        writer.Writer.Flush();
        return text.ToString();
    }

    private static string SelfSignedCertificatePem()
    {
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=jira", TestKeys.Rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }

    private static JiraOAuth1Options Pem(string pem, string? passphrase = null) => new() { PrivateKeyPem = pem, PrivateKeyPassphrase = passphrase, AccessToken = "t" };

    private static JiraOAuth1Options Der(byte[] der, string? passphrase = null) => new() { PrivateKeyDer = der, PrivateKeyPassphrase = passphrase, AccessToken = "t" };
}
