using System.Runtime.Versioning;
using System.Text.Json;
using Dispatch.Agent.Cli;
using Dispatch.Agent.LocalApi;
using Dispatch.Engine;
using Dispatch.Engine.Loop;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dispatch.Agent.Host;

/// <summary>
/// The long-lived host of one display: owns its engine (one composition root), its journal, its input (one queue) and
/// serves the local API on a 0600 Unix socket in the runtime directory. Exactly one per display: a second is refused with
/// the name of the first; the socket of a host that was killed is replaced.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class DispatchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FileStream _lock;

    private DispatchHost(WebApplication app, FileStream hostLock, HostRecord record)
    {
        _app = app;
        _lock = hostLock;
        Record = record;
    }

    /// <summary>Who this host is and where it listens.</summary>
    public HostRecord Record { get; }

    /// <summary>The engine's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Stops when the host is asked to stop (by its owner or a fatal error).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Takes <paramref name="display"/>, opens its engine and starts serving.</summary>
    /// <exception cref="DispatchException">Another live host owns the display.</exception>
    /// <exception cref="DisplayUnavailableException">The display cannot be opened.</exception>
    /// <param name="display">The display to host.</param>
    /// <param name="isVirtual">The host started the display itself.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <param name="allowUngated">Let clients run steps without the approval gate (<c>--no-gate</c>); off unless the person starting the host says so.</param>
    /// <param name="desktopEnvironment">The variables programs need on the display (a virtual desktop's session bus…), for what its clients launch.</param>
    public static async Task<DispatchHost> StartAsync(string display, bool isVirtual, CancellationToken cancellationToken, bool allowUngated = false,
        IReadOnlyDictionary<string, string?>? desktopEnvironment = null)
    {
        display = HostSocket.Normalise(display);
        var hostLock = TakeLock(display);
        try
        {
            var socket = HostSocket.PathFor(display);
            // Only the holder of the lock gets here, so a socket file left over belongs to a host that died.
            File.Delete(socket);
            var journal = Path.Combine(StateDirectory.ForCurrentUser, "journal", $"host-{Path.GetFileNameWithoutExtension(socket)[5..]}.jsonl");
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.ListenUnixSocket(socket);
                // An OCR request carries its image: as large as the engine reads (base64 in JSON), not Kestrel's default 30 MB.
                kestrel.Limits.MaxRequestBodySize = InProcessDesktopApi.MaxImageBytes * 4 / 3 + 64 * 1024;
            });
            builder.Services.ConfigureHttpJsonOptions(options =>
            {
                options.SerializerOptions.TypeInfoResolverChain.Insert(0, LocalApiJsonContext.Default);
                options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            });
            // A body that does not bind throws, so the client hears what was wrong with it instead of an empty 400.
            builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
            builder.Services.AddDispatchEngine(new EngineOptions { Desktop = new DesktopOptions { DisplayName = display }, JournalPath = journal });
            builder.Services.AddSingleton<LoopEventHub>();
            builder.Services.AddSingleton<ILoopEventSink>(services => services.GetRequiredService<LoopEventHub>());
            builder.Services.AddSingleton(services => new InProcessDesktopApi(services, display,
                () => new ConsoleApprovalChannel(terminal: ClientTerminal.Of(null)), allowUngated, desktopEnvironment));
            var app = builder.Build();
            try
            {
                // Connect now: a display that cannot be opened is the host's error at start, not every client's later.
                app.Services.GetRequiredService<IDesktop>();
                var record = new HostRecord(display, Environment.ProcessId, socket, journal, DateTimeOffset.UtcNow, isVirtual);
                HostEndpoints.Map(app, record);
                // Written before the socket answers, so a client that reaches the host can always read who it is.
                WriteAtomically(HostSocket.RecordPathFor(display), JsonSerializer.Serialize(record, LocalApiJsonContext.Default.HostRecord));
                await app.StartAsync(cancellationToken);
                File.SetUnixFileMode(socket, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                return new DispatchHost(app, hostLock, record);
            }
            catch
            {
                await app.DisposeAsync();
                File.Delete(HostSocket.RecordPathFor(display));
                File.Delete(socket);
                throw;
            }
        }
        catch
        {
            hostLock.Dispose();
            throw;
        }
    }

    /// <summary>Stops serving, lets go of every key, closes the engine and removes the socket and the record.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            File.Delete(Record.Socket);
            File.Delete(HostSocket.RecordPathFor(Record.Display));
            // The lock file stays: deleting it while held would let a host that opened it just before lock the old file while a
            // newer one locks a new file, two hosts for one display.
            _lock.Dispose();
        }
    }

    private static FileStream TakeLock(string display)
    {
        try
        {
            // FileShare.None is an exclusive flock on Unix: held while this process lives, let go by the kernel when it dies.
            return new FileStream(HostSocket.LockPathFor(display), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var owner = HostSocket.ReadRecord(display);
            throw new DispatchException($"display {display} already has a Dispatch host" +
                (owner is null ? "" : $" (pid {owner.ProcessId}, socket {owner.Socket}, since {owner.Started.ToLocalTime():HH:mm:ss})") +
                "; other dispatch commands use it as they are, or stop it first to start another");
        }
    }

    private static void WriteAtomically(string path, string content)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
