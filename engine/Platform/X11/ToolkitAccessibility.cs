using System.Diagnostics;
using System.Runtime.Versioning;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// The variables and switches that make each toolkit put its accessibility tree on the AT-SPI bus when it starts, for every
/// program Dispatch launches. Several toolkits stay silent on a bare bus — one no screen reader or GNOME setting has asked for —
/// unless told: Gecko reads <c>GNOME_ACCESSIBILITY</c>, Qt 5 <c>QT_LINUX_ACCESSIBILITY_ALWAYS_ON</c>, Chromium
/// <c>ACCESSIBILITY_ENABLED</c> and, for a page's own elements, <c>--force-renderer-accessibility</c>; Java needs the ATK bridge
/// loaded as its assistive technology. GTK 3 is on unless <c>NO_AT_BRIDGE</c> is set, GTK 4 unless <c>GTK_A11Y=none</c>.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class ToolkitAccessibility
{
    /// <summary>Where Debian's libatk-wrapper-java puts the bridge; Java is told to load it only when it is there.</summary>
    public const string JavaBridgeJar = "/usr/share/java/java-atk-wrapper.jar";

    /// <summary>The variables set for every launched program (a value the caller set is kept).</summary>
    public static IReadOnlyList<(string Name, string Value)> Variables { get; } =
    [
        ("GNOME_ACCESSIBILITY", "1"),
        ("QT_ACCESSIBILITY", "1"),
        ("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1"),
        ("ACCESSIBILITY_ENABLED", "1"),
    ];

    /// <summary>The switch Chromium, Chrome and Electron apps need for the elements of their pages.</summary>
    public const string ChromiumSwitch = "--force-renderer-accessibility";

    // Program names of browsers built on Chromium; Electron apps are recognised by the runtime beside their binary.
    private static readonly string[] s_chromiumNames =
        ["chromium", "chromium-browser", "chrome", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable", "brave", "brave-browser", "vivaldi", "opera", "electron"];

    /// <summary>Adds what the toolkits need to <paramref name="program"/>: the variables, the Java bridge when installed, and Chromium's switch.</summary>
    public static void Apply(ProcessStartInfo program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var environment = program.Environment;
        environment.Remove("NO_AT_BRIDGE");
        if (environment.TryGetValue("GTK_A11Y", out var gtk) && gtk == "none")
        {
            environment.Remove("GTK_A11Y");
        }
        foreach (var (name, value) in Variables)
        {
            if (!environment.TryGetValue(name, out var set) || string.IsNullOrEmpty(set))
            {
                environment[name] = value;
            }
        }
        if (File.Exists(JavaBridgeJar))
        {
            environment.TryGetValue("JAVA_TOOL_OPTIONS", out var options);
            if (options is null || !options.Contains("assistive_technologies", StringComparison.Ordinal))
            {
                environment["JAVA_TOOL_OPTIONS"] = $"{options} -Djavax.accessibility.assistive_technologies=org.GNOME.Accessibility.AtkWrapper -Xbootclasspath/a:{JavaBridgeJar}".TrimStart();
            }
        }
        if (IsChromium(program.FileName, environment.TryGetValue("PATH", out var path) ? path : null) && !program.ArgumentList.Contains(ChromiumSwitch))
        {
            program.ArgumentList.Insert(0, ChromiumSwitch);
        }
    }

    /// <summary>
    /// True for a browser built on Chromium (by its name, also behind a symbolic link) or an Electron app (its binary has
    /// Electron's <c>resources/electron.asar</c> or an <c>app.asar</c> beside it), which take <see cref="ChromiumSwitch"/>.
    /// </summary>
    public static bool IsChromium(string fileName, string? searchPath)
    {
        var path = ChildProcess.Resolve(fileName, searchPath);
        if (path is null)
        {
            return false;
        }
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        if (new[] { path, target }.Select(Path.GetFileName).Any(name => s_chromiumNames.Contains(name, StringComparer.Ordinal)))
        {
            return true;
        }
        var resources = Path.Combine(Path.GetDirectoryName(target) ?? "/", "resources");
        return File.Exists(Path.Combine(resources, "electron.asar")) || File.Exists(Path.Combine(resources, "app.asar"));
    }
}
