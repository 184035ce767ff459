using Dispatch.Engine.Geometry;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

[TestClass]
public sealed class WindowTests
{
    private static TestDesktop s_desktop = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => s_desktop = await TestDesktop.StartAsync();

    [ClassCleanup]
    public static void Stop() => s_desktop?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task LaunchAsync_AnApp_IsListedWithItsTitleClassAndPid()
    {
        var app = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-title", "Dispatch launch test", "-geometry", "50x10+200+150"));

        Assert.IsTrue(s_desktop.Desktop.Windows.HasWindowManager);
        var listed = s_desktop.Desktop.Windows.List().Single(w => w.Title == "Dispatch launch test");
        Assert.AreEqual(app.Process.Id, listed.ProcessId);
        Assert.AreEqual("XTerm", listed.ClassName);
        Assert.AreEqual("xterm", listed.InstanceName);
        Assert.IsTrue(listed.IsVisible);
        Assert.AreEqual(app.Window.Id, listed.Id);
    }

    [TestMethod]
    public async Task MoveResize_AWindow_PutsItsClientAreaThere()
    {
        var app = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-title", "move me", "-geometry", "40x10+10+10"));
        var target = new Rect(700, 400, 500, 300);

        s_desktop.Desktop.Windows.MoveResize(app.Window.Id, target);

        // xterm snaps its size to whole character cells, so the size may come out a few pixels smaller; the window manager
        // may apply the move and the resize in two steps, so both are waited for.
        var moved = await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == app.Window.Id && w.Bounds.Location == target.Location
            && Math.Abs(w.Bounds.Width - target.Width) < 20 && Math.Abs(w.Bounds.Height - target.Height) < 20, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        Assert.IsLessThan(20, Math.Abs(moved.Bounds.Width - target.Width));
        Assert.IsLessThan(20, Math.Abs(moved.Bounds.Height - target.Height));
    }

    [TestMethod]
    public async Task Activate_AnotherWindow_MakesItTheActiveOne()
    {
        var first = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-title", "first", "-geometry", "30x5+50+600"));
        var second = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-title", "second", "-geometry", "30x5+400+600"));

        s_desktop.Desktop.Windows.Activate(first.Window.Id);
        await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == first.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);
        s_desktop.Desktop.Windows.Activate(second.Window.Id);
        var active = await s_desktop.Desktop.Windows.WaitForWindowAsync(w => w.Id == second.Window.Id && w.IsActive, TimeSpan.FromSeconds(10), TestContext.CancellationToken);

        Assert.IsFalse(s_desktop.Desktop.Windows.Get(first.Window.Id)!.IsActive);
        Assert.AreEqual("second", active.Title);
    }

    [TestMethod]
    public async Task LaunchAsync_AProgramThatExitsWithoutAWindow_FailsNamingItsStatus()
    {
        var error = await Assert.ThrowsExactlyAsync<WindowNotFoundException>(() => s_desktop.LaunchAsync(s_desktop.App("sh", "-c", "exit 3")));
        StringAssert.Contains(error.Message, "status 3");
    }

    [TestMethod]
    public void Activate_AnUnknownWindowId_ThrowsNamingTheId()
    {
        var error = Assert.ThrowsExactly<WindowNotFoundException>(() => s_desktop.Desktop.Windows.Activate(0x7ffff0));
        StringAssert.Contains(error.Message, "0x7ffff0");
    }
}
