using System.Globalization;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Input;

namespace Dispatch.Engine.Actions;

/// <summary>
/// Carries out one resolved step (screen coordinates) and waits for its effect: first for the screen to start
/// changing (briefly — no change means a suspected no-op), then for it to settle. No fixed sleeps. Element actions
/// act on the element the step resolved; the locator is never run again.
/// </summary>
public sealed class ActionExecutor : IActionExecutor
{
    private readonly IDesktop _desktop;
    private readonly TimeProvider _time;

    /// <summary>Creates an executor on <paramref name="desktop"/>.</summary>
    public ActionExecutor(IDesktop desktop, TimeProvider? time = null)
    {
        _desktop = desktop ?? throw new ArgumentNullException(nameof(desktop));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long the screen may take to start reacting before the action counts as a no-op.</summary>
    public TimeSpan ReactionTimeout { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>How long the screen must be still to count as settled.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest a settle wait may take (an endless animation).</summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <inheritdoc/>
    public void ReleaseAll() => _desktop.Input.ReleaseAll();

    /// <inheritdoc/>
    public Task<Observation> ObserveAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The capture borrows a shared-memory segment: copy it out and give the segment back at once.
        using var live = _desktop.Screen.Capture();
        return Task.FromResult(new Observation(live.Clone(), [], ActionEffect.Observed, TimeSpan.Zero, null));
    }

    /// <inheritdoc/>
    public async Task<StepResult> ExecuteAsync(ResolvedStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Failure is { } unresolved)
        {
            return new StepResult(await ObserveAsync(cancellationToken).ConfigureAwait(false), unresolved);
        }
        var action = step.Action;
        var start = _time.GetTimestamp();
        try
        {
            if (action.IsObservation)
            {
                return new StepResult(await ObserveActionAsync(action, start, cancellationToken).ConfigureAwait(false), null);
            }
            // Held only for this step, so it may keep its shared-memory buffer (no copy).
            using var before = _desktop.Screen.Capture();
            var note = await PerformAsync(step, cancellationToken).ConfigureAwait(false);
            var reaction = await _desktop.Watcher.WaitForChangeAsync(null, ReactionTimeout, before, cancellationToken).ConfigureAwait(false);
            if (reaction.Outcome == WaitOutcome.Changed)
            {
                await _desktop.Watcher.WaitForStableAsync(null, QuietPeriod, SettleTimeout, cancellationToken).ConfigureAwait(false);
            }
            Frame after;
            using (var live = _desktop.Screen.Capture())
            {
                after = live.Clone();
            }
            var changes = FrameDiff.Compare(before, after).Changed;
            var effect = changes.Count > 0 ? ActionEffect.Changed : ActionEffect.NoVisibleChange;
            return new StepResult(new Observation(after, changes, effect, _time.GetElapsedTime(start), note), null);
        }
        catch (OperationCanceledException)
        {
            _desktop.Input.ReleaseAll();
            throw;
        }
        catch (Exception error) when (error is DispatchException or ArgumentException or InvalidOperationException)
        {
            // Expected failures of acting (an element gone stale, a display error, a key the server lacks) go back to the planner.
            return new StepResult(await ObserveAsync(CancellationToken.None).ConfigureAwait(false), StepFailure.From(error));
        }
    }

    private async Task<Observation> ObserveActionAsync(ComputerAction action, long start, CancellationToken cancellationToken)
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
        using var live = _desktop.Screen.Capture();
        var frame = action.Kind == ActionKind.Zoom && action.Region is { } region ? live.Crop(region.Intersect(live.Bounds)) : live.Clone();
        return new Observation(frame, [], ActionEffect.Observed, _time.GetElapsedTime(start), output);
    }

    /// <summary>
    /// The last look before input: the window a click lands in (or keys go to) must still be the one the step was
    /// judged on — a dialog that appeared since would otherwise take a click that was judged harmless.
    /// </summary>
    private void CheckStillThere(ResolvedStep step)
    {
        if (step.Target.Window is not { } judged || step.Action.Kind is ActionKind.SetText or ActionKind.Invoke or ActionKind.MouseMove or ActionKind.Scroll)
        {
            return;
        }
        var now = step.Point is { } point ? _desktop.Windows.WindowAt(point) : Windowing.KeyboardWindow.Of(_desktop.Windows);
        if (now is null || now.Id != judged.Id || now.Bounds != judged.Bounds && step.Point is not null)
        {
            throw new TargetChangedException(
                $"the window {(step.Point is { } p ? $"at {p}" : "with the focus")} is now {(now is null ? "none" : $"'{now.Title}' {now.Bounds}")}, not '{judged.Title}' {judged.Bounds} as when the step was judged");
        }
    }

    /// <summary>Carries out the step's input; returns what a person should know about how it was done (a set_text typed instead), or null.</summary>
    private async Task<string?> PerformAsync(ResolvedStep step, CancellationToken cancellationToken)
    {
        var input = _desktop.Input;
        // The whole action is one request on the display's input: another process's keys neither interleave with it nor
        // stay held under it. Taken before the last look, so the look sees the screen this action will act on.
        using var exclusive = await input.LockAsync(cancellationToken).ConfigureAwait(false);
        CheckStillThere(step);
        var action = step.Action;
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
                input.MoveMouse(step.Point!.Value);
                break;
            case ActionKind.LeftMouseDown:
                input.ButtonDown(MouseButton.Left, step.Point);
                break;
            case ActionKind.LeftMouseUp:
                input.ButtonUp(MouseButton.Left, step.Point);
                break;
            case ActionKind.LeftClick:
                input.Click(step.Point, MouseButton.Left, 1, hold);
                break;
            case ActionKind.RightClick:
                input.Click(step.Point, MouseButton.Right, 1, hold);
                break;
            case ActionKind.MiddleClick:
                input.Click(step.Point, MouseButton.Middle, 1, hold);
                break;
            case ActionKind.DoubleClick:
                input.Click(step.Point, MouseButton.Left, 2, hold);
                break;
            case ActionKind.TripleClick:
                input.Click(step.Point, MouseButton.Left, 3, hold);
                break;
            case ActionKind.LeftClickDrag:
                await input.DragAsync(action.StartCoordinate!.Value, action.Coordinate!.Value, TimeSpan.FromMilliseconds(200), hold, cancellationToken).ConfigureAwait(false);
                break;
            case ActionKind.Scroll:
                input.Scroll(step.Point, action.ScrollDirection!.Value, action.ScrollAmount!.Value, hold);
                break;
            case ActionKind.ClickElement:
                input.Click(step.Point!.Value);
                break;
            case ActionKind.SetText:
                return await SetTextCheckedAsync(AccessibleNode(step, "set_text needs an accessible text field"), action.Text!, cancellationToken).ConfigureAwait(false);
            case ActionKind.Invoke:
                await _desktop.Accessibility.InvokeAsync(AccessibleNode(step, "invoke needs an accessible element"), action.ActionName, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ActionFormatException($"The executor cannot run \"{ComputerActionJson.NameOf(action.Kind)}\".");
        }
        return null;
    }

    /// <summary>
    /// Sets a field's text and reads it back: a field that kept other text fails naming what it holds, and a field that is
    /// not editable (read-only) is not changed at all, though some toolkits would let the interface write it. When the
    /// editable-text interface refuses (or is ignored, as a browser may), the text is typed instead — focus, select all,
    /// type — but only into the field itself, editable and focused, and only text that cannot press anything (no line
    /// breaks or tabs), because the step was judged as setting text, not as pressing keys.
    /// </summary>
    /// <returns>How the text got there when it was typed; null when the interface set it.</returns>
    private async Task<string?> SetTextCheckedAsync(UiNode field, string text, CancellationToken cancellationToken)
    {
        var accessibility = _desktop.Accessibility;
        if (!field.States.HasFlag(UiStates.Editable) || field.States.HasFlag(UiStates.ReadOnly))
        {
            throw new DispatchException($"set_text could not change {field}: it is not editable (read-only); expected an editable text field.");
        }
        string? refused = null;
        try
        {
            await accessibility.SetTextAsync(field, text, cancellationToken).ConfigureAwait(false);
        }
        catch (AccessibilityException error)
        {
            refused = error.Message;
        }
        // A password field reads back as bullets: its length is all that can be checked, and nothing of it is written out.
        var secret = field.Role == UiRole.Password;
        bool Holds(string? reads) => reads == text || secret && reads?.Length == text.Length;
        string Shown(string? value) => secret ? $"{value?.Length ?? 0} hidden characters" : $"\"{value}\"";
        var reads = refused is null ? await accessibility.GetTextAsync(field, cancellationToken).ConfigureAwait(false) : null;
        if (Holds(reads))
        {
            return null;
        }
        // The wanted text is never repeated: it may be a secret the journal redacts; what the field shows is on the screen anyway.
        var why = refused ?? $"after setting it, it reads {Shown(reads)}";
        if (text.Any(char.IsControl))
        {
            throw new DispatchException($"set_text could not change {field}: {why}; the text holds line breaks or tabs, which typing would send as keys, so it was not typed.");
        }
        await accessibility.FocusAsync(field, cancellationToken).ConfigureAwait(false);
        if (field.Bounds is not { } bounds
            || await accessibility.ElementAtAsync(bounds.Center, field.Path.ProcessId, cancellationToken).ConfigureAwait(false) is not { } there
            || !there.Path.IsWithin(field.Path) || !there.States.HasFlag(UiStates.Focused))
        {
            throw new DispatchException($"set_text could not change {field}: {why}; and the field did not take the focus, so the text was not typed.");
        }
        var input = _desktop.Input;
        input.PressKeys("ctrl+a");
        await input.TypeAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
        var typed = await accessibility.GetTextAsync(field, cancellationToken).ConfigureAwait(false);
        return Holds(typed)
            ? $"set_text typed the text (focus, select all, type) because the field's editable-text interface did not take it: {why}."
            : throw new DispatchException($"set_text could not change {field}: {why}; typing it (focus, select all, type) left {Shown(typed)}.");
    }

    private static UiNode AccessibleNode(ResolvedStep step, string need) =>
        step.Located?.Node ?? throw new DispatchException(
            $"{need}, but '{step.Action.Locator}' found {step.Located?.Description ?? "nothing"} by {step.Located?.Channel.ToString() ?? "no channel"}.");
}
