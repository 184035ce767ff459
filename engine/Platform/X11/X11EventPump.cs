using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// A thread that reads one connection's events as they come: it sleeps in poll() on the connection's socket (and on an
/// eventfd that wakes it to stop), so an idle display costs nothing, and it notices a lost server as soon as the socket
/// closes. The connection is the pump's alone while it runs: no other thread may use it.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class X11EventPump : IDisposable
{
    private readonly X11Connection _connection;
    private readonly EventReceived _received;
    private readonly Action<DispatchException> _failed;
    private readonly EventFdHandle _wake;
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <summary>Starts reading.</summary>
    /// <param name="connection">The connection to read; it stays the caller's to close, after this pump is disposed.</param>
    /// <param name="name">The thread's name, for debuggers.</param>
    /// <param name="received">Called on the pump's thread for each event.</param>
    /// <param name="failed">Called once on the pump's thread when the connection fails (e.g. the server went away); the pump then ends.</param>
    /// <exception cref="NativeCallException">The eventfd could not be created.</exception>
    public X11EventPump(X11Connection connection, string name, EventReceived received, Action<DispatchException> failed)
    {
        _connection = connection;
        _received = received;
        _failed = failed;
        _wake = EventFdHandle.Create();
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Handles one event read from the connection.</summary>
    public delegate void EventReceived(in LibX11.XEvent ev);

    private void Run()
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
                // Xlib may already hold queued events that poll() cannot see; on a closed socket XPending reports the loss.
                while (LibX11.XPending(_connection.Handle) > 0)
                {
                    LibX11.XNextEvent(_connection.Handle, &ev);
                    _received(in ev);
                }
                _connection.ThrowIfLost();
                if (LibC.poll(fds, 2, -1) < 0 && Marshal.GetLastPInvokeError() != 4 /* EINTR */)
                {
                    throw new NativeCallException("poll", LibC.LastError());
                }
            }
        }
        catch (DispatchException failure)
        {
            _failed(failure);
        }
        finally
        {
            _wake.DangerousRelease();
        }
    }

    /// <summary>Stops the thread and waits for it; the connection is left open for its owner.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }
        _stopping = true;
        _wake.Signal();
        _thread.Join();
        _wake.Dispose();
    }
}
