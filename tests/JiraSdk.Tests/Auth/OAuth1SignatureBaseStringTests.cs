using JiraSdk.Auth;

namespace JiraSdk.Tests.Auth;

public class OAuth1SignatureBaseStringTests
{
    private static readonly KeyValuePair<string, string>[] None = [];

    [Test]
    public void Rfc5849_section_3_4_1_1_example_produces_the_published_base_string()
    {
        // The request of RFC 5849 §3.4.1.1: query, form body and protocol parameters (realm excluded, repeated a3).
        var uri = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        var body = new[] { Pair("c2", ""), Pair("a3", "2 q") }; // body "c2&a3=2+q" decoded
        var protocol = new[]
        {
            Pair("oauth_consumer_key", "9djdj82h48djs9d2"),
            Pair("oauth_token", "kkk9d7dh3k39sjv7"),
            Pair("oauth_signature_method", "HMAC-SHA1"),
            Pair("oauth_timestamp", "137131201"),
            Pair("oauth_nonce", "7d8f3e4a"),
        };

        var baseString = OAuth1SignatureBaseString.Build("POST", uri, body, protocol);

        Assert.That(baseString, Is.EqualTo(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"));
    }

    [Test]
    public void Rfc5849_section_3_4_1_3_2_normalized_parameters_example()
    {
        var uri = new Uri("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        var parameters = PercentEncoding.ParseForm(uri.Query.Substring(1))
            .Concat([Pair("c2", ""), Pair("a3", "2 q")])
            .Concat([Pair("oauth_consumer_key", "9djdj82h48djs9d2"), Pair("oauth_token", "kkk9d7dh3k39sjv7"), Pair("oauth_signature_method", "HMAC-SHA1"), Pair("oauth_timestamp", "137131201"), Pair("oauth_nonce", "7d8f3e4a")]);

        Assert.That(OAuth1SignatureBaseString.NormalizeParameters(parameters), Is.EqualTo(
            "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7"));
    }

    [TestCase("HTTP://EXAMPLE.COM:80/r%20v/X?id=123", "http://example.com/r%20v/X")] // RFC 5849 §3.4.1.2
    [TestCase("https://www.example.net:8080/?q=1", "https://www.example.net:8080/")] // RFC 5849 §3.4.1.2
    [TestCase("https://Jira.Example.COM:443/jira/rest/api/2/search", "https://jira.example.com/jira/rest/api/2/search")]
    [TestCase("http://jira.example.com:8443/", "http://jira.example.com:8443/")]
    [TestCase("https://jira.example.com", "https://jira.example.com/")]
    public void Base_string_uri_lowercases_scheme_and_host_and_drops_default_port_query_and_fragment(string uri, string expected) =>
        Assert.That(OAuth1SignatureBaseString.BaseStringUri(new Uri(uri)), Is.EqualTo(expected));

    [Test]
    public void Method_is_upper_cased() =>
        Assert.That(OAuth1SignatureBaseString.Build("get", new Uri("http://a.example/"), None, None), Does.StartWith("GET&"));

    [TestCase("abcXYZ019-._~", "abcXYZ019-._~")]
    [TestCase(" ", "%20")]
    [TestCase("+", "%2B")]
    [TestCase("!*'()", "%21%2A%27%28%29")]
    [TestCase("=&%/?#[]@:;,$\"", "%3D%26%25%2F%3F%23%5B%5D%40%3A%3B%2C%24%22")]
    [TestCase("é", "%C3%A9")]
    [TestCase("日本", "%E6%97%A5%E6%9C%AC")]
    [TestCase("😀", "%F0%9F%98%80")]
    public void Percent_encoding_follows_rfc3986_with_utf8(string value, string expected) =>
        Assert.That(PercentEncoding.Encode(value), Is.EqualTo(expected));

    [Test]
    public void Form_decoding_reads_plus_as_space_and_utf8_escapes_and_keeps_repeats_in_order()
    {
        var pairs = PercentEncoding.ParseForm("a=1+2&b=%C3%A9%2B&a=x&flag&=empty&c=100%").ToList();

        Assert.That(pairs, Is.EqualTo(new[] { Pair("a", "1 2"), Pair("b", "é+"), Pair("a", "x"), Pair("flag", ""), Pair("", "empty"), Pair("c", "100%") }));
    }

    [Test]
    public void Repeated_parameters_sort_by_value_after_name()
    {
        var normalized = OAuth1SignatureBaseString.NormalizeParameters([Pair("b", "2"), Pair("a", "z"), Pair("a", "a"), Pair("a", "Z"), Pair("a", "")]);

        Assert.That(normalized, Is.EqualTo("a=&a=Z&a=a&a=z&b=2"));
    }

    [Test]
    public void Sorting_compares_encoded_bytes_not_decoded_text()
    {
        // "%20" sorts before "-" because '%' (0x25) < '-' (0x2D), although ' ' < '-' would agree; "~" stays literal and sorts last.
        var normalized = OAuth1SignatureBaseString.NormalizeParameters([Pair("k", "~"), Pair("k", "-"), Pair("k", " "), Pair("k", "A")]);

        Assert.That(normalized, Is.EqualTo("k=%20&k=-&k=A&k=~"));
    }

    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);
}
