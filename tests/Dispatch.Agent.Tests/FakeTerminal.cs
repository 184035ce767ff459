using System.Text;
using Dispatch.Agent.Cli;

namespace Dispatch.Agent.Tests;

/// <summary>A person at a terminal, scripted: keys typed so far wait in a queue; everything shown is kept.</summary>
internal sealed class FakeTerminal : ITerminal
{
    private readonly Queue<ConsoleKeyInfo> _keys = new();
    private readonly StringBuilder _shown = new();

    public string? NotInteractiveBecause { get; init; }

    public bool KeyAvailable => _keys.Count > 0;

    /// <summary>Keys typed but not read yet.</summary>
    public int Pending => _keys.Count;

    public string Shown => _shown.ToString();

    /// <summary>Types <paramref name="text"/>: '\r' is Enter, '\b' Backspace, '\x03' Ctrl+C.</summary>
    public void Type(string text)
    {
        foreach (var c in text)
        {
            var key = c switch
            {
                '\r' => ConsoleKey.Enter,
                '\b' => ConsoleKey.Backspace,
                '\x03' => ConsoleKey.C,
                _ => char.IsAsciiLetter(c) ? ConsoleKey.A + (char.ToUpperInvariant(c) - 'A') : ConsoleKey.NoName,
            };
            _keys.Enqueue(new ConsoleKeyInfo(c, key, shift: char.IsUpper(c), alt: false, control: c == '\x03'));
        }
    }

    public ConsoleKeyInfo ReadKey() => _keys.Dequeue();

    public bool EchoesInput => false;

    public void Write(string text) => _shown.Append(text);
}
