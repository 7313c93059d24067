namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// The Data Center spec gives one operationId to operations of different tags (<c>getProperty</c> is a board property and an
/// application property; <c>getIssue</c> is a platform and an agile issue). They are methods of different clients, so each
/// can keep the name <c>GetPropertyAsync</c>, but NSwag makes operationIds unique across the whole document first and
/// numbers the later ones (<c>GetProperty2Async</c>). Its check is case-sensitive while the method name only capitalizes the
/// first letter, so the later one is written <c>GetProperty</c>: distinct to NSwag, the same method name for the user.
/// </summary>
internal sealed class SharedOperationIds : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        var byId = document.Operations().Where(op => op.OperationId is { Length: > 0 }).GroupBy(op => op.OperationId!, StringComparer.Ordinal);
        foreach (var group in byId)
        {
            var operations = group.ToList();
            if (operations.Count == 1) continue;
            var tags = operations.Select(op => op.Node["tags"]?[0]?.GetValue<string>()).Distinct(StringComparer.Ordinal).Count();
            var capitalized = char.ToUpperInvariant(group.Key[0]) + group.Key[1..];
            if (operations.Count > 2 || tags < operations.Count || capitalized == group.Key || document.Operations().Any(op => op.OperationId == capitalized))
                throw new InvalidOperationException($"operationId {group.Key} is used by {operations.Count} operations ({string.Join(", ", operations)}), which cannot all keep it as their method name; rename one with a patch");
            operations[1].Node["operationId"] = capitalized;
            document.Log($"{operations[1]}: shares operationId {group.Key} with {operations[0]} in another client; written {capitalized} so NSwag does not number it");
        }
    }
}
