using System.Runtime.Versioning;
using Dispatch.Engine.Platform.X11;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Tests.Platform;

/// <summary>An Xlib too old for what Dispatch calls is named as such, with the version needed, before any call fails.</summary>
[TestClass]
[SupportedOSPlatform("linux")]
public sealed class X11LibraryCheckTests
{
    [TestMethod]
    public void RequireFunction_Missing_NamesTheFunctionAndTheVersionNeeded()
    {
        var error = Assert.ThrowsExactly<DispatchException>(() =>
            X11Errors.RequireFunction(Libraries.X11, "XSetIOErrorExitHandlerFromTheFuture", "libX11 99.0 or newer"));

        StringAssert.Contains(error.Message, "XSetIOErrorExitHandlerFromTheFuture");
        StringAssert.Contains(error.Message, "libX11 99.0 or newer");
    }

    [TestMethod]
    public void RequireFunction_LibraryMissing_NamesTheLibrary()
    {
        var error = Assert.ThrowsExactly<DispatchException>(() => X11Errors.RequireFunction("libX11-not-here.so.6", "XOpenDisplay", "libX11 1.7.0"));

        StringAssert.Contains(error.Message, "libX11-not-here.so.6");
    }

    [TestMethod]
    public void RequireFunction_PresentInThisLibX11_Passes() =>
        X11Errors.RequireFunction(Libraries.X11, "XSetIOErrorExitHandler", "libX11 1.7.0 or newer");
}
