using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;

namespace Dispatch.Engine.Actions;

/// <summary>
/// One action, in the shape of Anthropic's computer-use tool input. Coordinates are in the space of the
/// screenshot the model saw (see <see cref="ModelScreen"/>); the executor maps them to the screen.
/// Parse and write the JSON with <see cref="ComputerActionJson"/>.
/// </summary>
public sealed record ComputerAction(ActionKind Kind)
{
    /// <summary><c>coordinate</c>: the target point.</summary>
    public Point? Coordinate { get; init; }

    /// <summary><c>start_coordinate</c>: where a drag starts.</summary>
    public Point? StartCoordinate { get; init; }

    /// <summary><c>text</c>: keys for key/hold_key, text for type/set_text, keys held during a click or scroll.</summary>
    public string? Text { get; init; }

    /// <summary><c>duration</c> in seconds, for hold_key and wait.</summary>
    public double? Duration { get; init; }

    /// <summary><c>scroll_direction</c>.</summary>
    public ScrollDirection? ScrollDirection { get; init; }

    /// <summary><c>scroll_amount</c>, in wheel clicks.</summary>
    public int? ScrollAmount { get; init; }

    /// <summary><c>region</c> for zoom, as [x0, y0, x1, y1].</summary>
    public Rect? Region { get; init; }

    /// <summary><c>locator</c> for element actions.</summary>
    public string? Locator { get; init; }

    /// <summary><c>name</c>: the accessible action for invoke.</summary>
    public string? ActionName { get; init; }

    /// <summary>True for actions that change nothing on the desktop (screenshots, waits, reading the pointer).</summary>
    public bool IsObservation => Kind is ActionKind.Screenshot or ActionKind.Zoom or ActionKind.Wait or ActionKind.CursorPosition;

    /// <inheritdoc/>
    public override string ToString() => ComputerActionJson.Write(this);
}
