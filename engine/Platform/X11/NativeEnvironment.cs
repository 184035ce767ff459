using System.Runtime.Versioning;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// Sets variables in the process's native environment, which native libraries read with getenv()
/// (<see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only .NET's copy on Unix).
/// </summary>
[SupportedOSPlatform("linux")]
internal static class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> unless it is already set (the caller's choice wins).</summary>
    public static void SetDefault(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            LibC.setenv(name, value, 0);
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
