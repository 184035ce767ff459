using System.Runtime.Versioning;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// DAMAGE on the root window, reported as raw rectangles and read by an <see cref="X11EventPump"/>, so an idle screen
/// costs nothing. Uses its own connection: no other thread touches it.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class X11DamageMonitor : DamageMonitor
{
    private readonly X11Connection _connection;
    private readonly nuint _damage;
    private readonly int _eventBase;
    private readonly X11EventPump _pump;
    private bool _disposed;

    private X11DamageMonitor(X11Connection connection, nuint damage, int eventBase)
    {
        _connection = connection;
        _damage = damage;
        _eventBase = eventBase;
        _pump = new X11EventPump(connection, $"Dispatch damage {connection.Name}", OnEvent, FailAll);
    }

    /// <summary>Starts watching, or returns null when the server has no DAMAGE extension.</summary>
    public static X11DamageMonitor? TryStart(string? displayName)
    {
        var connection = X11Connection.Open(displayName);
        try
        {
            if (LibXdamage.XDamageQueryExtension(connection.Handle, out var eventBase, out _) == 0)
            {
                connection.Dispose();
                return null;
            }
            X11Errors.Clear();
            var damage = LibXdamage.XDamageCreate(connection.Handle, connection.Root, LibXdamage.XDamageReportRawRectangles);
            connection.SyncAndCheck("XDamageCreate");
            return new X11DamageMonitor(connection, damage, eventBase);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void OnEvent(in LibX11.XEvent ev)
    {
        if (ev.type == _eventBase + LibXdamage.XDamageNotify)
        {
            fixed (LibX11.XEvent* raw = &ev)
            {
                var notify = (LibXdamage.XDamageNotifyEvent*)raw;
                Publish(new Rect(notify->areaX, notify->areaY, notify->areaWidth, notify->areaHeight));
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _pump.Dispose();
        if (!_connection.Handle.IsLost)
        {
            LibXdamage.XDamageDestroy(_connection.Handle, _damage);
        }
        _connection.Dispose();
        FailAll(new ObjectDisposedException(nameof(DamageMonitor)));
    }
}
