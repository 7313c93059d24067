using System.Diagnostics;

namespace JiraSdk.Cli;

/// <summary>Best-effort start of the user's browser; the URL is always printed as well, so failing here is fine.</summary>
internal static class SystemBrowser
{
    public static bool TryOpen(Uri url)
    {
        try
        {
            ProcessStartInfo start;
            if (OperatingSystem.IsWindows()) start = new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true };
            else if (OperatingSystem.IsMacOS()) start = new ProcessStartInfo("open", url.AbsoluteUri);
            else start = new ProcessStartInfo("xdg-open", url.AbsoluteUri);
            start.RedirectStandardOutput = !start.UseShellExecute;
            start.RedirectStandardError = !start.UseShellExecute;
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
