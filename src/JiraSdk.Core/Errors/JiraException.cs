namespace JiraSdk.Errors;

/// <summary>The base of every exception the SDK raises on purpose, so one <c>catch</c> covers them all.</summary>
public abstract class JiraException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected JiraException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
