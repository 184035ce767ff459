using System.Runtime.Versioning;
using Dispatch.Agent.Cli;
using Dispatch.Engine.Platform.X11;

namespace Dispatch.Agent.Host;

/// <summary>
/// The terminal of the client process that sent a request, found by the kernel's word on who is at the other end of the
/// socket — never by anything the request says. A client without one (a pipe, a script, a background job) gets no question,
/// and its held steps are refused as unreachable.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class ClientTerminal : ITerminal, IDisposable
{
    private readonly TerminalDevice? _device;

    private ClientTerminal(TerminalDevice? device, string? notInteractiveBecause)
    {
        _device = device;
        NotInteractiveBecause = notInteractiveBecause;
    }

    /// <summary>The terminal of process <paramref name="processId"/>, or one that says why there is none.</summary>
    public static ClientTerminal Of(int? processId)
    {
        if (processId is not { } pid)
        {
            return new ClientTerminal(null, "the command's process could not be identified");
        }
        var device = TerminalDevice.OfProcess(pid, out var whyNot);
        return new ClientTerminal(device, device is null ? whyNot : null);
    }

    public string? NotInteractiveBecause { get; }

    public bool KeyAvailable => _device?.KeyAvailable ?? false;

    // The device is read in line mode with its own echo: the whole answer arrives when Enter is pressed.
    public bool EchoesInput => true;

    public ConsoleKeyInfo ReadKey()
    {
        var c = _device?.Read() ?? throw new InvalidOperationException("No terminal to read from.");
        var key = c switch
        {
            '\n' or '\r' => ConsoleKey.Enter,
            '\x7f' or '\b' => ConsoleKey.Backspace,
            _ => default,
        };
        return new ConsoleKeyInfo(c, key, shift: false, alt: false, control: c == '\x03');
    }

    public void Write(string text) => _device?.Write(text);

    public void Dispose() => _device?.Dispose();
}
