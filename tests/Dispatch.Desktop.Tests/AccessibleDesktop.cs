namespace Dispatch.Desktop.Tests;

/// <summary>
/// The one virtual desktop whose accessibility bus this test process reads: libatspi serves a single bus per
/// process, so every test class that needs the accessibility tree shares it (each closes its own apps).
/// </summary>
[TestClass]
public static class AccessibleDesktop
{
    private static Task<TestDesktop>? s_desktop;
    private static readonly Lock s_lock = new();

    /// <summary>Journals and their signing key go to a folder of this test run, never the user's state directory.</summary>
    [AssemblyInitialize]
    public static void UsePrivateState(TestContext context) =>
        Environment.SetEnvironmentVariable("DISPATCH_STATE_DIR", Directory.CreateTempSubdirectory("dispatch-test-state-").FullName);

    public static Task<TestDesktop> GetAsync()
    {
        lock (s_lock)
        {
            return s_desktop ??= TestDesktop.StartAsync();
        }
    }

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (s_desktop is not null)
        {
            (await s_desktop).Dispose();
        }
        if (Environment.GetEnvironmentVariable("DISPATCH_STATE_DIR") is { Length: > 0 } state)
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
