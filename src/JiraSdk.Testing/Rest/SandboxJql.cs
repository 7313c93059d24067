namespace JiraSdk.Testing.Rest;

/// <summary>Where the sandbox gets its JQL evaluator from.</summary>
internal static class SandboxJql
{
    /// <summary>The JQL engine (src/JiraSdk.Testing/Jql) once it is merged; until then search is not served.</summary>
    public static ISandboxJql? Default => null;
}
