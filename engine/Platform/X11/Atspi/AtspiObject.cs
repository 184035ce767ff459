using System.Runtime.Versioning;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>A reference to an accessible object on the AT-SPI bus: the owning connection's bus name and the object's path.</summary>
/// <param name="BusName">The unique bus name of the application that owns the object, e.g. <c>:1.42</c>.</param>
/// <param name="Path">The object's D-Bus path.</param>
[SupportedOSPlatform("linux")]
internal readonly record struct AtspiObject(string BusName, string Path)
{
    /// <summary>The path AT-SPI uses for "no object" (a child that is gone, an application's missing parent).</summary>
    public const string NullPath = "/org/a11y/atspi/null";

    /// <summary>The root path of the registry's desktop and of every application.</summary>
    public const string RootPath = "/org/a11y/atspi/accessible/root";

    /// <summary>True when this refers to no object.</summary>
    public bool IsNull => Path == NullPath || BusName.Length == 0;

    /// <summary>The root of the application on <paramref name="busName"/>.</summary>
    public static AtspiObject ApplicationRoot(string busName) => new(busName, RootPath);

    /// <inheritdoc/>
    public override string ToString() => $"{BusName}{Path}";
}
