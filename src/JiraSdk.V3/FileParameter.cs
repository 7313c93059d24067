namespace JiraSdk.V3;

// Hand-written half of the generated FileParameter: bytes in memory are as good a file as a stream.
public partial class FileParameter
{
    /// <summary>A file from bytes in memory (an avatar image, an attachment), sent as they are.</summary>
    /// <param name="data">The file's content; not copied, so leave it unchanged until the call completes.</param>
    /// <param name="fileName">The name Jira stores (attachments); any name a file system allows.</param>
    /// <param name="contentType">The media type, e.g. <c>image/png</c>; required by the avatar uploads.</param>
    public FileParameter(byte[] data, string? fileName = null, string? contentType = null)
        : this(new System.IO.MemoryStream(data ?? throw new System.ArgumentNullException(nameof(data)), writable: false), fileName, contentType)
    {
    }
}
