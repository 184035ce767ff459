namespace Dispatch.Agent.Cli;

/// <summary>
/// This process's terminal: keys from standard input, questions on standard error, so that standard output
/// stays for results a script may capture.
/// </summary>
internal sealed class SystemTerminal : ITerminal
{
    /// <summary>The one console a process has.</summary>
    public static SystemTerminal Instance { get; } = new();

    private SystemTerminal()
    {
    }

    // On Unix both checks are isatty: a pipe, a file or /dev/null is not a person.
    public string? NotInteractiveBecause =>
        Console.IsInputRedirected ? "standard input is a pipe or file"
        : Console.IsErrorRedirected ? "standard error is a pipe or file, so the question could not be seen"
        : null;

    public bool KeyAvailable => Console.KeyAvailable;

    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);

    // Console.ReadKey turns echo off while it reads.
    public bool EchoesInput => false;

    public void Write(string text) => Console.Error.Write(text);
}
