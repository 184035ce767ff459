namespace Dispatch.Engine.Safety;

/// <summary>
/// Judges the command line a Return would run in a terminal. A shell runs anything, and a list of dangerous commands
/// is always one spelling short (<c>\rm</c>, <c>python3 -c</c>, <c>: &gt; file</c>), so it works the other way round:
/// only a line that is plainly one of a few read-only commands, with no redirection, substitution, escape or chaining
/// into anything else, runs unasked. Anything else — including a line that cannot be read, or one that wraps — asks.
/// </summary>
public static class TerminalCommand
{
    private static readonly HashSet<string> s_readOnly = new(StringComparer.Ordinal)
    {
        "ls", "ll", "la", "dir", "cat", "less", "more", "head", "tail", "echo", "printf", "pwd", "cd", "clear", "grep", "egrep", "fgrep", "rg",
        "which", "whereis", "type", "man", "info", "date", "cal", "whoami", "id", "uname", "hostname", "uptime", "ps", "top", "htop", "df",
        "du", "free", "env", "printenv", "history", "wc", "sort", "uniq", "diff", "file", "stat", "tree", "true", "false", "sleep", "exit",
        "find", "git", "tty", "lsblk", "ip", "ping",
    };

    /// <summary>git subcommands that only read.</summary>
    private static readonly HashSet<string> s_gitReadOnly = new(StringComparer.Ordinal) { "status", "log", "diff", "show", "blame", "remote", "branch", "help" };

    /// <summary>Prompt endings of common shells (bash, zsh, sh, fish, root): the command starts after the last one.</summary>
    private static readonly string[] s_promptEnds = ["$ ", "# ", "% ", "> ", "❯ "];

    /// <summary>
    /// Why running the terminal's command line needs a person, or null when it is plainly read-only.
    /// </summary>
    /// <param name="lastLine">The terminal's last line with text (prompt and what is typed after it).</param>
    /// <param name="typed">Text the step types (its command, up to a newline), or null for a key.</param>
    public static string? Judge(string lastLine, string? typed)
    {
        ArgumentNullException.ThrowIfNull(lastLine);
        var line = AfterPrompt(lastLine);
        if (line is null)
        {
            return typed is null && lastLine.Trim().Length == 0 ? null : $"its command line cannot be told from the screen ('{Short(lastLine)}')";
        }
        var command = line + (typed is null ? "" : typed.Split('\n', '\r')[0]);
        return JudgeCommand(command.Trim());
    }

    private static string? JudgeCommand(string command)
    {
        if (command.Length == 0)
        {
            return null;
        }
        if (command.IndexOfAny(['>', '`', '\\', '$', '(', ')', '{', '}', '<']) >= 0)
        {
            return $"the command '{Short(command)}' redirects, substitutes or escapes";
        }
        foreach (var segment in command.Split(["&&", "||", ";", "|", "&"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = words[0];
            if (!s_readOnly.Contains(name))
            {
                return $"the command '{Short(command)}' runs '{name}', which may change what cannot be got back";
            }
            if (name == "find" && words.Any(w => w is "-delete" or "-exec" or "-execdir" or "-ok" or "-okdir" or "-fprint" or "-fls"))
            {
                return $"the command '{Short(command)}' lets find act on what it finds";
            }
            if (name == "git" && (words.Length < 2 || !s_gitReadOnly.Contains(words[1]) || words.Skip(2).Any(w => w.StartsWith('-') && w.Contains('d', StringComparison.OrdinalIgnoreCase))))
            {
                return $"the command '{Short(command)}' is a git command that may change the repository or a remote";
            }
        }
        return null;
    }

    /// <summary>What follows the prompt, or null when no prompt can be found (a wrapped line, a program's own screen).</summary>
    private static string? AfterPrompt(string line)
    {
        var at = s_promptEnds.Select(end => (End: end, Index: line.LastIndexOf(end, StringComparison.Ordinal))).Where(p => p.Index >= 0)
            .OrderByDescending(p => p.Index).FirstOrDefault();
        if (at.End is not null)
        {
            return line[(at.Index + at.End.Length)..];
        }
        // A prompt with nothing typed after it, as OCR reads it: "user@host:~$".
        var trimmed = line.TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '$' or '#' or '%' or '>' or '❯' ? "" : null;
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
