using System.CommandLine;
using System.Runtime.InteropServices;
using JiraSdk.Testing;

namespace JiraSdk.Cli.Commands;

/// <summary><c>jira sandbox</c>: serves an embedded Jira (<see cref="JiraSandbox"/>) on 127.0.0.1 until Ctrl+C or SIGTERM.</summary>
internal static class SandboxCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (default: a free one)", DefaultValueFactory = _ => 0 };
        var data = new Option<string?>("--data") { Description = "Keep the sandbox's state in this SQLite file; a restart resumes it (default: memory only)" };
        var mode = new Option<string>("--mode") { Description = "Behave like Jira Cloud or Jira Data Center", DefaultValueFactory = _ => "cloud" };
        mode.AcceptOnlyFromAmong("cloud", "datacenter");
        var empty = new Option<bool>("--empty") { Description = "Start without the demo data (DOCS project, users, custom fields)" };
        var command = new Command("sandbox",
            "Serve an embedded Jira on 127.0.0.1 with demo data; prints 'export JIRA_…' lines for eval, serves until Ctrl+C")
        {
            port, data, mode, empty,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var listenPort = parse.GetValue(port);
            if (listenPort is < 0 or > 65535) throw new UsageException($"--port must be between 0 and 65535 (0 picks a free one), not {listenPort}.");
            var options = new JiraSandboxOptions
            {
                Port = listenPort,
                Mode = parse.GetValue(mode) == "datacenter" ? JiraSandboxMode.DataCenter : JiraSandboxMode.Cloud,
                DataFile = parse.GetValue(data) is { } file ? context.ResolvePath(file) : null,
                SeedDemoData = !parse.GetValue(empty),
            };

            // Ctrl+C arrives as the command's cancellation; SIGTERM (docker stop, systemd, kill) is turned into the same
            // orderly stop instead of the runtime's immediate exit, so that a data file is closed cleanly and the exit code is 0.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });

            JiraSandbox sandbox;
            try
            {
                sandbox = await JiraSandbox.StartAsync(options, stop.Token);
            }
            catch (IOException ex)
            {
                throw new UsageException($"Cannot serve on 127.0.0.1:{listenPort} ({JiraCli.OneLine(ex.Message)}); choose another --port.");
            }
            await using (sandbox)
            {
                var credentials = sandbox.Credentials;
                // stdout carries only these lines, flushed at once, so that eval "$(jira sandbox | head -3)" gets them
                // while the sandbox keeps running.
                await context.Output.WriteLineAsync(Export("JIRA_URL", sandbox.SiteUrl.AbsoluteUri));
                await context.Output.WriteLineAsync(Export("JIRA_EMAIL", credentials.Email));
                await context.Output.WriteLineAsync(Export("JIRA_API_TOKEN", credentials.ApiToken));
                if (sandbox.Mode == JiraSandboxMode.DataCenter)
                {
                    await context.Output.WriteLineAsync(Export("JIRA_PAT", credentials.PersonalAccessToken));
                    // Data Center serves REST API v2 only; the CLI and the main job read this.
                    await context.Output.WriteLineAsync(Export("JIRA_API_VERSION", "2"));
                }
                await context.Output.FlushAsync(CancellationToken.None);

                await context.Error.WriteLineAsync(
                    $"jira: sandbox ({(sandbox.Mode == JiraSandboxMode.DataCenter ? "Data Center" : "Cloud")}) serving {sandbox.SiteUrl} as {credentials.Email}"
                    + (options.SeedDemoData ? ", with the demo project DOCS" : ", empty")
                    + (options.DataFile is null ? ", state in memory" : $", state in {options.DataFile}"));
                await context.Error.WriteLineAsync("jira: the export lines on stdout point jira (and the main job) at this sandbox; Ctrl+C stops");
                await context.Error.FlushAsync(CancellationToken.None);

                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
                await context.Error.WriteLineAsync("jira: sandbox stopped");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A POSIX shell line; the value in single quotes, so nothing in it is expanded.</summary>
    internal static string Export(string name, string? value) => $"export {name}='{(value ?? "").Replace("'", "'\\''")}'";
}
