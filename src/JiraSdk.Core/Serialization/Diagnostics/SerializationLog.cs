using Microsoft.Extensions.Logging;

namespace JiraSdk.Serialization;

/// <summary>Serialization's log events (category <c>JiraSdk.Serialization</c>), ids 3xxx; see <c>JiraSdk.Http.HttpLog</c> for the scheme.</summary>
internal static partial class SerializationLog
{
    // 3001 is public as JiraSchemaDiagnostics.LogEventId; keep both in step.
    [LoggerMessage(EventId = 3001, EventName = "JiraSchemaMismatch", Level = LogLevel.Warning,
        Message = "Jira sent a value its spec does not describe ({Kind}) at {JsonPath}: expected {ExpectedType} in {ResponseType}; it was read tolerantly")]
    public static partial void SchemaMismatch(ILogger logger, string kind, string jsonPath, string expectedType, string responseType);
}
