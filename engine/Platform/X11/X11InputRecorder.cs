using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Threading.Channels;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Platform.X11.Native;
using Dispatch.Engine.Recording;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// Records device events through the X RECORD extension: the server sends a copy of every key, button and motion event
/// as it handles it (no polling, nothing grabbed, nothing delayed for the apps). The data connection blocks in
/// <c>XRecordEnableContext</c> on a thread of its own; the control connection creates, disables and frees the context.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class X11InputRecorder : IInputRecorder
{
    // Core event codes (X.h).
    private const byte KeyPress = 2;
    private const byte MotionNotify = 6;

    private readonly X11Connection _control;
    private readonly X11Connection _data;
    private readonly nuint _context;
    private readonly Channel<RecordedInput> _events = Channel.CreateUnbounded<RecordedInput>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Lock _keymapLock = new();
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _started = new();
    private GCHandle _self;
    private nuint[] _keymap = [];
    private int _minKeycode;
    private int _perKeycode;
    private bool _disposed;

    private X11InputRecorder(X11Connection control, X11Connection data, nuint context)
    {
        _control = control;
        _data = data;
        _context = context;
        ReadKeymap();
        _self = GCHandle.Alloc(this);
        _thread = new Thread(Run) { IsBackground = true, Name = $"X RECORD {control.Name}" };
        _thread.Start();
        // Events before the server starts sending are not recorded: return only once it does (or enabling failed).
        if (!_started.Wait(StartTimeout) || _events.Reader.Completion.IsCompleted)
        {
            var failure = _events.Reader.Completion.Exception?.InnerException;
            Dispose();
            throw failure switch
            {
                DispatchException known => known,
                null => new DispatchException($"Display '{control.Name}' did not start sending recorded input within {StartTimeout.TotalSeconds:0} s."),
                _ => new DispatchException($"Display '{control.Name}' could not start recording input: {failure.Message}", failure),
            };
        }
    }

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    public ChannelReader<RecordedInput> Events => _events.Reader;

    /// <summary>Starts recording the device events of <paramref name="displayName"/>.</summary>
    /// <exception cref="DispatchException">The server has no RECORD extension, or the context cannot be made.</exception>
    public static X11InputRecorder Start(string displayName)
    {
        var control = X11Connection.Open(displayName);
        X11Connection? data = null;
        try
        {
            if (LibXtst.XRecordQueryVersion(control.Handle, out _, out _) == 0)
            {
                throw new DispatchException($"The X server of display '{displayName}' has no RECORD extension, which recording needs (Xorg and Xvfb have it unless started with -extension RECORD).");
            }
            data = X11Connection.Open(displayName);
            var range = LibXtst.XRecordAllocRange();
            if (range == null)
            {
                throw new NativeCallException("XRecordAllocRange", "out of memory");
            }
            nuint context;
            try
            {
                range[LibXtst.DeviceEventsOffset] = KeyPress;
                range[LibXtst.DeviceEventsOffset + 1] = MotionNotify;
                var clients = LibXtst.XRecordAllClients;
                context = LibXtst.XRecordCreateContext(control.Handle, 0, &clients, 1, &range, 1);
            }
            finally
            {
                LibX11.XFree(range);
            }
            if (context == 0)
            {
                throw new NativeCallException("XRecordCreateContext", $"display '{displayName}' refused a recording context");
            }
            // The context must exist on the server before the other connection enables it.
            LibX11.XSync(control.Handle, 0);
            return new X11InputRecorder(control, data, context);
        }
        catch
        {
            data?.Dispose();
            control.Dispose();
            throw;
        }
    }

    /// <summary>Stops recording: the context is disabled, the reading thread ends and <see cref="Events"/> completes.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        lock (_keymapLock)
        {
            LibXtst.XRecordDisableContext(_control.Handle, _context);
            LibX11.XSync(_control.Handle, 0);
        }
        _thread.Join();
        LibXtst.XRecordFreeContext(_control.Handle, _context);
        _self.Free();
        _data.Dispose();
        _control.Dispose();
        _started.Dispose();
        _events.Writer.TryComplete();
    }

    private void Run()
    {
        try
        {
            if (LibXtst.XRecordEnableContext(_data.Handle, _context, &OnIntercept, GCHandle.ToIntPtr(_self)) == 0)
            {
                _events.Writer.TryComplete(new NativeCallException("XRecordEnableContext", $"display '{_data.Name}' would not start recording"));
                return;
            }
            _events.Writer.TryComplete();
        }
        catch (Exception error)
        {
            // Ends the reader's loop with the reason instead of a silent end of the recording.
            _events.Writer.TryComplete(error);
        }
        finally
        {
            _started.Set();
        }
    }

    [UnmanagedCallersOnly]
    private static void OnIntercept(nint closure, LibXtst.XRecordInterceptData* data)
    {
        try
        {
            if (data->Category == LibXtst.XRecordStartOfData)
            {
                ((X11InputRecorder)GCHandle.FromIntPtr(closure).Target!)._started.Set();
            }
            else if (data->Category == LibXtst.XRecordFromServer && data->Data != null && data->DataLength >= 8)
            {
                var recorder = (X11InputRecorder)GCHandle.FromIntPtr(closure).Target!;
                recorder.Accept(new ReadOnlySpan<byte>(data->Data, 32));
            }
        }
        catch (Exception error)
        {
            // An exception must not cross into Xlib: it ends the recording with its reason.
            ((X11InputRecorder)GCHandle.FromIntPtr(closure).Target!)._events.Writer.TryComplete(error);
        }
        finally
        {
            LibXtst.XRecordFreeData(data);
        }
    }

    /// <summary>A core device event (xEvent): type, detail, sequence, time, root, event, child, root x/y, event x/y, state.</summary>
    private void Accept(ReadOnlySpan<byte> e)
    {
        var type = e[0] & 0x7F;
        if (type is < KeyPress or > MotionNotify)
        {
            return;
        }
        var kind = (RecordedInputKind)(type - KeyPress);
        var detail = e[1];
        var time = BinaryPrimitives.ReadUInt32LittleEndian(e[4..]);
        var point = new Point(BinaryPrimitives.ReadInt16LittleEndian(e[20..]), BinaryPrimitives.ReadInt16LittleEndian(e[22..]));
        var state = BinaryPrimitives.ReadUInt16LittleEndian(e[28..]);
        var modifiers = ((state & 1) != 0 ? RecordedModifiers.Shift : 0) | ((state & 4) != 0 ? RecordedModifiers.Control : 0)
            | ((state & 8) != 0 ? RecordedModifiers.Alt : 0) | ((state & 0x40) != 0 ? RecordedModifiers.Super : 0);
        string? name = null;
        string? text = null;
        if (kind is RecordedInputKind.KeyPress or RecordedInputKind.KeyRelease)
        {
            (name, text) = Translate(detail, shifted: (state & 1) != 0, capsLock: (state & 2) != 0);
        }
        _events.Writer.TryWrite(new RecordedInput(kind, detail, name, text, point, modifiers, time));
    }

    /// <summary>The key's name (its unshifted keysym) and the character it types with the modifiers held.</summary>
    private (string? Name, string? Text) Translate(int keycode, bool shifted, bool capsLock)
    {
        var plain = KeysymAt(keycode, 0);
        if (plain == 0)
        {
            // A key bound after recording started (e.g. a spare key an automation bound to type a rare character).
            lock (_keymapLock)
            {
                ReadKeymap();
            }
            plain = KeysymAt(keycode, 0);
        }
        if (plain == 0)
        {
            return (null, null);
        }
        var typed = shifted && KeysymAt(keycode, 1) is not 0 and var upper ? upper : plain;
        var text = TextOf(typed);
        if (capsLock && !shifted && text is { Length: 1 } letter && char.IsLower(letter[0]))
        {
            text = letter.ToUpperInvariant();
        }
        return (X11Keymap.NameOf(plain), text);
    }

    private nuint KeysymAt(int keycode, int level)
    {
        var keymap = _keymap;
        var index = (keycode - _minKeycode) * _perKeycode + level;
        return keycode >= _minKeycode && level < _perKeycode && index < keymap.Length ? keymap[index] : 0;
    }

    /// <summary>The character a keysym types: Latin-1 keysyms are their code point, Unicode keysyms 0x01000000 + it.</summary>
    private static string? TextOf(nuint keysym) => keysym switch
    {
        >= 0x20 and <= 0x7E or >= 0xA0 and <= 0xFF => ((char)keysym).ToString(),
        >= 0x01000100 and <= 0x0110FFFF => char.ConvertFromUtf32((int)(keysym - 0x01000000)),
        _ => null,
    };

    private void ReadKeymap()
    {
        LibX11.XDisplayKeycodes(_control.Handle, out var min, out var max);
        (_keymap, _perKeycode) = X11Keymap.ReadMapping(_control, min, max);
        _minKeycode = min;
    }
}
