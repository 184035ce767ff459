using System.Runtime.InteropServices;

namespace Dispatch.Engine.Tests.Vision;

/// <summary>
/// Catches what native code of this process writes to file descriptor 2 while it is alive: stderr is pointed at a
/// temporary file and restored on dispose. <see cref="Console.Error"/> is not enough, as native libraries write to the
/// descriptor directly.
/// </summary>
internal sealed partial class StandardErrorCapture : IDisposable
{
    private const int StandardError = 2;

    private readonly string _path = Path.GetTempFileName();
    private readonly FileStream _file;
    private readonly int _saved;
    private bool _restored;

    public StandardErrorCapture()
    {
        _file = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        _saved = Dup(StandardError);
        if (_saved < 0 || Dup2((int)_file.SafeFileHandle.DangerousGetHandle(), StandardError) < 0)
        {
            throw new IOException($"Could not redirect stderr (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>Restores stderr and returns everything written to it meanwhile.</summary>
    public string Stop()
    {
        Restore();
        return File.ReadAllText(_path);
    }

    public void Dispose()
    {
        Restore();
        _file.Dispose();
        File.Delete(_path);
    }

    private void Restore()
    {
        if (_restored)
        {
            return;
        }
        _restored = true;
        _ = Dup2(_saved, StandardError);
        _ = Close(_saved);
    }

    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int Dup2(int from, int to);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
