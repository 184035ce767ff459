using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Dispatch.Agent.Host;
using Dispatch.Engine;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Agent.Cli;

/// <summary>
/// <c>dispatch run</c>: the main job. Becomes the host of the display it is given, or of its own virtual desktop when there
/// is none (a server, CI): owns the engine, the journal and the input, serves the local API that other dispatch commands
/// use, and runs until Ctrl+C or SIGTERM.
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
        var allowUngated = new Option<bool>("--allow-ungated")
        {
            Description = "Let clients run irreversible steps without asking (their --no-gate); off by default, so no request can switch the gate off.",
        };
        var command = new Command("run", "Host this desktop (or a virtual one when there is no display) for other dispatch commands, until stopped.") { launch, size, virtualOnly, allowUngated };
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(() =>
            RunAsync(parse.GetValue(CommonOptions.Display), parse.GetValue(launch) ?? [], parse.GetValue(size)!, parse.GetValue(virtualOnly),
                parse.GetValue(allowUngated), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string? display, string[] programs, string size, bool forceVirtual, bool allowUngated, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("dispatch run hosts an X11 desktop; this system is not supported yet.");
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        VirtualDesktop? virtualDesktop = null;
        display = string.IsNullOrEmpty(display) ? Environment.GetEnvironmentVariable("DISPLAY") : display;
        if (forceVirtual || string.IsNullOrEmpty(display))
        {
            virtualDesktop = await VirtualDesktop.StartAsync(new VirtualDesktopOptions { ScreenSize = Size.Parse(size) }, stop.Token);
            display = virtualDesktop.DisplayName;
        }
        try
        {
            await using var host = await DispatchHost.StartAsync(display, virtualDesktop is not null, stop.Token, allowUngated, virtualDesktop?.Environment);
            var desktop = host.Services.GetRequiredService<IDesktop>();
            foreach (var program in programs)
            {
                var info = virtualDesktop?.CreateStartInfo("/bin/sh", "-c", program) ?? new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", program } };
                info.Environment["DISPLAY"] = display;
                HostProcesses.Start(info).Dispose();
            }
            var bounds = desktop.Screen.Bounds;
            Console.WriteLine($"Dispatch is running on display {display} " +
                $"({(virtualDesktop is null ? "existing desktop" : "virtual desktop")}, {bounds.Width}x{bounds.Height}, capture by {desktop.Screen.Method}, " +
                $"{(desktop is Desktop { Damage: null } ? "polling" : "damage events")}, window manager: {(desktop.Windows.HasWindowManager ? "yes" : "no")}).");
            Console.WriteLine($"Local API: {host.Record.Socket}; journal: {host.Record.Journal}.");
            Console.WriteLine("Other dispatch commands (e.g. ./dispatch screenshot) go through this host" +
                (virtualDesktop is null ? "." : $"; view the desktop with: DISPLAY={display} <program>."));
            Console.WriteLine("Press Ctrl+C to stop.");
            var serverLost = desktop is Desktop watched ? watched.WatchForServerLoss() : CancellationToken.None;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, host.Stopping, serverLost);
            try
            {
                await Task.Delay(Timeout.Infinite, either.Token);
            }
            catch (OperationCanceledException) when (serverLost.IsCancellationRequested)
            {
                throw new DisplayUnavailableException(display, $"the X server of display {display} went away; dispatch run stops");
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping.");
            }
            return 0;
        }
        finally
        {
            virtualDesktop?.Dispose();
        }
    }
}
