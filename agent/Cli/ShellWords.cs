using System.Text;

namespace Dispatch.Agent.Cli;

/// <summary>
/// Splits a line into words as a POSIX shell does, without running anything: blanks separate words; <c>'…'</c> keeps
/// everything literally; <c>"…"</c> keeps everything but lets a backslash escape <c>" \ $ `</c>; a backslash outside quotes
/// escapes the next character; <c>#</c> at the start of a word begins a comment. No variables, globs or substitutions.
/// </summary>
internal static class ShellWords
{
    /// <summary>The words of <paramref name="line"/>; none for a blank or comment line.</summary>
    /// <exception cref="FormatException">A quote is not closed, or the line ends in a lone backslash; the message gives the column.</exception>
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case ' ' or '\t' or '\r':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                    break;
                case '#' when !inWord:
                    return words;
                case '\\':
                    word.Append(i + 1 < line.Length ? line[++i] : throw new FormatException($"column {i + 1}: a backslash ends the line; expected a character after it."));
                    inWord = true;
                    break;
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    word.Append(close >= 0 ? line[(i + 1)..close] : throw new FormatException($"column {i + 1}: the single quote is not closed."));
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    var start = i;
                    for (i++; i < line.Length && line[i] != '"'; i++)
                    {
                        word.Append(line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`' ? line[++i] : line[i]);
                    }
                    if (i >= line.Length)
                    {
                        throw new FormatException($"column {start + 1}: the double quote is not closed.");
                    }
                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }
}
