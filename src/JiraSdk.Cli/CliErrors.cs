namespace JiraSdk.Cli;

/// <summary>The process exit codes, part of the tool's contract with scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Jira (or its authorization server) refused or failed the request, or it could not be sent.</summary>
    public const int JiraError = 1;

    /// <summary>The command line or the configuration is wrong; nothing was sent.</summary>
    public const int UsageError = 2;
}

/// <summary>A mistake in the command line or configuration; reported in one line with exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message)
    {
    }
}

/// <summary>A failure that is not a usage error and not an exception from the SDK, e.g. an OAuth callback that never came.</summary>
internal sealed class CommandFailedException : Exception
{
    public CommandFailedException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
