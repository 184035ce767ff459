using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Actions;

/// <summary>
/// The screenshot sizes computer-use models are given (XGA 1024×768, WXGA 1280×800, FWXGA 1366×768): the one
/// closest to the screen's aspect ratio, never larger than the screen, with the mapping back to screen pixels.
/// </summary>
public static class ModelScreen
{
    /// <summary>The declared sizes.</summary>
    public static IReadOnlyList<Size> Sizes { get; } = [new(1024, 768), new(1280, 800), new(1366, 768)];

    /// <summary>The mapping from a screen area to the model size whose aspect ratio is closest to it.</summary>
    public static ScaleMapping For(Rect screen)
    {
        var aspect = (double)screen.Width / screen.Height;
        var best = Sizes.OrderBy(s => Math.Abs((double)s.Width / s.Height - aspect)).First();
        // A screen smaller than the declared size is shown as it is.
        var target = best.Width <= screen.Width && best.Height <= screen.Height ? best : screen.Size;
        return new ScaleMapping(screen, target);
    }
}
