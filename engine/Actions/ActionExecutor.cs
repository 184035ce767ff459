using System.Globalization;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;
using Dispatch.Engine.Locators;

namespace Dispatch.Engine.Actions;

/// <summary>
/// Carries out one action (in screen coordinates) and waits for its effect: first for the screen to start
/// changing (briefly — no change means a suspected no-op), then for it to settle. No fixed sleeps.
/// </summary>
public sealed class ActionExecutor
{
    private readonly Desktop _desktop;
    private readonly ElementFinder _finder;
    private readonly TimeProvider _time;

    /// <summary>Creates an executor on <paramref name="desktop"/>, finding elements with <paramref name="finder"/>.</summary>
    public ActionExecutor(Desktop desktop, ElementFinder finder, TimeProvider? time = null)
    {
        _desktop = desktop ?? throw new ArgumentNullException(nameof(desktop));
        _finder = finder ?? throw new ArgumentNullException(nameof(finder));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long the screen may take to start reacting before the action counts as a no-op.</summary>
    public TimeSpan ReactionTimeout { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>How long the screen must be still to count as settled.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest a settle wait may take (an endless animation).</summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Executes <paramref name="action"/> and returns the settled screen.</summary>
    /// <exception cref="ElementNotFoundException">An element action's locator found nothing.</exception>
    public async Task<Observation> ExecuteAsync(ComputerAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var start = _time.GetTimestamp();
        if (action.IsObservation)
        {
            string? output = null;
            if (action.Kind == ActionKind.Wait)
            {
                await Task.Delay(TimeSpan.FromSeconds(action.Duration ?? 0), _time, cancellationToken).ConfigureAwait(false);
            }
            else if (action.Kind == ActionKind.CursorPosition)
            {
                var pointer = _desktop.Input.PointerPosition;
                output = $"X={pointer.X.ToString(CultureInfo.InvariantCulture)},Y={pointer.Y.ToString(CultureInfo.InvariantCulture)}";
            }
            var frame = action.Kind == ActionKind.Zoom && action.Region is { } region
                ? _desktop.Screen.Capture(region.Intersect(_desktop.Screen.Bounds)).Clone()
                : _desktop.Screen.Capture().Clone();
            return new Observation(frame, [], ActionEffect.Observed, _time.GetElapsedTime(start), output);
        }

        // Held only for this step, so it may keep its shared-memory buffer (no copy).
        using var before = _desktop.Screen.Capture();
        await PerformAsync(action, cancellationToken).ConfigureAwait(false);
        var reaction = await _desktop.Watcher.WaitForChangeAsync(null, ReactionTimeout, before, cancellationToken).ConfigureAwait(false);
        if (reaction.Outcome == WaitOutcome.Changed)
        {
            await _desktop.Watcher.WaitForStableAsync(null, QuietPeriod, SettleTimeout, cancellationToken).ConfigureAwait(false);
        }
        var after = _desktop.Screen.Capture().Clone();
        var changes = FrameDiff.Compare(before, after).Changed;
        var effect = changes.Count > 0 ? ActionEffect.Changed : ActionEffect.NoVisibleChange;
        return new Observation(after, changes, effect, _time.GetElapsedTime(start), null);
    }

    private async Task PerformAsync(ComputerAction action, CancellationToken cancellationToken)
    {
        var input = _desktop.Input;
        var hold = action.Text is { Length: > 0 } keys && action.Kind is not (ActionKind.Key or ActionKind.HoldKey or ActionKind.Type or ActionKind.SetText)
            ? KeyChord.Parse(keys)
            : null;
        switch (action.Kind)
        {
            case ActionKind.Key:
                input.PressKeys(action.Text!);
                break;
            case ActionKind.HoldKey:
                await input.HoldKeysAsync(action.Text!, TimeSpan.FromSeconds(action.Duration ?? 0), cancellationToken).ConfigureAwait(false);
                break;
            case ActionKind.Type:
                await input.TypeAsync(action.Text!, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case ActionKind.MouseMove:
                input.MoveMouse(action.Coordinate!.Value);
                break;
            case ActionKind.LeftMouseDown:
                input.ButtonDown(MouseButton.Left, action.Coordinate);
                break;
            case ActionKind.LeftMouseUp:
                input.ButtonUp(MouseButton.Left, action.Coordinate);
                break;
            case ActionKind.LeftClick:
                input.Click(action.Coordinate, MouseButton.Left, 1, hold);
                break;
            case ActionKind.RightClick:
                input.Click(action.Coordinate, MouseButton.Right, 1, hold);
                break;
            case ActionKind.MiddleClick:
                input.Click(action.Coordinate, MouseButton.Middle, 1, hold);
                break;
            case ActionKind.DoubleClick:
                input.Click(action.Coordinate, MouseButton.Left, 2, hold);
                break;
            case ActionKind.TripleClick:
                input.Click(action.Coordinate, MouseButton.Left, 3, hold);
                break;
            case ActionKind.LeftClickDrag:
                await input.DragAsync(action.StartCoordinate!.Value, action.Coordinate!.Value, TimeSpan.FromMilliseconds(200), hold, cancellationToken).ConfigureAwait(false);
                break;
            case ActionKind.Scroll:
                input.Scroll(action.Coordinate, action.ScrollDirection!.Value, action.ScrollAmount!.Value, hold);
                break;
            case ActionKind.ClickElement:
                input.Click(_finder.Find(action.Locator!).Bounds.Center);
                break;
            case ActionKind.SetText:
                var field = _finder.Find(action.Locator!);
                _desktop.Accessibility.SetText(field.Node ?? throw new DispatchException(
                    $"set_text needs an accessible text field, but '{action.Locator}' found {field.Description} by {field.Channel}."), action.Text!);
                break;
            case ActionKind.Invoke:
                var element = _finder.Find(action.Locator!);
                _desktop.Accessibility.Invoke(element.Node ?? throw new DispatchException(
                    $"invoke needs an accessible element, but '{action.Locator}' found {element.Description} by {element.Channel}."), action.ActionName);
                break;
            default:
                throw new ActionFormatException($"The executor cannot run \"{ComputerActionJson.NameOf(action.Kind)}\".");
        }
    }

    /// <summary>The screen point an action acts on, if any (its coordinate, the pointer for clicks without one, or its element).</summary>
    public Point? PointOf(ComputerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind switch
        {
            ActionKind.ClickElement or ActionKind.SetText or ActionKind.Invoke => _finder.FindAll(action.Locator!) is { Found: true } found ? found.Matches[0].Bounds.Center : null,
            ActionKind.LeftClickDrag => action.StartCoordinate,
            ActionKind.LeftClick or ActionKind.RightClick or ActionKind.MiddleClick or ActionKind.DoubleClick or ActionKind.TripleClick
                or ActionKind.LeftMouseDown or ActionKind.LeftMouseUp or ActionKind.Scroll => action.Coordinate ?? _desktop.Input.PointerPosition,
            _ => null,
        };
    }
}
