using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Utilities.IO.Pem;
using Org.BouncyCastle.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace JiraSdk.Auth;

/// <summary>
/// An RSA key pair for a Jira OAuth 1.0a application link: the private key (PKCS#8 PEM) for
/// <see cref="JiraOAuth1Options.PrivateKeyPem"/> and the public key (PEM) to paste into the application link.
/// </summary>
public sealed class JiraOAuth1KeyPair
{
    /// <summary>The smallest key size accepted.</summary>
    public const int MinimumKeySize = 2048;

    private JiraOAuth1KeyPair(string privateKeyPem, string publicKeyPem, int keySize)
    {
        PrivateKeyPem = privateKeyPem;
        PublicKeyPem = publicKeyPem;
        KeySize = keySize;
    }

    /// <summary>The private key as PKCS#8 PEM (<c>BEGIN PRIVATE KEY</c>). Keep it secret.</summary>
    public string PrivateKeyPem { get; }

    /// <summary>The public key as PEM (<c>BEGIN PUBLIC KEY</c>), to paste into Jira's application link.</summary>
    public string PublicKeyPem { get; }

    /// <summary>The modulus size in bits.</summary>
    public int KeySize { get; }

    /// <summary>Generates a new RSA key pair.</summary>
    /// <param name="keySize">The modulus size in bits; at least <see cref="MinimumKeySize"/>.</param>
    /// <exception cref="JiraCredentialsException">The key size is below 2048 or above 16384 bits, or not a multiple of 8.</exception>
    public static JiraOAuth1KeyPair Generate(int keySize = MinimumKeySize)
    {
        if (keySize < MinimumKeySize || keySize > 16384 || keySize % 8 != 0)
            throw new JiraCredentialsException($"An OAuth 1.0a RSA key must have between {MinimumKeySize} and 16384 bits (a multiple of 8); {keySize} was asked for.");
        RSAParameters p;
        using (var rsa = RSA.Create())
        {
            rsa.KeySize = keySize;
            p = rsa.ExportParameters(includePrivateParameters: true);
        }
        var privateKey = new RsaPrivateCrtKeyParameters(
            Unsigned(p.Modulus!), Unsigned(p.Exponent!), Unsigned(p.D!), Unsigned(p.P!), Unsigned(p.Q!), Unsigned(p.DP!), Unsigned(p.DQ!), Unsigned(p.InverseQ!));
        var publicKey = new RsaKeyParameters(false, privateKey.Modulus, privateKey.PublicExponent);
        return new JiraOAuth1KeyPair(
            ToPem("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetEncoded()),
            ToPem("PUBLIC KEY", SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey).GetEncoded()),
            keySize);
    }

    /// <summary>
    /// Writes the private and the public key to files. The private key file is created readable and writable by the
    /// owner only (mode 0600) where the operating system has Unix file modes.
    /// </summary>
    /// <param name="privateKeyPath">Where to write the private key PEM.</param>
    /// <param name="publicKeyPath">Where to write the public key PEM.</param>
    /// <param name="overwrite">Whether existing files may be replaced; when <c>false</c> an existing file raises <see cref="IOException"/>.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task WriteToFilesAsync(string privateKeyPath, string publicKeyPath, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        if (privateKeyPath is null) throw new ArgumentNullException(nameof(privateKeyPath));
        if (publicKeyPath is null) throw new ArgumentNullException(nameof(publicKeyPath));
        if (!overwrite)
        {
            foreach (var path in new[] { privateKeyPath, publicKeyPath })
                if (File.Exists(path)) throw new IOException($"'{path}' already exists; choose another path or allow overwriting.");
        }
        await WriteAsync(privateKeyPath, PrivateKeyPem, ownerOnly: true, cancellationToken).ConfigureAwait(false);
        await WriteAsync(publicKeyPath, PublicKeyPem, ownerOnly: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows the size and the public key only.</summary>
    public override string ToString() => $"RSA {KeySize}-bit key pair (private key redacted){Environment.NewLine}{PublicKeyPem}";

    private static async Task WriteAsync(string path, string content, bool ownerOnly, CancellationToken cancellationToken)
    {
        // Replacing by delete + create-new means a private key never sits in a file that kept looser permissions.
        if (File.Exists(path)) File.Delete(path);
        var bytes = Encoding.ASCII.GetBytes(content);
#if NET8_0_OR_GREATER
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (ownerOnly && !OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
#else
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
#endif
        await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static BigInteger Unsigned(byte[] bigEndian) => new(1, bigEndian);

    private static string ToPem(string type, byte[] der)
    {
        using var text = new StringWriter { NewLine = "\n" };
        var writer = new PemWriter(text);
        writer.WriteObject(new PemObject(type, der));
        writer.Writer.Flush();
        return text.ToString().Replace("\r\n", "\n");
    }
}
