using Dispatch.Engine.Platform.X11;

namespace Dispatch.Engine.Tests.Platform;

[TestClass]
public sealed class X11DisplayNameTests
{
    [TestMethod]
    [DataRow(":99", ":99")]
    [DataRow(":99.0", ":99")]
    [DataRow(":99.1", ":99")]
    [DataRow("unix:99.0", ":99")]
    [DataRow("localhost:10.0", "localhost:10")]
    [DataRow("host.example:0", "host.example:0")]
    [DataRow("[::1]:3", "[::1]:3")]
    public void ScreensOfOneServer_AreKeyedByTheServer(string display, string server) =>
        Assert.AreEqual(server, X11DisplayName.ServerOf(display));

    [TestMethod]
    public void EmptyName_IsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => X11DisplayName.ServerOf(" "));
}
