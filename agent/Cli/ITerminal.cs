namespace Dispatch.Agent.Cli;

/// <summary>
/// The terminal a person answers at, read key by key so that a question can stop waiting at its deadline
/// (a pending line read cannot be cancelled).
/// </summary>
internal interface ITerminal
{
    /// <summary>Null when a person can see questions and answer them here; otherwise why not, e.g. "standard input is a pipe or file".</summary>
    string? NotInteractiveBecause { get; }

    /// <summary>True when a key is waiting to be read.</summary>
    bool KeyAvailable { get; }

    /// <summary>Reads one waiting key without echoing it.</summary>
    ConsoleKeyInfo ReadKey();

    /// <summary>
    /// True when the terminal shows what is typed itself (a line-mode terminal read by its device), so the prompt must not echo
    /// again; an answer then arrives as a whole line.
    /// </summary>
    bool EchoesInput { get; }

    /// <summary>Shows text to the person.</summary>
    void Write(string text);
}
