using System.Diagnostics;
using Dispatch.Agent.Cli;
using Dispatch.Engine;
using Dispatch.Engine.Platform.X11;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Windowing;

namespace Dispatch.Agent.Tests;

/// <summary>
/// A private virtual desktop (with or without the accessibility bus) for a test class of the <c>dispatch</c> command, with a folder of its own
/// for files and state: runs the CLI in-process or as a process, launches apps and closes them at the end.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class CliDesktop : IDisposable
{
    private readonly List<Process> _apps = [];

    private CliDesktop(VirtualDesktop desktop, string work)
    {
        Virtual = desktop;
        Engine = desktop.Open();
        Work = work;
        // Journals, keys and approval screenshots go to the test's own folder, never the user's.
        Environment.SetEnvironmentVariable("DISPATCH_STATE_DIR", State);
    }

    public VirtualDesktop Virtual { get; }

    public Desktop Engine { get; }

    public string Work { get; }

    public string State => Path.Combine(Work, "state");

    public static async Task<CliDesktop> StartAsync(string name, bool accessibility = false) =>
        new(await VirtualDesktop.StartAsync(new VirtualDesktopOptions { IsolateHome = true, Accessibility = accessibility }),
            Directory.CreateTempSubdirectory($"dispatch-{name}-").FullName);

    /// <summary>The process a <c>dispatch launch</c> printed ("pid N window …"), closed with the desktop.</summary>
    public Process TrackLaunched(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"^pid (\d+) window ", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.IsTrue(match.Success, $"no pid in: {output}");
        var process = Process.GetProcessById(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Track(process);
        return process;
    }

    /// <summary>Runs the CLI in this process on the desktop, capturing what it prints.</summary>
    public async Task<(int Status, string Output, string Error)> DispatchAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var status = await CliApp.Parse(["--display", Virtual.DisplayName, .. arguments]).InvokeAsync();
            return (status, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    /// <summary>Starts the built <c>dispatch</c> as a process on the desktop, with the test's private state folder.</summary>
    public Process StartDispatch(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "dispatch.dll"), "--display", Virtual.DisplayName }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DISPATCH_STATE_DIR"] = State;
        var process = Process.Start(start)!;
        Track(process);
        return process;
    }

    /// <summary>Starts a program, waits for its window and for the screen to settle; it is closed with the desktop.</summary>
    public async Task<LaunchedApp> LaunchAsync(params string[] command)
    {
        var info = Virtual.CreateStartInfo(command[0], command[1..]);
        info.WorkingDirectory = Work;
        info.Environment["LC_ALL"] = "C.UTF-8";
        var app = await Engine.Windows.LaunchAsync(info, TimeSpan.FromSeconds(60));
        Track(app.Process);
        await Engine.Watcher.WaitForStableAsync(null, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        return app;
    }

    /// <summary>A zenity question with Yes and No, and where its Yes is (found by OCR: this desktop has no accessibility).</summary>
    public async Task<(LaunchedApp Dialog, Point Yes)> QuestionAsync(string title, string text)
    {
        var dialog = await LaunchAsync("zenity", "--question", "--title", title, "--text", text, "--ok-label", "Yes", "--cancel-label", "No");
        using var ocr = new Engine.Vision.OcrEngine();
        return (dialog, (await new Engine.Locators.ElementFinder(Engine, ocr).FindAsync($"text~=\"Yes\" via=ocr in window \"{title}\"")).Bounds.Center);
    }

    /// <summary>Polls <paramref name="condition"/> (state that sends no event, in the X server or the file system) for up to 30 s.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, $"gave up waiting for {what}");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The keyboard map as <c>xmodmap -pke</c> prints it: what spare keycodes are bound to.</summary>
    public async Task<string> KeymapAsync()
    {
        var info = Virtual.CreateStartInfo("xmodmap", "-pke");
        info.RedirectStandardOutput = true;
        using var xmodmap = Process.Start(info)!;
        var text = await xmodmap.StandardOutput.ReadToEndAsync();
        await xmodmap.WaitForExitAsync();
        return text;
    }

    /// <summary>A failed command: non-zero status, one line on stderr naming <paramref name="named"/>, no stack trace.</summary>
    public static void AssertOneLineError((int Status, string Output, string Error) result, string named)
    {
        Assert.AreNotEqual(0, result.Status, result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, result.Error);
        StringAssert.StartsWith(lines[0], "dispatch: ");
        StringAssert.Contains(lines[0], named);
        Assert.DoesNotContain("   at ", result.Error);
    }

    /// <summary>
    /// Runs the built <c>dispatch</c> in a pseudo-terminal (<c>script</c>), as a person at a terminal would, answering
    /// <paramref name="answer"/> to the first "Approve?"; returns its exit status and everything the terminal showed.
    /// </summary>
    public async Task<(int Status, string Output)> DispatchInTerminalAsync(string answer, CancellationToken cancellationToken, params string[] arguments)
    {
        var dispatch = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "dispatch.dll"), "--display", Virtual.DisplayName }
            .Concat(arguments).Select(a => $"'{a}'"));
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-q", "-e", "-c", dispatch, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DISPATCH_STATE_DIR"] = State;
        var script = Process.Start(start)!;
        Track(script);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        var output = new System.Text.StringBuilder();
        var buffer = new char[1024];
        var answered = false;
        int read;
        while ((read = await script.StandardOutput.ReadAsync(buffer, guard.Token)) > 0)
        {
            output.Append(buffer, 0, read);
            if (!answered && output.ToString().Contains("Approve?", StringComparison.Ordinal))
            {
                await script.StandardInput.WriteAsync(answer + "\r");
                await script.StandardInput.FlushAsync(guard.Token);
                answered = true;
            }
        }
        await script.WaitForExitAsync(guard.Token);
        return (script.ExitCode, output.ToString());
    }

    public void Track(Process process)
    {
        lock (_apps)
        {
            _apps.Add(process);
        }
    }

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            try
            {
                if (!app.HasExited)
                {
                    app.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Disposed by its test already, which means it was waited for.
            }
            app.Dispose();
        }
        Engine.Dispose();
        Virtual.Dispose();
        Directory.Delete(Work, recursive: true);
    }
}
