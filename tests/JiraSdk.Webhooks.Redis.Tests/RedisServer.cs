using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace JiraSdk.Webhooks.Redis.Tests;

/// <summary>
/// A real <c>redis-server</c> for the tests: the one named by <c>JIRA_TEST_REDIS</c> (host:port) when set, otherwise one
/// started here on 127.0.0.1 and a free port, without persistence, and stopped after the run. When neither works the
/// run fails: these tests are never skipped silently.
/// </summary>
[SetUpFixture]
public sealed class RedisServer
{
    private static Process? _process;

    public static string Endpoint { get; private set; } = "";
    public static ConnectionMultiplexer Connection { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("JIRA_TEST_REDIS");
        if (string.IsNullOrWhiteSpace(configured))
        {
            var port = FreePort();
            try
            {
                _process = Process.Start(new ProcessStartInfo("redis-server",
                    $"--bind 127.0.0.1 --port {port} --save \"\" --appendonly no --protected-mode yes")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Assert.Fail($"redis-server could not be started ({e.Message}); install the Debian package redis-server or set JIRA_TEST_REDIS=host:port.");
            }
            _process!.OutputDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            configured = $"127.0.0.1:{port}";
        }
        Endpoint = configured!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                Connection = await ConnectionMultiplexer.ConnectAsync(Endpoint + ",connectTimeout=1000,abortConnect=true");
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && _process is { HasExited: false })
            {
                await Task.Delay(100);
            }
            catch (RedisConnectionException e)
            {
                Assert.Fail($"Redis at {Endpoint} is not reachable: {e.Message}");
            }
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Connection is not null) await Connection.DisposeAsync();
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    /// <summary>A fresh key prefix, so tests never see each other's keys.</summary>
    public static string NewPrefix() => "test:" + Guid.NewGuid().ToString("N") + ":";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
