using System.Globalization;
using System.Text;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// Word accuracy of OCR against known text, per toolkit: a word counts as read when OCR returned exactly it (case,
/// digits and punctuation included), each read word standing for at most one true word; words read that are not on
/// the screen are counted as extra.
/// </summary>
public sealed class WordAccuracy
{
    private readonly SortedDictionary<string, Tally> _toolkits = new(StringComparer.Ordinal);
    private readonly List<string> _misses = [];

    /// <summary>True words over all images.</summary>
    public int Words => _toolkits.Values.Sum(t => t.Words);

    /// <summary>True words read exactly, over all images.</summary>
    public int Read => _toolkits.Values.Sum(t => t.Read);

    /// <summary>Read ÷ words, 0–1.</summary>
    public double Overall => Words == 0 ? 0 : (double)Read / Words;

    /// <summary>Scores one image: <paramref name="truth"/> lines against the words OCR read.</summary>
    public void Add(string image, string toolkit, IEnumerable<string> truth, IEnumerable<string> read)
    {
        var expected = truth.SelectMany(Split).ToList();
        var left = read.SelectMany(Split).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missed = new List<string>();
        foreach (var word in expected)
        {
            if (left.TryGetValue(word, out var count) && count > 0)
            {
                left[word] = count - 1;
            }
            else
            {
                missed.Add(word);
            }
        }
        var extra = left.Where(p => p.Value > 0).SelectMany(p => Enumerable.Repeat(p.Key, p.Value)).ToList();
        var tally = _toolkits.GetValueOrDefault(toolkit) ?? new Tally();
        _toolkits[toolkit] = tally with
        {
            Images = tally.Images + 1,
            Words = tally.Words + expected.Count,
            Read = tally.Read + expected.Count - missed.Count,
            Extra = tally.Extra + extra.Count,
        };
        if (missed.Count > 0 || extra.Count > 0)
        {
            _misses.Add($"{image}: missed [{string.Join(' ', missed)}] extra [{string.Join(' ', extra)}]");
        }
    }

    /// <summary>A table: per toolkit the images, words, words read, accuracy and extra words, then the total; then what each image missed.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| toolkit | images | words | read | accuracy | extra |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (toolkit, t) in _toolkits)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {toolkit} | {t.Images} | {t.Words} | {t.Read} | {Percent(t.Read, t.Words)} | {t.Extra} |");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **all** | {_toolkits.Values.Sum(t => t.Images)} | {Words} | {Read} | **{Percent(Read, Words)}** | {_toolkits.Values.Sum(t => t.Extra)} |");
        foreach (var miss in _misses)
        {
            text.AppendLine(miss);
        }
        return text.ToString();
    }

    private static string Percent(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);

    private static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private sealed record Tally(int Images = 0, int Words = 0, int Read = 0, int Extra = 0);
}
