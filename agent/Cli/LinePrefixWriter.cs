using System.Text;

namespace Dispatch.Agent.Cli;

/// <summary>
/// Passes text on to <paramref name="inner"/>, replacing <paramref name="prefix"/> at the start of a line by
/// <paramref name="replacement"/>: a script's command says <c>dispatch: file:7: …</c> where it alone would say <c>dispatch: …</c>.
/// Other text passes on as it comes (an approval question waits for its answer without a line break).
/// </summary>
internal sealed class LinePrefixWriter(TextWriter inner, string prefix, string replacement) : TextWriter
{
    // The start of a line, held until it is known whether it begins with the prefix.
    private readonly StringBuilder _start = new();
    private bool _decided;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_decided)
        {
            inner.Write(value);
            _decided = value != '\n';
            return;
        }
        _start.Append(value);
        var held = _start.ToString();
        if (held == prefix)
        {
            inner.Write(replacement);
        }
        else if (prefix.StartsWith(held, StringComparison.Ordinal))
        {
            return;
        }
        else
        {
            inner.Write(held);
        }
        _start.Clear();
        _decided = value != '\n';
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
        inner.Flush();
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
        inner.Flush();
    }

    public override void Flush()
    {
        inner.Write(_start.ToString());
        _start.Clear();
        inner.Flush();
    }
}
