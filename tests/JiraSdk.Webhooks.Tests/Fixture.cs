using System.Text;

namespace JiraSdk.Webhooks.Tests;

internal static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name));

    public static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);
}
