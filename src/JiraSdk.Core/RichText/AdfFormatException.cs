namespace JiraSdk.RichText;

/// <summary>JSON or text that is not a well-formed ADF document (not a schema violation: see <see cref="AdfSchema"/>).</summary>
public sealed class AdfFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where (a JSON path).</param>
    public AdfFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="inner">The cause.</param>
    public AdfFormatException(string message, Exception inner) : base(message, inner) { }
}
