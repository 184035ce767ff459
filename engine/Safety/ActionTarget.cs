using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine.Safety;

/// <summary>
/// What a step acts on, as the desktop showed it when the step was perceived: the input to the risk policy. Null
/// means "could not be read", never "has no name": the policy treats it as unknown.
/// </summary>
public sealed record ActionTarget
{
    /// <summary>No target: observations and actions with nothing on screen to act on.</summary>
    public static ActionTarget None { get; } = new();

    /// <summary>The screen point acted on, if the action has one (for a located element, its centre).</summary>
    public Point? Point { get; init; }

    /// <summary>
    /// The accessible element acted on: the one the locator found, or the topmost element of the topmost window at the
    /// point (a label resolves to the button it is in); for keys and typing, the focused element. Null when unreadable.
    /// </summary>
    public UiNode? Element { get; init; }

    /// <summary>The element with the keyboard focus in the window (what Return, space or typing goes to), or null when unreadable.</summary>
    public UiNode? Focused { get; init; }

    /// <summary>Text read on the target by OCR (its label when it is not accessible), or what a vision locator matched.</summary>
    public string? TextAtPoint { get; init; }

    /// <summary>The top-level window acted on: the topmost at the point, or the active one for keys.</summary>
    public WindowInfo? Window { get; init; }

    /// <summary>The application (accessible name, else window class).</summary>
    public string? Application { get; init; }

    /// <summary>True when the window is a dialog (by its accessible role, or as the window manager is told: a dialog, modal or transient window) rather than an application's main window.</summary>
    public bool IsDialog { get; init; }

    /// <summary>
    /// What the window says, to tell "Delete 3 files?" from "Save changes?": its title and, for a dialog, all its text;
    /// for a main window, the text of the dialogs and alerts inside it (a browser's in-page confirm). By accessibility,
    /// else by OCR. Null when nothing could be read.
    /// </summary>
    public string? WindowText { get; init; }

    /// <summary>The labels of the buttons the window offers (what a mnemonic or a default Return may press).</summary>
    public IReadOnlyList<string> Controls { get; init; } = [];

    /// <summary>The label of the window's default button (what Return in a text field presses), or null when none says it is.</summary>
    public string? DefaultControl { get; init; }

    /// <summary>True for a terminal, where Return runs the command line typed.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>What a drag drops onto: the accessible name and the words on screen at its end point.</summary>
    public IReadOnlyList<string> DropNames { get; init; } = [];

    /// <summary>The area to highlight for the person and to compare before acting (the element's bounds, or around the point).</summary>
    public Rect? Bounds { get; init; }

    /// <summary>The window's title, or null.</summary>
    public string? WindowTitle => Window?.Title;

    /// <summary>A short phrase for the target, e.g. <c>'Send'</c>, <c>the text 'Yes'</c> or <c>an unreadable target at 640,400</c>.</summary>
    public string Describe() =>
        Element is { Label.Length: > 0 } element
            ? TextAtPoint is { Length: > 0 } read && !string.Equals(RiskWords.Clean(read), RiskWords.Clean(element.Label), StringComparison.Ordinal)
                ? $"'{element.Label}' (the screen there reads '{read}')"
                : $"'{element.Label}'"
        : TextAtPoint is { Length: > 0 } text ? $"the text '{text}'"
        : Element is { } unnamed ? $"an unnamed {UiRoleNames.NameOf(unnamed.Role)}{(Point is { } at ? $" at {at}" : "")}"
        : Point is { } point ? $"an unreadable target at {point}"
        : Focused is { } focused ? $"the focused {UiRoleNames.NameOf(focused.Role)}"
        : "the screen";
}
