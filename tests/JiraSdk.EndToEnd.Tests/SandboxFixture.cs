using JiraSdk.Testing;

namespace JiraSdk.EndToEnd.Tests;

/// <summary>One sandbox (Cloud mode, demo data) shared by the tests of a class; each test makes its own issues.</summary>
public abstract class SandboxFixture
{
    protected JiraSandbox Sandbox { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSandbox() => Sandbox = await JiraSandbox.StartAsync();

    [OneTimeTearDown]
    public async Task StopSandbox() => await Sandbox.DisposeAsync();
}
