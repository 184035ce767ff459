using System.CommandLine;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine;

namespace Dispatch.Agent.Cli;

/// <summary><c>dispatch status</c> and <c>dispatch stop</c>: the hosts that run, and stopping one.</summary>
internal static class HostCommands
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static Command Status()
    {
        var command = new Command("status", "List the Dispatch hosts that run (one per display): process, socket, journal, tasks. Exit 1 when none runs.");
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            var given = parse.GetValue(CommonOptions.Display);
            var hosts = HostSocket.LiveHosts().Where(h => given is null || h.Display == HostSocket.Normalise(given)).ToList();
            if (hosts.Count == 0)
            {
                await Console.Error.WriteLineAsync($"dispatch: no Dispatch host runs{(given is null ? "" : $" for display {given}")}; start one with 'dispatch run'");
                return 1;
            }
            foreach (var host in hosts)
            {
                using var client = new HostClient(host.Socket, host.Display);
                var status = await client.StatusAsync(cancellationToken);
                Console.WriteLine($"display {host.Display}: host pid {host.ProcessId} since {host.Started.ToLocalTime():yyyy-MM-dd HH:mm:ss}" +
                    $" ({(host.IsVirtual ? "its own virtual desktop" : "an existing desktop")}), {status.Running} task(s) running, {status.Tasks} remembered");
                Console.WriteLine($"  socket {host.Socket}");
                Console.WriteLine($"  journal {host.Journal}");
            }
            return 0;
        }));
        return command;
    }

    public static Command Stop()
    {
        var command = new Command("stop", "Stop the host of the display (--display, $DISPLAY, or the one that runs): its tasks stop and every key is let go.");
        command.SetAction((parse, cancellationToken) => CommonOptions.GuardAsync(async () =>
        {
            using var engine = CommonOptions.Connect(parse);
            if (engine.Api is not HostClient client)
            {
                throw new DispatchException($"no Dispatch host runs{(engine.Api.DisplayName.Length > 0 ? $" for display {engine.Api.DisplayName}" : "")}; nothing to stop");
            }
            var record = HostSocket.ReadRecord(client.DisplayName);
            await client.ShutdownAsync(cancellationToken);
            // Stopped means gone: the socket stops answering once the host has let go of everything and closed. Nothing
            // announces that, so it is polled, for as long as the host's own shutdown may take.
            var deadline = DateTimeOffset.UtcNow + StopTimeout;
            while (HostSocket.IsLive(client.DisplayName))
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new DispatchException($"the host of display {client.DisplayName}{(record is null ? "" : $" (pid {record.ProcessId})")} still answers {StopTimeout.TotalSeconds:0} s after it was asked to stop");
                }
                await Task.Delay(50, cancellationToken);
            }
            Console.WriteLine($"stopped the host of display {client.DisplayName}{(record is null ? "" : $" (pid {record.ProcessId})")}");
            return 0;
        }));
        return command;
    }
}
