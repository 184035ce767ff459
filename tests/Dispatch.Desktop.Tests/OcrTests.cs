using Dispatch.Engine.Geometry;
using Dispatch.Engine.Vision;

namespace Dispatch.Desktop.Tests;

[TestClass]
public sealed class OcrTests
{
    // xterm's default core font "fixed" has 6×13-pixel cells; xterm leaves a 2-pixel inner border.
    private const int CellWidth = 6;
    private const int CellHeight = 13;
    private const int InnerBorder = 2;

    private static readonly string[] s_lines =
    [
        "Invoice number 4711 due on Friday",
        "Customer Alice Mercer paid 1250 dollars",
        "Export the monthly report and file it",
        "Warning: this will permanently delete files",
        "Shipping address 42 Harbour Street Leeds",
    ];

    private static TestDesktop s_desktop = null!;
    private static OcrEngine s_ocr = null!;
    private static Rect s_terminal;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_desktop = await TestDesktop.StartAsync();
        s_ocr = new OcrEngine();
        await File.WriteAllLinesAsync(s_desktop.PathOf("words.txt"), s_lines);
        // The block cursor would touch the last line's descenders and join it into one block; a person sees no cursor there either.
        var app = await s_desktop.LaunchAsync(s_desktop.App("xterm", "-fn", "fixed", "-geometry", "60x8+300+200", "-e", "sh", "-c", "printf '\\033[?25l'; cat words.txt; exec sleep 600"));
        await s_desktop.SettleAsync();
        s_terminal = s_desktop.Desktop.Windows.Get(app.Window.Id)!.Bounds;
    }

    [ClassCleanup]
    public static void Stop()
    {
        s_ocr?.Dispose();
        s_desktop?.Dispose();
    }

    [TestMethod]
    public void Recognize_KnownText_ReadsNearlyEveryWordWhereItWasDrawn()
    {
        using var frame = s_desktop.Desktop.Screen.Capture();
        var result = s_ocr.Recognize(frame, s_terminal);
        var read = result.Words.ToList();
        var expected = 0;
        var found = 0;
        for (var row = 0; row < s_lines.Length; row++)
        {
            var column = 0;
            foreach (var word in s_lines[row].Split(' '))
            {
                expected++;
                var cells = new Rect(s_terminal.X + InnerBorder + column * CellWidth, s_terminal.Y + InnerBorder + row * CellHeight,
                    word.Length * CellWidth, CellHeight);
                var match = read.FirstOrDefault(w => w.Text == word);
                if (match is not null)
                {
                    found++;
                    Assert.IsTrue(cells.Inflate(3).Contains(match.Bounds), $"'{word}' was read at {match.Bounds}, drawn in cells {cells}");
                }
                column += word.Length + 1;
            }
        }
        Assert.IsGreaterThanOrEqualTo(0.95, (double)found / expected, $"read {found} of {expected} words: {result.Text}");
    }

    [TestMethod]
    public void Recognize_TheSameScreenAgain_AnswersFromTheCache()
    {
        using var first = s_desktop.Desktop.Screen.Capture();
        var cold = s_ocr.Recognize(first, s_terminal);
        using var second = s_desktop.Desktop.Screen.Capture();
        var warm = s_ocr.Recognize(second, s_terminal);
        Assert.AreEqual(0, warm.BlocksRecognized, "an unchanged block was read again");
        Assert.IsGreaterThan(0, warm.BlocksFromCache);
        Assert.AreEqual(cold.Text, warm.Text);
    }

    [TestMethod]
    public void Recognize_RegionOutsideTheFrame_ThrowsNamingIt()
    {
        using var frame = s_desktop.Desktop.Screen.Capture(new Rect(0, 0, 100, 100));
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s_ocr.Recognize(frame, new Rect(50, 50, 100, 100)));
        StringAssert.Contains(error.Message, "50,50 100x100");
    }
}
