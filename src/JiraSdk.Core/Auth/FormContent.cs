namespace JiraSdk.Auth;

/// <summary>Recognizes <c>application/x-www-form-urlencoded</c> bodies, whose parameters OAuth 1.0a signs.</summary>
internal static class FormContent
{
    internal const string MediaType = "application/x-www-form-urlencoded";

    internal static bool IsFormMediaType(string? contentType)
    {
        if (contentType is null) return false;
        var semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
        return string.Equals(mediaType, MediaType, StringComparison.OrdinalIgnoreCase);
    }
}
