using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace JiraSdk.Webhooks.Tests.Verification;

/// <summary>Builds JWTs byte by byte as Jira would (HMAC over <c>header.payload</c> with the raw secret), independent of the library under test.</summary>
public static class TestJwt
{
    public static string Create(string secret, DateTimeOffset now, string alg = "HS256", TimeSpan? expiresIn = null, TimeSpan? notBeforeIn = null, TimeSpan? issuedIn = null, bool withExpiry = true)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = alg, ["typ"] = "JWT" }));
        var claims = new Dictionary<string, object> { ["iss"] = "app-client-id", ["iat"] = (now + (issuedIn ?? TimeSpan.Zero)).ToUnixTimeSeconds() };
        if (withExpiry) claims["exp"] = (now + (expiresIn ?? TimeSpan.FromMinutes(3))).ToUnixTimeSeconds();
        if (notBeforeIn is { } nbf) claims["nbf"] = (now + nbf).ToUnixTimeSeconds();
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signingInput = Encoding.ASCII.GetBytes(header + "." + payload);
        var key = Encoding.UTF8.GetBytes(secret);
        var signature = alg switch
        {
            "HS256" => Base64Url(HMACSHA256.HashData(key, signingInput)),
            "HS512" => Base64Url(HMACSHA512.HashData(key, signingInput)),
            "none" => "",
            "RS256" => Base64Url(RandomNumberGenerator.GetBytes(256)),
            _ => throw new ArgumentOutOfRangeException(nameof(alg)),
        };
        return header + "." + payload + "." + signature;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
