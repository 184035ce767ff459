using System.Security.Cryptography;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Vision;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine.Safety;

/// <summary>
/// Reads what an action would act on from the live desktop: the window at the point (or the active one for keys),
/// the accessible element there and the focused one, the OCR text at the point, and the dialog's text.
/// </summary>
public sealed class ActionTargetResolver
{
    private const int TextRadius = 60;
    private readonly Desktop _desktop;
    private readonly OcrEngine _ocr;

    /// <summary>Creates a resolver for <paramref name="desktop"/>.</summary>
    public ActionTargetResolver(Desktop desktop, OcrEngine ocr)
    {
        _desktop = desktop ?? throw new ArgumentNullException(nameof(desktop));
        _ocr = ocr ?? throw new ArgumentNullException(nameof(ocr));
    }

    /// <summary>What <paramref name="action"/> (screen coordinates) would act on at <paramref name="point"/>.</summary>
    public ActionTarget Resolve(ComputerAction action, Point? point)
    {
        ArgumentNullException.ThrowIfNull(action);
        WindowInfo? window;
        if (point is { } p)
        {
            window = _desktop.Windows.WindowAt(p);
        }
        else
        {
            // Keys go to the active window.
            var visible = _desktop.Windows.List().Where(w => w.IsVisible).ToList();
            window = visible.LastOrDefault(w => w.IsActive) ?? visible.LastOrDefault();
        }
        UiNode? element = null;
        UiNode? focused = null;
        string? dialogText = null;
        string? application = window?.ClassName;
        if (window?.ProcessId is { } pid)
        {
            try
            {
                var tree = _desktop.Accessibility.Snapshot(UiScope.Process(pid));
                application = tree.Root.Application;
                if (point is { } at)
                {
                    element = _desktop.Accessibility.ElementAt(at, pid);
                    // A label inside a button: the button is what gets pressed.
                    if (element is { Role: "label" or "filler" or "panel" or "icon" })
                    {
                        element = tree.Nodes.Where(n => n.Actions.Count > 0 && n.Bounds is { } b && b.Contains(at) && !n.Path.Equals(element.Path) && element.Path.IsWithin(n.Path))
                            .OrderByDescending(n => n.Path.Depth).FirstOrDefault() ?? element;
                    }
                }
                focused = tree.Nodes.LastOrDefault(n => n.States.HasFlag(UiStates.Focused));
                var top = tree.Root.Children.FirstOrDefault(c => c.Name == window.Title) ?? (tree.Root.Children.Count > 0 ? tree.Root.Children[0] : null);
                if (top is { Role: "dialog" or "alert" or "file chooser" } || window.Bounds.Area < _desktop.Screen.Bounds.Area / 6)
                {
                    dialogText = string.Join('\n', (top ?? tree.Root).DescendantsAndSelf().Where(n => n.Role == "label" && n.Name.Length > 0).Select(n => n.Name));
                }
            }
            catch (AccessibilityException)
            {
                // An app without accessibility: the OCR text below describes the target instead.
            }
        }
        using var frame = _desktop.Screen.Capture();
        string? textAtPoint = null;
        if (point is { } q)
        {
            var around = new Rect(q.X - TextRadius * 2, q.Y - TextRadius / 2, TextRadius * 4, TextRadius).Intersect(frame.Bounds);
            var words = _ocr.Recognize(frame, around).Lines.SelectMany(l => l.Words).ToList();
            textAtPoint = (words.FirstOrDefault(w => w.Bounds.Inflate(4).Contains(q))
                ?? words.OrderBy(w => w.Bounds.Center.DistanceTo(q)).FirstOrDefault(w => w.Bounds.Center.DistanceTo(q) < TextRadius))?.Text;
        }
        if (dialogText is null && window is not null && window.Bounds.Area < _desktop.Screen.Bounds.Area / 6)
        {
            dialogText = _ocr.Recognize(frame, window.Bounds.Intersect(frame.Bounds)).Text;
        }
        return new ActionTarget
        {
            Point = point,
            Element = element,
            Focused = focused,
            TextAtPoint = textAtPoint,
            WindowTitle = window?.Title,
            Application = application,
            DialogText = dialogText,
            Bounds = element?.Bounds ?? (point is { } c ? new Rect(c.X - 20, c.Y - 12, 40, 24) : window?.Bounds),
        };
    }

    /// <summary>
    /// A fingerprint of the action and of what its target looks like now (its pixels and its window's place), so
    /// an approval given for one picture is not spent on another.
    /// </summary>
    public string Fingerprint(ComputerAction action, ActionTarget target)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(ComputerActionJson.Write(action) + "|" + target.WindowTitle + "|" + target.Describe()));
        if (target.Bounds is { } bounds && bounds.Intersect(_desktop.Screen.Bounds) is { IsEmpty: false } area)
        {
            using var pixels = _desktop.Screen.Capture(area);
            for (var y = 0; y < pixels.Height; y++)
            {
                hash.AppendData(pixels.Row(y));
            }
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(area.ToString()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
