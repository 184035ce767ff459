using Dispatch.Engine;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11;

namespace Dispatch.Desktop.Tests;

[TestClass]
public sealed class DisplayFailureTests
{
    [TestMethod]
    public void Open_ADisplayWhereNoServerRuns_ThrowsNamingTheDisplay()
    {
        var error = Assert.ThrowsExactly<DisplayUnavailableException>(() => Engine.Desktop.Open(new DesktopOptions { DisplayName = ":987" }));
        Assert.AreEqual(":987", error.DisplayName);
        StringAssert.Contains(error.Message, "':987'");
    }

    [TestMethod]
    public async Task Capture_AfterTheXServerWentAway_ThrowsInsteadOfEndingTheProcess()
    {
        var before = CaptureTests.SharedSegmentsOfThisProcess();
        var virtualDesktop = await VirtualDesktop.StartAsync(new VirtualDesktopOptions { WindowManager = null, Accessibility = false, ScreenSize = new Size(640, 480) });
        var desktop = virtualDesktop.Open();
        using (desktop.Screen.Capture())
        {
        }

        virtualDesktop.Dispose(); // kills Xvfb under the open connections

        var error = Assert.ThrowsExactly<DisplayUnavailableException>(() => desktop.Screen.Capture());
        StringAssert.Contains(error.Message, virtualDesktop.DisplayName);
        Assert.ThrowsExactly<DisplayUnavailableException>(() => desktop.Input.MoveMouse(new Point(5, 5)));
        desktop.Dispose();
        Assert.AreEqual(before, CaptureTests.SharedSegmentsOfThisProcess(), "a shared-memory segment outlived its server");
    }
}
