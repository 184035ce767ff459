namespace Dispatch.Desktop.Tests;

/// <summary>Journals and their signing key go to a folder of this test run, never the user's state directory.</summary>
[TestClass]
public static class PrivateState
{
    [AssemblyInitialize]
    public static void Use(TestContext context) =>
        Environment.SetEnvironmentVariable("DISPATCH_STATE_DIR", Directory.CreateTempSubdirectory("dispatch-test-state-").FullName);

    [AssemblyCleanup]
    public static void Remove()
    {
        if (Environment.GetEnvironmentVariable("DISPATCH_STATE_DIR") is { Length: > 0 } state)
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
