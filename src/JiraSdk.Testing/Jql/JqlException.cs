namespace JiraSdk.Testing.Jql;

/// <summary>
/// A JQL query Jira would refuse. <see cref="ErrorMessages"/> carry Jira's own wording so the sandbox can answer
/// HTTP 400 <c>{"errorMessages":[...],"errors":{}}</c> exactly as Jira's search endpoints do.
/// </summary>
internal sealed class JqlException : Exception
{
    public JqlException(string errorMessage)
        : this(new[] { errorMessage })
    {
    }

    public JqlException(IReadOnlyList<string> errorMessages)
        : base(string.Join(" ", errorMessages))
    {
        ErrorMessages = errorMessages;
    }

    /// <summary>Jira's <c>errorMessages</c>, one per problem found.</summary>
    public IReadOnlyList<string> ErrorMessages { get; }
}
