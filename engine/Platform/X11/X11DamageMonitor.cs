using System.Runtime.Versioning;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// DAMAGE on the root window, reported as raw rectangles and read by one thread that sleeps in poll() on the
/// connection's socket, so an idle screen costs nothing. Uses its own connection: no other thread touches it.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class X11DamageMonitor : DamageMonitor
{
    private readonly X11Connection _connection;
    private readonly nuint _damage;
    private readonly int _eventBase;
    private readonly EventFdHandle _wake;
    private readonly Thread _thread;
    private volatile bool _stopping;

    private X11DamageMonitor(X11Connection connection, nuint damage, int eventBase, EventFdHandle wake)
    {
        _connection = connection;
        _damage = damage;
        _eventBase = eventBase;
        _wake = wake;
        _thread = new Thread(ReadEvents) { IsBackground = true, Name = $"Dispatch damage {connection.Name}" };
        _thread.Start();
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
            var wake = EventFdHandle.Create();
            try
            {
                return new X11DamageMonitor(connection, damage, eventBase, wake);
            }
            catch
            {
                wake.Dispose();
                throw;
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void ReadEvents()
    {
        // Held for the thread's life: the descriptor's number sits in the poll set, so it must not be closed (and reused) under it.
        var wakeHeld = false;
        _wake.DangerousAddRef(ref wakeHeld);
        var fds = stackalloc LibC.PollFd[2];
        fds[0] = new LibC.PollFd { fd = LibX11.XConnectionNumber(_connection.Handle), events = LibC.POLLIN };
        fds[1] = new LibC.PollFd { fd = _wake.Descriptor, events = LibC.POLLIN };
        LibX11.XEvent ev;
        try
        {
            while (!_stopping)
            {
                // Xlib may already hold queued events that poll() cannot see.
                while (LibX11.XPending(_connection.Handle) > 0)
                {
                    LibX11.XNextEvent(_connection.Handle, &ev);
                    if (ev.type == _eventBase + LibXdamage.XDamageNotify)
                    {
                        var notify = (LibXdamage.XDamageNotifyEvent*)&ev;
                        Publish(new Rect(notify->areaX, notify->areaY, notify->areaWidth, notify->areaHeight));
                    }
                }
                _connection.ThrowIfLost();
                if (LibC.poll(fds, 2, -1) < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != 4 /* EINTR */)
                {
                    throw new NativeCallException("poll", LibC.LastError());
                }
            }
        }
        catch (DispatchException failure)
        {
            FailAll(failure);
        }
        finally
        {
            _wake.DangerousRelease();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (_stopping)
        {
            return;
        }
        _stopping = true;
        _wake.Signal();
        _thread.Join();
        _wake.Dispose();
        if (!_connection.Handle.IsLost)
        {
            LibXdamage.XDamageDestroy(_connection.Handle, _damage);
        }
        _connection.Dispose();
        FailAll(new ObjectDisposedException(nameof(DamageMonitor)));
    }
}
