using System.Security.Cryptography;
using System.Text;

namespace JiraSdk.Generator;

/// <summary>
/// What the generated code is a function of, as one sha256: the spec's bytes, the patches, the NSwag configuration and
/// templates, NSwag itself and this generator. The build regenerates exactly when the key changes, so switching
/// <c>JiraSpecsDir</c> to another spec and back regenerates each time whatever the files' dates, and touching a file
/// without changing it regenerates nothing.
/// </summary>
internal static class GenerationKey
{
    /// <param name="parts">Named values (API, client name, tool command line) that change the output.</param>
    /// <param name="spec">The spec's bytes.</param>
    /// <param name="files">Every other input file; a missing one counts as absent, not as an error.</param>
    public static string Compute(IEnumerable<(string Name, string Value)> parts, byte[] spec, IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string label, ReadOnlySpan<byte> content)
        {
            // Length-prefixed, so no two different sets of inputs hash the same bytes.
            hash.AppendData(Encoding.UTF8.GetBytes($"{label}\n{content.Length}\n"));
            hash.AppendData(content);
        }
        foreach (var (name, value) in parts.OrderBy(p => p.Name, StringComparer.Ordinal)) Add("part:" + name, Encoding.UTF8.GetBytes(value));
        Add("spec", spec);
        foreach (var file in files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal))
            Add("file:" + Path.GetFileName(file), File.Exists(file) ? File.ReadAllBytes(file) : []);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
