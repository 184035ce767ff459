namespace Dispatch.Engine.Platform.X11;

/// <summary>
/// Display names as the X server they name: <c>:99</c>, <c>:99.0</c> and <c>unix:99.1</c> are screens of one server, whose
/// input, keymap and host are shared, so everything kept per display (input lock and ledgers, the host's socket) is
/// keyed by the server. Plain string work, so callers on any platform may use it.
/// </summary>
public static class X11DisplayName
{
    /// <summary>The server part of <paramref name="display"/>: the screen number and a <c>unix</c> host removed.</summary>
    /// <exception cref="ArgumentException"><paramref name="display"/> is empty.</exception>
    public static string ServerOf(string display)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(display);
        var colon = display.LastIndexOf(':');
        var dot = display.LastIndexOf('.');
        var server = colon >= 0 && dot > colon && display[(dot + 1)..].All(char.IsAsciiDigit) ? display[..dot] : display;
        return server.StartsWith("unix:", StringComparison.Ordinal) ? server[4..] : server;
    }
}
