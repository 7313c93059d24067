using System.Text.RegularExpressions;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// Methods are named PascalCase(operationId) + <c>Async</c>. NSwag skips the suffix when the operationId already ends in
/// <c>Async</c>, so <c>archiveIssuesAsync</c> (archive by JQL, as a background task) became an overload of
/// <c>archiveIssues</c> (archive by id): one name for two different operations. Such operationIds get the suffix
/// explicitly (<c>ArchiveIssuesAsyncAsync</c>), which keeps every operation's method name predictable.
/// A few app-facing operations carry Java names (<c>AddonPropertiesResource.getAddonProperties_get</c>), which NSwag
/// turns into <c>AddonPropertiesResource_getAddonProperties_getAsync</c>; the Java class and the HTTP verb are dropped
/// (<c>GetAddonPropertiesAsync</c>) unless that name is already taken.
/// </summary>
internal sealed partial class OperationNames : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        var operations = document.Operations().ToList();
        var taken = new HashSet<string>(operations.Select(op => op.OperationId).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var operation in operations)
        {
            if (operation.OperationId is not { } id) continue;
            var renamed = id;
            if (JavaName().Match(id) is { Success: true } java && !taken.Contains(java.Groups["method"].Value))
                renamed = java.Groups["method"].Value;
            if (renamed.EndsWith("Async", StringComparison.Ordinal))
                renamed += "Async";
            if (renamed == id) continue;
            taken.Add(renamed);
            operation.Node["operationId"] = renamed;
            document.Log($"{operation}: operationId {id} → {renamed}");
        }
    }

    [GeneratedRegex(@"^[A-Za-z]+Resource\.(?<method>[A-Za-z][A-Za-z0-9]*)_(get|put|post|delete|patch)$")]
    private static partial Regex JavaName();
}
