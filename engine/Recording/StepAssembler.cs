using System.Text;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;

namespace Dispatch.Engine.Recording;

/// <summary>
/// Turns raw device events into the steps a person meant: a click, a double click, a drag, a scroll, typed text, a key
/// chord. Typing runs until a key that does not type (Return, Tab, a chord) or a click ends it, and Backspace inside it
/// takes back the last character, so "helo⌫lo" is typed "hello". Keys that commit something (Return, a chord) are steps
/// of their own, so the approval gate judges them on replay. Motion alone is not a step.
/// </summary>
public sealed class StepAssembler
{
    /// <summary>Most pixels the pointer may move between press and release for a click (more is a drag).</summary>
    public const int ClickSlop = 4;

    /// <summary>Longest interval between two clicks of a double click, in milliseconds.</summary>
    public const long DoubleClickMilliseconds = 400;

    /// <summary>Modifiers in the order the key action writes them.</summary>
    private static readonly (RecordedModifiers Modifier, string Name)[] s_modifierNames =
        [(RecordedModifiers.Control, "ctrl"), (RecordedModifiers.Alt, "alt"), (RecordedModifiers.Super, "super"), (RecordedModifiers.Shift, "shift")];

    private readonly List<AssembledStep> _steps = [];
    private readonly StringBuilder _typed = new();
    private long _typedStarted;
    private long _typedEnded;
    private (int Button, Point Point, long Milliseconds)? _pressed;

    /// <summary>A click or scroll the next event may still extend (into a double click, a longer scroll).</summary>
    private AssembledStep? _open;

    /// <summary>The completed steps so far (typing, a click or a scroll may still grow until the next event or <see cref="Complete"/>).</summary>
    public IReadOnlyList<AssembledStep> Steps => _steps;

    /// <summary>Takes the next event; returns the steps it completed (usually none or one).</summary>
    public IReadOnlyList<AssembledStep> Add(RecordedInput input)
    {
        var before = _steps.Count;
        switch (input.Kind)
        {
            case RecordedInputKind.KeyPress when !IsModifier(input.KeyName):
                Key(input);
                break;
            case RecordedInputKind.ButtonPress:
                Press(input);
                break;
            case RecordedInputKind.ButtonRelease:
                Release(input);
                break;
        }
        return _steps.Count > before ? _steps[before..] : [];
    }

    /// <summary>Ends what is still open (typing not followed by anything); returns the steps that completed.</summary>
    public IReadOnlyList<AssembledStep> Complete()
    {
        var before = _steps.Count;
        FlushTyping();
        Close();
        return _steps.Count > before ? _steps[before..] : [];
    }

    private void Close()
    {
        if (_open is { } open)
        {
            _steps.Add(open);
            _open = null;
        }
    }

    private void Key(RecordedInput input)
    {
        Close();
        var chord = (input.Modifiers & (RecordedModifiers.Control | RecordedModifiers.Alt | RecordedModifiers.Super)) != 0;
        if (!chord && input.Text is { } text)
        {
            if (_typed.Length == 0)
            {
                _typedStarted = input.Milliseconds;
            }
            _typed.Append(text);
            _typedEnded = input.Milliseconds;
            return;
        }
        if (!chord && input.KeyName == "BackSpace" && _typed.Length > 0)
        {
            // A typo taken back is not part of what was meant.
            var last = _typed.Length - 1;
            _typed.Length -= char.IsLowSurrogate(_typed[last]) && last > 0 ? 2 : 1;
            _typedEnded = input.Milliseconds;
            return;
        }
        FlushTyping();
        if (input.KeyName is not { } name)
        {
            return;
        }
        var chordText = string.Join('+', s_modifierNames.Where(m => input.Modifiers.HasFlag(m.Modifier)).Select(m => m.Name).Append(name));
        _steps.Add(new AssembledStep(new ComputerAction(ActionKind.Key) { Text = chordText }, input.Milliseconds, input.Milliseconds));
    }

    private void Press(RecordedInput input)
    {
        FlushTyping();
        if (ScrollOf(input.Code) is { } direction)
        {
            if (_open is { Action: { Kind: ActionKind.Scroll } previous } last && previous.ScrollDirection == direction && previous.Coordinate == input.Point)
            {
                _open = last with { Action = previous with { ScrollAmount = previous.ScrollAmount + 1 }, EndedMilliseconds = input.Milliseconds };
            }
            else
            {
                Close();
                _open = new AssembledStep(new ComputerAction(ActionKind.Scroll) { Coordinate = input.Point, ScrollDirection = direction, ScrollAmount = 1 },
                    input.Milliseconds, input.Milliseconds);
            }
            return;
        }
        if (_open is { Action.Kind: not ActionKind.LeftClick })
        {
            Close();
        }
        _pressed = (input.Code, input.Point, input.Milliseconds);
    }

    private void Release(RecordedInput input)
    {
        if (_pressed is not { } pressed || pressed.Button != input.Code)
        {
            return;
        }
        _pressed = null;
        var moved = Math.Max(Math.Abs(input.Point.X - pressed.Point.X), Math.Abs(input.Point.Y - pressed.Point.Y));
        if (moved > ClickSlop)
        {
            Close();
            if (pressed.Button == 1)
            {
                _steps.Add(new AssembledStep(new ComputerAction(ActionKind.LeftClickDrag) { StartCoordinate = pressed.Point, Coordinate = input.Point },
                    pressed.Milliseconds, input.Milliseconds));
            }
            return;
        }
        var kind = pressed.Button switch
        {
            1 => ActionKind.LeftClick,
            2 => ActionKind.MiddleClick,
            3 => ActionKind.RightClick,
            _ => (ActionKind?)null,
        };
        if (kind is not { } clicked)
        {
            return;
        }
        if (clicked == ActionKind.LeftClick && _open is { Action: { Kind: ActionKind.LeftClick, Coordinate: { } first } } previous
            && pressed.Milliseconds - previous.EndedMilliseconds <= DoubleClickMilliseconds
            && Math.Max(Math.Abs(first.X - pressed.Point.X), Math.Abs(first.Y - pressed.Point.Y)) <= ClickSlop)
        {
            _steps.Add(new AssembledStep(new ComputerAction(ActionKind.DoubleClick) { Coordinate = first }, previous.StartedMilliseconds, input.Milliseconds));
            _open = null;
            return;
        }
        Close();
        var step = new AssembledStep(new ComputerAction(clicked) { Coordinate = pressed.Point }, pressed.Milliseconds, input.Milliseconds);
        if (clicked == ActionKind.LeftClick)
        {
            // May become a double click.
            _open = step;
        }
        else
        {
            _steps.Add(step);
        }
    }

    private void FlushTyping()
    {
        if (_typed.Length == 0)
        {
            return;
        }
        _steps.Add(new AssembledStep(new ComputerAction(ActionKind.Type) { Text = _typed.ToString() }, _typedStarted, _typedEnded));
        _typed.Clear();
    }

    private static ScrollDirection? ScrollOf(int button) => button switch
    {
        4 => ScrollDirection.Up,
        5 => ScrollDirection.Down,
        6 => ScrollDirection.Left,
        7 => ScrollDirection.Right,
        _ => null,
    };

    private static bool IsModifier(string? keyName) => keyName is null
        || keyName.StartsWith("Shift_", StringComparison.Ordinal) || keyName.StartsWith("Control_", StringComparison.Ordinal)
        || keyName.StartsWith("Alt_", StringComparison.Ordinal) || keyName.StartsWith("Super_", StringComparison.Ordinal)
        || keyName.StartsWith("Meta_", StringComparison.Ordinal) || keyName.StartsWith("Hyper_", StringComparison.Ordinal)
        || keyName is "Caps_Lock" or "Num_Lock" or "ISO_Level3_Shift" or "Mode_switch";
}
