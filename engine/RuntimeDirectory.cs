using System.Globalization;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine;

/// <summary>
/// Where dispatch keeps one user's live, per-boot files (the host's socket and lock, the input ledger):
/// <c>$XDG_RUNTIME_DIR/dispatch</c>, else <c>/tmp/dispatch-UID</c>; created private (0700).
/// </summary>
public static class RuntimeDirectory
{
    /// <summary>The current user's runtime directory, created when missing.</summary>
    public static string ForCurrentUser
    {
        get
        {
            var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
            var folder = !string.IsNullOrEmpty(runtime) && Path.IsPathRooted(runtime)
                ? Path.Combine(runtime, "dispatch")
                : Path.Combine(Path.GetTempPath(), $"dispatch-{(OperatingSystem.IsWindows() ? Environment.UserName : LibC.geteuid().ToString(CultureInfo.InvariantCulture))}");
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            return folder;
        }
    }
}
