using Dispatch.Engine;

namespace Dispatch.Agent.Tests;

/// <summary>Where a user's private state goes, from the environment.</summary>
[TestClass]
public sealed class StateDirectoryTests
{
    [TestMethod]
    public void DispatchStateDirWinsOverXdg() =>
        Assert.AreEqual("/srv/me/state", StateDirectory.Resolve(Environment(("DISPATCH_STATE_DIR", "/srv/me/state"), ("XDG_STATE_HOME", "/x"))));

    [TestMethod]
    public void XdgStateHomeGetsADispatchFolder() =>
        Assert.AreEqual("/x/dispatch", StateDirectory.Resolve(Environment(("XDG_STATE_HOME", "/x"))));

    [TestMethod]
    public void ARelativeXdgStateHomeIsIgnoredAsTheSpecSays() =>
        Assert.AreEqual(Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".local", "state", "dispatch"),
            StateDirectory.Resolve(Environment(("XDG_STATE_HOME", "state"))));

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
