namespace Dispatch.Engine.Platform.X11.Native;

/// <summary>Versioned sonames of the native libraries the X11 backend binds to.</summary>
internal static class Libraries
{
    public const string X11 = "libX11.so.6";
    public const string Xext = "libXext.so.6";
    public const string Xtst = "libXtst.so.6";
    public const string Xdamage = "libXdamage.so.1";
    public const string Xrandr = "libXrandr.so.2";
    public const string C = "libc.so.6";
}
