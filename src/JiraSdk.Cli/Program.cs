using JiraSdk.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await JiraCli.RunAsync(args, CliContext.FromProcess(), cancellation.Token);
