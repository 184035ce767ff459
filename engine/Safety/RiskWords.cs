namespace Dispatch.Engine.Safety;

/// <summary>Word matching for the risk policy: text as lower-case word stems, so inflections and punctuation do not matter.</summary>
public static class RiskWords
{
    private static readonly string[] s_suffixes = ["ingly", "edly", "ions", "ion", "ing", "ed", "es", "ly", "s", "e", "al"];

    /// <summary>The stems of the words of <paramref name="text"/>, in order ("Deleting 3 files…" → delet, 3, fil).</summary>
    public static IReadOnlyList<string> Stems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stems = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'' || text[i] == '’');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                stems.Add(Stem(text[start..i]));
                start = -1;
            }
        }
        return stems;
    }

    /// <summary>True when the words of <paramref name="phrase"/> appear in <paramref name="text"/> in order, next to each other.</summary>
    public static bool Contains(IReadOnlyList<string> text, string phrase)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrase);
        if (phrase.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter))
        {
            // Chinese and Japanese write words without spaces: "本当に削除しますか" holds "削除" inside one run of letters.
            return string.Join(' ', text).Contains(phrase.Trim(), StringComparison.Ordinal);
        }
        var wanted = Stems(phrase);
        if (wanted.Count == 0)
        {
            return false;
        }
        for (var i = 0; i + wanted.Count <= text.Count; i++)
        {
            var all = true;
            for (var j = 0; j < wanted.Count && all; j++)
            {
                all = text[i + j] == wanted[j];
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The text cleaned for exact comparison: lower case, words separated by one space, no mnemonic underscores, no
    /// punctuation or quotes around it (OCR reads an underlined first letter's underline as an opening quote: "‘No").
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.ToLowerInvariant().Replace("_", "", StringComparison.Ordinal).Replace("&", "", StringComparison.Ordinal)
            .Replace('’', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('.', '!', ':', '?', '…', ' ', '\'', '"', '‘', '’', '“', '”', '`');
    }

    private static string Stem(string word)
    {
        var lower = word.ToLowerInvariant().Replace('’', '\'');
        foreach (var suffix in s_suffixes)
        {
            if (lower.Length - suffix.Length >= 3 && lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                return lower[..^suffix.Length];
            }
        }
        return lower;
    }
}
