using System.Security.Cryptography;
using System.Text;
using JiraSdk.Auth;

namespace JiraSdk.Tests.Auth;

public class JiraOAuth1KeyPairTests
{
    private static readonly Lazy<JiraOAuth1KeyPair> Generated = new(() => JiraOAuth1KeyPair.Generate());

    [Test]
    public void Generated_pair_is_2048_bit_pem_that_the_platform_reads_and_the_signer_uses()
    {
        var pair = Generated.Value;
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(pair.PublicKeyPem);
        using var privateKey = RSA.Create();
        privateKey.ImportFromPem(pair.PrivateKeyPem);

        Assert.That(pair.KeySize, Is.EqualTo(2048));
        Assert.That(publicKey.KeySize, Is.EqualTo(2048));
        Assert.That(pair.PrivateKeyPem, Does.StartWith("-----BEGIN PRIVATE KEY-----\n").And.EndWith("-----END PRIVATE KEY-----\n"));
        Assert.That(pair.PublicKeyPem, Does.StartWith("-----BEGIN PUBLIC KEY-----\n").And.EndWith("-----END PUBLIC KEY-----\n"));

        var signer = OAuth1Signer.FromOptions(new JiraOAuth1Options { ConsumerKey = "ck", PrivateKeyPem = pair.PrivateKeyPem });
        var signature = Convert.FromBase64String(signer.Sign("base string"));
        Assert.That(publicKey.VerifyData(Encoding.ASCII.GetBytes("base string"), signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void Two_generated_pairs_differ()
    {
        Assert.That(JiraOAuth1KeyPair.Generate().PublicKeyPem, Is.Not.EqualTo(Generated.Value.PublicKeyPem));
    }

    [TestCase(1024)]
    [TestCase(2047)]
    [TestCase(0)]
    [TestCase(32768)]
    public void Weak_or_odd_key_sizes_are_refused(int bits) =>
        Assert.That(() => JiraOAuth1KeyPair.Generate(bits), Throws.TypeOf<JiraCredentialsException>().With.Message.Contains("2048"));

    [Test]
    public void ToString_shows_the_public_key_only()
    {
        var text = Generated.Value.ToString();

        Assert.That(text, Does.Contain(Generated.Value.PublicKeyPem));
        Assert.That(text, Does.Not.Contain("PRIVATE KEY").And.Not.Contain(Generated.Value.PrivateKeyPem.Split('\n')[1]));
    }

    [Test]
    public async Task Files_are_written_with_an_owner_only_private_key_and_not_overwritten_by_default()
    {
        var directory = Directory.CreateTempSubdirectory("jirasdk-keys-");
        try
        {
            var privatePath = Path.Combine(directory.FullName, "jira_privatekey.pem");
            var publicPath = Path.Combine(directory.FullName, "jira_publickey.pem");

            await Generated.Value.WriteToFilesAsync(privatePath, publicPath);

            Assert.That(await File.ReadAllTextAsync(privatePath), Is.EqualTo(Generated.Value.PrivateKeyPem));
            Assert.That(await File.ReadAllTextAsync(publicPath), Is.EqualTo(Generated.Value.PublicKeyPem));
            if (!OperatingSystem.IsWindows())
                Assert.That(File.GetUnixFileMode(privatePath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));

            var other = JiraOAuth1KeyPair.Generate();
            Assert.That(() => other.WriteToFilesAsync(privatePath, publicPath), Throws.TypeOf<IOException>());
            Assert.That(await File.ReadAllTextAsync(privatePath), Is.EqualTo(Generated.Value.PrivateKeyPem), "a refused write leaves the old key alone");

            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(privatePath, (UnixFileMode)0b110_100_100); // 0644 left by someone
            await other.WriteToFilesAsync(privatePath, publicPath, overwrite: true);
            Assert.That(await File.ReadAllTextAsync(privatePath), Is.EqualTo(other.PrivateKeyPem));
            if (!OperatingSystem.IsWindows())
                Assert.That(File.GetUnixFileMode(privatePath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
