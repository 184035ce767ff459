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
                var info = Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                // Under /tmp another user could have made it first, open to them or as a link elsewhere: the host's socket and
                // the input locks must not live where anyone else can reach or replace them.
                if (info.LinkTarget is not null || (info.UnixFileMode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) != 0)
                {
                    throw new DispatchException($"The runtime folder '{folder}' is a link or open to other users (mode {info.UnixFileMode}); expected a private folder (0700). "
                        + "Remove it, or set XDG_RUNTIME_DIR to a private folder.");
                }
            }
            return folder;
        }
    }
}
