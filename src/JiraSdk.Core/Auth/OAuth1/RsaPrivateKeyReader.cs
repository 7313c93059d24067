using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace JiraSdk.Auth;

/// <summary>
/// Reads an RSA private key in the forms people have: PEM PKCS#1 (<c>RSA PRIVATE KEY</c>, also OpenSSL-encrypted),
/// PEM PKCS#8 (<c>PRIVATE KEY</c>), PEM encrypted PKCS#8 (<c>ENCRYPTED PRIVATE KEY</c>), and the same three as DER.
/// Every failure is a <see cref="JiraPrivateKeyException"/> whose message describes the problem, never the key.
/// </summary>
internal static class RsaPrivateKeyReader
{
    private const string Malformed =
        "The OAuth 1.0a private key could not be read: it is truncated or malformed. Expected PEM (PKCS#1 'BEGIN RSA PRIVATE KEY' or PKCS#8 'BEGIN PRIVATE KEY' / 'BEGIN ENCRYPTED PRIVATE KEY') or the same as DER bytes.";
    private const string PublicInsteadOfPrivate =
        "The OAuth 1.0a key given is a public key; the signer needs the private key (the public key is what goes into Jira's application link).";
    private const string NotRsa = "The OAuth 1.0a private key is not an RSA key; Jira's OAuth 1.0a requires RSA-SHA1.";
    private const string PassphraseMissing = "The OAuth 1.0a private key is encrypted; give its passphrase.";
    private const string PassphraseWrong = "The OAuth 1.0a private key could not be decrypted: the passphrase is wrong or the key is damaged.";

    internal static RsaKeyParameters ReadPem(string pem, string? passphrase)
    {
        if (string.IsNullOrWhiteSpace(pem)) throw new JiraPrivateKeyException("The OAuth 1.0a private key is empty.");
        if (pem.IndexOf("-----BEGIN", StringComparison.Ordinal) < 0)
            return ReadDer(DecodeBareBase64(pem), passphrase);

        // Files often hold more than the key (openssl "Bag Attributes" text, the public key, certificates): take the private key block.
        var blocks = PemBlock.Matches(pem).Cast<Match>().ToList();
        var keyBlock = blocks.FirstOrDefault(b => b.Groups["label"].Value.EndsWith("PRIVATE KEY", StringComparison.Ordinal));
        if (keyBlock is null)
        {
            if (blocks.Any(b => b.Groups["label"].Value.EndsWith("PUBLIC KEY", StringComparison.Ordinal))) throw new JiraPrivateKeyException(PublicInsteadOfPrivate);
            if (blocks.Any(b => b.Groups["label"].Value == "CERTIFICATE"))
                throw new JiraPrivateKeyException("The OAuth 1.0a key given is a certificate; the signer needs the RSA private key.");
            throw new JiraPrivateKeyException(Malformed);
        }

        var encrypted = keyBlock.Value.IndexOf("ENCRYPTED", StringComparison.Ordinal) >= 0;
        if (!encrypted) return ParsePemKey(keyBlock.Value, null, encrypted: false);
        if (string.IsNullOrEmpty(passphrase)) throw new JiraPrivateKeyException(PassphraseMissing);
        JiraPrivateKeyException? failure = null;
        foreach (var candidate in PassphraseCandidates(passphrase!))
        {
            try
            {
                return ParsePemKey(keyBlock.Value, candidate, encrypted: true);
            }
            catch (JiraPrivateKeyException ex)
            {
                failure ??= ex;
            }
        }
        throw failure!;
    }

    private static RsaKeyParameters ParsePemKey(string block, char[]? passphrase, bool encrypted)
    {
        object? item;
        try
        {
            using var text = new StringReader(block);
            item = new PemReader(text, passphrase is null ? null : new Passphrase(passphrase)).ReadObject();
        }
        catch (Exception ex) when (encrypted)
        {
            throw new JiraPrivateKeyException(PassphraseWrong, Sanitized(ex));
        }
        catch (Exception ex)
        {
            throw new JiraPrivateKeyException(Malformed, Sanitized(ex));
        }
        return item switch
        {
            AsymmetricCipherKeyPair pair => RequireRsa(pair.Private),
            AsymmetricKeyParameter key => RequireRsa(key),
            _ => throw new JiraPrivateKeyException(Malformed),
        };
    }

    /// <summary>
    /// The passphrase as given, then, if it is not ASCII, as its UTF-8 bytes one per char: BouncyCastle turns PKCS#5 and
    /// OpenSSL passphrases into bytes char by char, while OpenSSL and .NET encrypt with the UTF-8 bytes.
    /// </summary>
    private static IEnumerable<char[]> PassphraseCandidates(string passphrase)
    {
        yield return passphrase.ToCharArray();
        if (passphrase.Any(c => c > 127))
            yield return Encoding.UTF8.GetBytes(passphrase).Select(b => (char)b).ToArray();
    }

    internal static RsaKeyParameters ReadDer(byte[] der, string? passphrase)
    {
        if (der is null || der.Length == 0) throw new JiraPrivateKeyException("The OAuth 1.0a private key is empty.");
        Asn1Sequence sequence;
        try
        {
            sequence = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(der));
        }
        catch (Exception ex)
        {
            throw new JiraPrivateKeyException(Malformed, Sanitized(ex));
        }

        if (IsEncryptedPrivateKeyInfo(sequence))
        {
            if (string.IsNullOrEmpty(passphrase)) throw new JiraPrivateKeyException(PassphraseMissing);
            Exception? failure = null;
            foreach (var candidate in PassphraseCandidates(passphrase!))
            {
                AsymmetricKeyParameter key;
                try
                {
                    key = PrivateKeyFactory.DecryptKey(candidate, EncryptedPrivateKeyInfo.GetInstance(sequence));
                }
                catch (Exception ex)
                {
                    failure ??= ex;
                    continue;
                }
                return RequireRsa(key);
            }
            throw new JiraPrivateKeyException(PassphraseWrong, Sanitized(failure!));
        }
        if (IsSubjectPublicKeyInfo(sequence) || IsPkcs1PublicKey(sequence)) throw new JiraPrivateKeyException(PublicInsteadOfPrivate);

        try
        {
            if (IsPkcs1PrivateKey(sequence))
            {
                var rsa = RsaPrivateKeyStructure.GetInstance(sequence);
                return new RsaPrivateCrtKeyParameters(rsa.Modulus, rsa.PublicExponent, rsa.PrivateExponent, rsa.Prime1, rsa.Prime2, rsa.Exponent1, rsa.Exponent2, rsa.Coefficient);
            }
            return RequireRsa(PrivateKeyFactory.CreateKey(PrivateKeyInfo.GetInstance(sequence)));
        }
        catch (JiraPrivateKeyException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new JiraPrivateKeyException(Malformed, Sanitized(ex));
        }
    }

    private static RsaKeyParameters RequireRsa(AsymmetricKeyParameter key)
    {
        if (!key.IsPrivate) throw new JiraPrivateKeyException(PublicInsteadOfPrivate);
        if (key is not RsaKeyParameters rsa) throw new JiraPrivateKeyException(NotRsa);
        if (rsa.Modulus.BitLength < 1024)
            throw new JiraPrivateKeyException($"The OAuth 1.0a private key has only {rsa.Modulus.BitLength} bits; use an RSA key of at least 2048 bits.");
        return rsa;
    }

    private static byte[] DecodeBareBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            throw new JiraPrivateKeyException(Malformed);
        }
    }

    private static bool IsEncryptedPrivateKeyInfo(Asn1Sequence s) =>
        s.Count == 2 && s[0] is Asn1Sequence && s[1] is Asn1OctetString;

    private static bool IsSubjectPublicKeyInfo(Asn1Sequence s) =>
        s.Count == 2 && s[0] is Asn1Sequence && s[1] is DerBitString;

    private static bool IsPkcs1PublicKey(Asn1Sequence s) =>
        s.Count == 2 && s[0] is DerInteger && s[1] is DerInteger;

    private static bool IsPkcs1PrivateKey(Asn1Sequence s) =>
        s.Count >= 9 && s.ToArray().Take(9).All(e => e is DerInteger);

    // Parser messages can quote the bytes they choked on; keep only the exception type so no key material leaks.
    private static Exception Sanitized(Exception ex) => new KeyParsingFailure(ex.GetType().FullName ?? "unknown");

    private sealed class KeyParsingFailure : Exception
    {
        internal KeyParsingFailure(string parserError) : base("The key parser failed with " + parserError + ".")
        {
        }
    }

    private static readonly Regex PemBlock = new(
        "-----BEGIN (?<label>[A-Z0-9 ]+)-----.*?-----END \\k<label>-----", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private sealed class Passphrase : IPasswordFinder
    {
        private readonly char[] _value;

        internal Passphrase(char[] value) => _value = value;

        public char[] GetPassword() => (char[])_value.Clone();
    }
}
