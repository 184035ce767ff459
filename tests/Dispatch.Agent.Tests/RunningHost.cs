using System.Diagnostics;

namespace Dispatch.Agent.Tests;

/// <summary>
/// A <c>dispatch run</c> a test started: its process, display number, private folders (<paramref name="Root"/>, with its
/// TMPDIR <paramref name="Temp"/>), its process tree when ready, and its stderr. Disposing kills it if it still runs and
/// removes its folders.
/// </summary>
internal sealed record RunningHost(Process Host, string Display, string Root, string Temp, List<ProcessEntry> Own, Task<string> Errors) : IDisposable
{
    public void Dispose()
    {
        if (!Host.HasExited)
        {
            Host.Kill();
            Host.WaitForExit();
        }
        Host.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
