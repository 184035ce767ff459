namespace Dispatch.Agent.Cli;

/// <summary>The check of every file a command writes, before it does anything: a clear line instead of a failure after the work.</summary>
internal static class OutputFile
{
    /// <summary>Throws unless <paramref name="path"/> can be created or replaced as a file.</summary>
    /// <exception cref="IOException">It is a directory, or its folder does not exist or cannot be written; the message names it.</exception>
    public static void CheckWritable(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"{option} '{path}' is a directory; expected a file name.");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || !Directory.Exists(folder))
        {
            throw new IOException($"{option} '{path}': the folder '{folder}' does not exist.");
        }
        if (!OperatingSystem.IsWindows() && (File.Exists(path) ? !CanWrite(path) : !CanWrite(folder)))
        {
            throw new IOException($"{option} '{path}' cannot be written (permission denied).");
        }
    }

    // access(2) would say it directly; trying is as good and needs no native call.
    private static bool CanWrite(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var probe = Path.Combine(path, $".dispatch-{Environment.ProcessId}-{Guid.NewGuid():N}");
                using (File.Create(probe, 1, FileOptions.DeleteOnClose))
                {
                }
                return true;
            }
            using (new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
            }
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
