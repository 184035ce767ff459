using System.Runtime.Versioning;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// Notices when a display's X server goes away (it ended, crashed or was killed): a connection of its own that asks for no
/// events, read by an <see cref="X11EventPump"/>, so its socket speaks only when the server closes it, and Xlib's I/O error
/// handler (<see cref="X11Errors"/>) marks the connection lost instead of ending the process.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class X11ServerWatch : IDisposable
{
    private readonly X11Connection _connection;
    private readonly CancellationTokenSource _lost = new();
    private readonly X11EventPump _pump;

    /// <summary>Starts watching <paramref name="displayName"/> (or <c>$DISPLAY</c>).</summary>
    /// <exception cref="DisplayUnavailableException">The display cannot be opened.</exception>
    public X11ServerWatch(string? displayName)
    {
        _connection = X11Connection.Open(displayName);
        try
        {
            _pump = new X11EventPump(_connection, $"Dispatch server watch {_connection.Name}", static (in _) => { },
                // Not Cancel(): its callbacks would run on the pump's thread, and one that disposes this watch would join itself.
                _ => _lost.CancelAsync());
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Cancelled once the server has gone away.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Stops watching and closes the connection.</summary>
    public void Dispose()
    {
        _pump.Dispose();
        _connection.Dispose();
        _lost.Dispose();
    }
}
