using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Safety;

/// <summary>What an action would act on, as the desktop shows it just before: the input to the risk policy.</summary>
public sealed record ActionTarget
{
    /// <summary>The screen point acted on, if the action has one.</summary>
    public Point? Point { get; init; }

    /// <summary>The accessible element under the point (or found by the locator).</summary>
    public UiNode? Element { get; init; }

    /// <summary>The element with the keyboard focus (what Return or typing goes to).</summary>
    public UiNode? Focused { get; init; }

    /// <summary>Text read by OCR at or next to the point (labels of buttons that are not accessible).</summary>
    public string? TextAtPoint { get; init; }

    /// <summary>The top-level window's title.</summary>
    public string? WindowTitle { get; init; }

    /// <summary>The application (accessible name or window class).</summary>
    public string? Application { get; init; }

    /// <summary>All the text of the window when it is a dialog (to tell "Delete 3 files?" from "Save changes?").</summary>
    public string? DialogText { get; init; }

    /// <summary>The area to highlight for the person (the element's bounds, or around the point).</summary>
    public Rect? Bounds { get; init; }

    /// <summary>A short phrase for the target, e.g. <c>'Send'</c> or <c>the point 640,400</c>.</summary>
    public string Describe() =>
        Element is { Label.Length: > 0 } element ? $"'{element.Label}'"
        : TextAtPoint is { Length: > 0 } text ? $"'{text}'"
        : Point is { } point ? $"the point {point}"
        : Focused is { } focused ? $"the focused {focused.Role}"
        : "the screen";
}
