using System.Globalization;
using System.Runtime.Versioning;
using Dispatch.Engine.Vision;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// What Tesseract (in OpenCvSharp's native runtime) needs from a Linux system: the tessdata folders where the distribution
/// installs its language files, and the OpenMP thread limit in the native environment, which OpenMP reads once, when
/// Tesseract first runs.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class TesseractSetup
{
    // Debian and Ubuntu install versioned folders (tesseract-ocr-eng: /usr/share/tesseract-ocr/5/tessdata); Fedora and Arch
    // use /usr/share/tessdata; a build from source /usr/local/share/tessdata.
    private const string DebianRoot = "/usr/share/tesseract-ocr";
    private static readonly string[] s_otherFolders = ["/usr/share/tessdata", "/usr/local/share/tessdata"];

    /// <summary>Fills in the data folders when none were given and applies the thread limit, unless the environment already sets one.</summary>
    public static OcrOptions Prepare(OcrOptions options)
    {
        NativeEnvironment.SetDefault("OMP_THREAD_LIMIT", options.TesseractThreads.ToString(CultureInfo.InvariantCulture));
        return options.DataPaths.Count > 0 ? options : options with { DataPaths = DefaultDataPaths() };
    }

    /// <summary>The folders to look in, in order: <c>$TESSDATA_PREFIX</c>, Debian's newest version first, then the others.</summary>
    public static IReadOnlyList<string> DefaultDataPaths()
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("TESSDATA_PREFIX") is { Length: > 0 } prefix)
        {
            folders.Add(prefix);
        }
        var versions = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot).Select(d => Path.Combine(d, "tessdata")).OrderDescending().ToList()
            : [];
        // With nothing installed the message still names where Debian's package would put it.
        folders.AddRange(versions.Count > 0 ? versions : [Path.Combine(DebianRoot, "5", "tessdata")]);
        folders.AddRange(s_otherFolders);
        return folders;
    }
}
