using System.Net;
using System.Net.Sockets;

namespace JiraSdk.Cli.Tests.Support;

/// <summary>Free ports on 127.0.0.1, for commands that take a port number (listen, the OAuth 2.0 redirect) and for connection failures.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port the operating system just handed out and nothing listens on now.</summary>
    public static int Unused()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
