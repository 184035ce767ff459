using System.Globalization;
using System.Runtime.Versioning;
using System.Text.Json;
using Dispatch.Engine.Platform.X11.Native;

namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// What this process may be holding on a display — keys and buttons pressed through XTest, spare keycodes bound for
/// typing — written to a file of its own before it presses or binds anything, so that if it is killed (SIGKILL leaves no
/// chance to clean up, and the X server does not release a vanished client's XTest presses) the next Dispatch on that
/// display lets go of exactly those and nothing a person holds. Files live in <c>$XDG_RUNTIME_DIR/dispatch</c> (else a
/// private folder in the temp directory), one per process and display.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class X11InputLedger : IDisposable
{
    private readonly string _path;
    private readonly HashSet<int> _keys = [];
    private readonly HashSet<uint> _buttons = [];
    private readonly HashSet<int> _bound = [];
    private readonly string _started;
    private readonly string _server;

    private X11InputLedger(string path, string started, string server)
    {
        _path = path;
        _started = started;
        _server = server;
    }

    /// <summary>The ledger of this process for the display of <paramref name="connection"/>, after releasing what dead processes left held there.</summary>
    public static X11InputLedger Open(X11Connection connection)
    {
        var folder = Folder();
        var prefix = $"input-{Sanitise(X11DisplayName.ServerOf(connection.Name))}-";
        var server = ServerIdentity(connection.Name);
        foreach (var file in Directory.EnumerateFiles(folder, prefix + "*.json"))
        {
            Recover(connection, file, folder, prefix, server);
        }
        return new X11InputLedger(Path.Combine(folder, prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".json"),
            StartTime(Environment.ProcessId) ?? "", server);
    }

    /// <summary>
    /// The lock file that one request at a time holds for its whole duration on the display of <paramref name="connection"/>
    /// (<c>DISPLAY.input.lock</c> next to the ledgers): keys of two requests never interleave, and the keys one holds
    /// never modify another's.
    /// </summary>
    public static string InputLockPath(X11Connection connection) => Path.Combine(Folder(), $"{Sanitise(X11DisplayName.ServerOf(connection.Name))}.input.lock");

    /// <summary>Records a key about to be pressed.</summary>
    public void Pressing(int keycode)
    {
        if (_keys.Add(keycode))
        {
            Write();
        }
    }

    /// <summary>Records a button about to be pressed.</summary>
    public void Pressing(uint button)
    {
        if (_buttons.Add(button))
        {
            Write();
        }
    }

    /// <summary>Records a spare keycode about to be bound.</summary>
    public void Binding(int keycode)
    {
        if (_bound.Add(keycode))
        {
            Write();
        }
    }

    /// <summary>Everything pressed was released.</summary>
    public void ReleasedAll()
    {
        if (_keys.Count + _buttons.Count > 0)
        {
            _keys.Clear();
            _buttons.Clear();
            Write();
        }
    }

    /// <summary>Everything was released and unbound: nothing is left to answer for.</summary>
    public void Dispose() => File.Delete(_path);

    private void Write()
    {
        var record = new Record(Environment.ProcessId, _started, _server, [.. _keys], [.. _buttons], [.. _bound]);
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, LedgerJsonContext.Default.Record));
        File.Move(temporary, _path, overwrite: true);
    }

    /// <summary>Releases and unbinds what a dead process recorded on this display, then removes its ledger.</summary>
    private static void Recover(X11Connection connection, string file, string folder, string prefix, string server)
    {
        Record? record;
        try
        {
            record = JsonSerializer.Deserialize(File.ReadAllText(file), LedgerJsonContext.Default.Record);
        }
        catch (Exception error) when (error is JsonException or IOException)
        {
            // A ledger cut short by the kill names nothing reliably; it goes, and what it covered stays as it is.
            File.Delete(file);
            return;
        }
        if (record is null || record.ProcessId == Environment.ProcessId || IsAlive(record))
        {
            return;
        }
        if (record.Server != server)
        {
            // Written for an X server that has since gone (the display number was reused): nothing of it is held here.
            File.Delete(file);
            return;
        }
        var stillBound = LiveBindings(folder, prefix, file);
        unsafe
        {
            var handle = connection.Handle;
            var bits = stackalloc byte[32];
            LibX11.XQueryKeymap(handle, bits);
            foreach (var keycode in record.Keys.Where(k => k is >= 8 and < 256 && (bits[k / 8] & (1 << (k % 8))) != 0))
            {
                LibXtst.XTestFakeKeyEvent(handle, (uint)keycode, 0, 0);
            }
            LibX11.XQueryPointer(handle, connection.Root, out _, out _, out _, out _, out _, out _, out var mask);
            foreach (var button in record.Buttons.Where(b => b is >= 1 and <= 5 && (mask & (1u << (int)(7 + b))) != 0))
            {
                LibXtst.XTestFakeButtonEvent(handle, button, 0, 0);
            }
            LibX11.XDisplayKeycodes(handle, out var minKeycode, out var maxKeycode);
            var perKeycode = 0;
            var map = LibX11.XGetKeyboardMapping(handle, (byte)minKeycode, 1, out perKeycode);
            if (map != null)
            {
                LibX11.XFree(map);
            }
            var empty = stackalloc nuint[Math.Max(1, perKeycode)];
            new Span<nuint>(empty, Math.Max(1, perKeycode)).Clear();
            foreach (var keycode in record.Bound.Where(k => k >= minKeycode && k <= maxKeycode && !stillBound.Contains(k)))
            {
                LibX11.XChangeKeyboardMapping(handle, keycode, perKeycode, empty, 1);
            }
            LibX11.XSync(handle, 0);
        }
        File.Delete(file);
    }

    /// <summary>Spare keycodes that live Dispatch processes on this display have bound (not to be taken from them).</summary>
    private static HashSet<int> LiveBindings(string folder, string prefix, string except)
    {
        var bound = new HashSet<int>();
        foreach (var other in Directory.EnumerateFiles(folder, prefix + "*.json").Where(f => f != except))
        {
            try
            {
                if (JsonSerializer.Deserialize(File.ReadAllText(other), LedgerJsonContext.Default.Record) is { } live && IsAlive(live))
                {
                    bound.UnionWith(live.Bound);
                }
            }
            catch (Exception error) when (error is JsonException or IOException)
            {
                // Unreadable: judged on its own turn.
            }
        }
        return bound;
    }

    /// <summary>The process is running and is the one that wrote the ledger (not a later process given the same id).</summary>
    private static bool IsAlive(Record record) => StartTime(record.ProcessId) is { } started && started == record.Started;

    /// <summary>The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or null when it does not exist.</summary>
    private static string? StartTime(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>When this display's X server started, as its socket says (a new server on the same number is another server).</summary>
    private static string ServerIdentity(string display)
    {
        var number = display.TrimStart(':').Split('.')[0];
        var socket = $"/tmp/.X11-unix/X{number}";
        return display.StartsWith(':') && File.Exists(socket)
            ? File.GetLastWriteTimeUtc(socket).Ticks.ToString(CultureInfo.InvariantCulture)
            : display;
    }

    private static string Folder() => RuntimeDirectory.ForCurrentUser;

    private static string Sanitise(string display) => string.Concat(display.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_'));

    /// <summary>The file's content.</summary>
    internal sealed record Record(int ProcessId, string Started, string Server, int[] Keys, uint[] Buttons, int[] Bound);
}
