namespace JiraSdk.Errors;

/// <summary>A paged list could not be walked consistently (for example, Jira repeated a page token).</summary>
public class JiraPagingException : JiraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public JiraPagingException(string message) : base(message)
    {
    }
}
