using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Dispatch.Engine;
using Dispatch.Engine.Geometry;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch run</c>: the main job. Uses the display it is given, or starts its own virtual desktop when there
/// is none (a server, CI), records it so other commands find it, and runs until Ctrl+C or SIGTERM.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var launch = new Option<string[]>("--launch")
        {
            Description = "A program (shell command line) to start on the desktop; repeatable, e.g. --launch xterm --launch gnome-calculator.",
            AllowMultipleArgumentsPerToken = false,
        };
        var size = new Option<string>("--size")
        {
            Description = "The virtual desktop's size when one is started, as WIDTHxHEIGHT.",
            DefaultValueFactory = _ => "1920x1080",
        };
        var virtualOnly = new Option<bool>("--virtual")
        {
            Description = "Start a private virtual desktop even when $DISPLAY is set.",
        };
        var command = new Command("run", "Start Dispatch on this desktop, or on its own virtual desktop when there is no display.") { launch, size, virtualOnly };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(() =>
            RunAsync(parse.GetValue(CommonOptions.Display), parse.GetValue(launch) ?? [], parse.GetValue(size)!, parse.GetValue(virtualOnly), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string? display, string[] programs, string size, bool forceVirtual, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        VirtualDesktop? virtualDesktop = null;
        var useVirtual = forceVirtual || (string.IsNullOrEmpty(display) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")));
        if (useVirtual)
        {
            virtualDesktop = await VirtualDesktop.StartAsync(new VirtualDesktopOptions { ScreenSize = Size.Parse(size) }, stop.Token);
            display = virtualDesktop.DisplayName;
            DesktopSession.Write(display, virtualDesktop.Environment);
        }
        try
        {
            using var desktop = Desktop.Open(new DesktopOptions { DisplayName = display });
            foreach (var program in programs)
            {
                var info = virtualDesktop?.CreateStartInfo("/bin/sh", "-c", program) ?? new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", program } };
                info.Environment["DISPLAY"] = desktop.DisplayName.Length > 0 ? desktop.DisplayName : info.Environment["DISPLAY"];
                Process.Start(info)?.Dispose();
            }
            var bounds = desktop.Screen.Bounds;
            Console.WriteLine($"Dispatch is running on display {(desktop.DisplayName.Length > 0 ? desktop.DisplayName : Environment.GetEnvironmentVariable("DISPLAY"))} " +
                $"({(virtualDesktop is null ? "existing desktop" : "virtual desktop")}, {bounds.Width}x{bounds.Height}, capture by {desktop.Screen.Method}, " +
                $"{(desktop.Damage is null ? "polling" : "damage events")}, window manager: {(desktop.Windows.HasWindowManager ? "yes" : "no")}).");
            if (virtualDesktop is not null)
            {
                Console.WriteLine($"Other dispatch commands act on it (e.g. ./dispatch screenshot); view it with: DISPLAY={virtualDesktop.DisplayName} <program>.");
            }
            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping.");
            }
            return 0;
        }
        finally
        {
            if (virtualDesktop is not null)
            {
                DesktopSession.Remove();
                virtualDesktop.Dispose();
            }
        }
    }
}
