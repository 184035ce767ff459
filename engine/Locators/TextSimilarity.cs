namespace Dispatch.Engine.Locators;

/// <summary>How alike two texts are, for fuzzy OCR matches and near-miss scores.</summary>
public static class TextSimilarity
{
    /// <summary>1 − edit distance / longer length, ignoring case and surrounding space; 1 is identical.</summary>
    public static double Ratio(string a, string b)
    {
        var x = Normalise(a);
        var y = Normalise(b);
        if (x.Length == 0 && y.Length == 0)
        {
            return 1;
        }
        return 1.0 - (double)Distance(x, y) / Math.Max(x.Length, y.Length);
    }

    /// <summary>How well <paramref name="candidate"/> meets <paramref name="wanted"/>: 1 when equal (or containing it, for ~=).</summary>
    public static double Score(TextCondition wanted, string candidate)
    {
        var x = Normalise(wanted.Value);
        var y = Normalise(candidate);
        if (x == y || (wanted.Contains && y.Contains(x, StringComparison.Ordinal)))
        {
            return 1;
        }
        return Ratio(x, y);
    }

    /// <summary>Lower case, single spaces, trimmed; ellipses and trailing colons dropped (labels vary in those).</summary>
    public static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace("…", "", StringComparison.Ordinal).Replace("...", "", StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd(':');

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
