using System.Security.Cryptography;

namespace JiraSdk.Auth;

/// <summary>Cryptographically random bytes for nonces and OAuth <c>state</c> values.</summary>
internal static class CryptoRandom
{
    public static byte[] Bytes(int count)
    {
        var bytes = new byte[count];
#if NET8_0_OR_GREATER
        RandomNumberGenerator.Fill(bytes);
#else
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
#endif
        return bytes;
    }
}
