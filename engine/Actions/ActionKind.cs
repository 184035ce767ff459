namespace Dispatch.Engine.Actions;

/// <summary>
/// What a <see cref="ComputerAction"/> does: the actions of Anthropic's computer-use tool (computer_20251124),
/// spelt as in its JSON, plus actions on elements found by a locator.
/// </summary>
public enum ActionKind
{
    /// <summary><c>key</c>: press a chord in xdotool syntax (<c>text</c>).</summary>
    Key,

    /// <summary><c>hold_key</c>: hold a chord (<c>text</c>) for <c>duration</c> seconds.</summary>
    HoldKey,

    /// <summary><c>type</c>: type <c>text</c>.</summary>
    Type,

    /// <summary><c>cursor_position</c>: report where the pointer is.</summary>
    CursorPosition,

    /// <summary><c>mouse_move</c> to <c>coordinate</c>.</summary>
    MouseMove,

    /// <summary><c>left_mouse_down</c>.</summary>
    LeftMouseDown,

    /// <summary><c>left_mouse_up</c>.</summary>
    LeftMouseUp,

    /// <summary><c>left_click</c> at <c>coordinate</c>, holding the keys in <c>text</c>.</summary>
    LeftClick,

    /// <summary><c>left_click_drag</c> from <c>start_coordinate</c> to <c>coordinate</c>.</summary>
    LeftClickDrag,

    /// <summary><c>right_click</c>.</summary>
    RightClick,

    /// <summary><c>middle_click</c>.</summary>
    MiddleClick,

    /// <summary><c>double_click</c>.</summary>
    DoubleClick,

    /// <summary><c>triple_click</c>.</summary>
    TripleClick,

    /// <summary><c>scroll</c> by <c>scroll_amount</c> in <c>scroll_direction</c> at <c>coordinate</c>.</summary>
    Scroll,

    /// <summary><c>wait</c> for <c>duration</c> seconds.</summary>
    Wait,

    /// <summary><c>screenshot</c>.</summary>
    Screenshot,

    /// <summary><c>zoom</c>: a full-resolution screenshot of <c>region</c> [x0, y0, x1, y1].</summary>
    Zoom,

    /// <summary><c>click_element</c>: click the element <c>locator</c> finds.</summary>
    ClickElement,

    /// <summary><c>set_text</c>: replace the text of the element <c>locator</c> finds with <c>text</c>.</summary>
    SetText,

    /// <summary><c>invoke</c>: perform the accessible action <c>name</c> (default: its first) on the element <c>locator</c> finds.</summary>
    Invoke,
}
