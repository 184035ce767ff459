using System.Globalization;
using System.Text;
using System.Text.Json;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Locators;

namespace Dispatch.Engine.Recording;

/// <summary>
/// Records what a person does on the desktop into a session folder: <c>session.json</c> (the environment),
/// <c>steps.jsonl</c> (one <see cref="RecordedStep"/> per line, written as each step is known, so a crash loses at most
/// the step in progress) and the screenshots the steps name. A click's target is read while the pointer rests on it,
/// before the button goes down (the app may react to the press), through the same resolver the approval gate uses, so
/// the element recorded is the element a replay's gate will judge. Each locator is tried at once, while the target is
/// still there: one that finds something else is not kept, one that finds several gets the target's <c>#n</c>.
/// Recording only observes: it moves nothing.
/// </summary>
public sealed class SessionRecorder(IDesktop desktop, IStepResolver resolver, ElementFinder finder, TimeProvider time)
{
    /// <summary>The key that ends a recording (not recorded itself).</summary>
    public const string StopKey = "Pause";

    /// <summary>How long the pointer rests before what is under it is read.</summary>
    public TimeSpan PointerRest { get; init; } = TimeSpan.FromMilliseconds(120);

    /// <summary>How long the screen must stay still before the screenshot after the last step.</summary>
    public TimeSpan SettleQuiet { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Called with each step once it is written (for a live view); may be null.</summary>
    public Action<RecordedStep>? StepWritten { get; init; }

    /// <summary>
    /// Records into <paramref name="folder"/> until <see cref="StopKey"/> is pressed or <paramref name="cancellationToken"/>
    /// is cancelled (both end the recording normally), and returns the session written.
    /// </summary>
    /// <exception cref="DispatchException">The folder already holds a recording, or the display cannot record input.</exception>
    public async Task<RecordedSession> RecordAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var stepsPath = Path.Combine(folder, SessionFolder.StepsFile);
        if (File.Exists(stepsPath))
        {
            throw new DispatchException($"The folder '{folder}' already holds a recording ({stepsPath}); expected a new or empty folder.");
        }
        Directory.CreateDirectory(folder);
        var session = new RecordedSession(RecordedSession.CurrentVersion, desktop.DisplayName, new Size(desktop.Screen.Bounds.Width, desktop.Screen.Bounds.Height), time.GetUtcNow(), null,
            [.. desktop.Windows.List().Where(w => w.IsVisible).Select(w => $"{w.Title} ({w.ClassName})")], 0);
        WriteSession(folder, session);
        using var recorder = desktop.RecordInput();
        await using var steps = new StreamWriter(new FileStream(stepsPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        var state = new Progress(folder, steps);
        state.Before = SaveScreen(folder, "step-0001-before.png");
        var assembler = new StepAssembler();
        Point? pointer = null;
        var rested = true;
        try
        {
            while (true)
            {
                RecordedInput input;
                if (!recorder.Events.TryRead(out input))
                {
                    if (!rested && pointer is { } resting)
                    {
                        // Nothing happened for a moment: read what the pointer rests on, before any press.
                        using var rest = new CancellationTokenSource(PointerRest, time);
                        using var either = CancellationTokenSource.CreateLinkedTokenSource(rest.Token, cancellationToken);
                        if (!await WaitToReadAsync(recorder, either.Token, cancellationToken).ConfigureAwait(false))
                        {
                            state.Rested?.Resolved.Dispose();
                            state.Rested = await PerceivePointAsync(resting, cancellationToken).ConfigureAwait(false);
                            rested = true;
                        }
                        continue;
                    }
                    if (!await WaitToReadAsync(recorder, cancellationToken, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }
                    continue;
                }
                if (input.Kind == RecordedInputKind.KeyPress && input.KeyName == StopKey)
                {
                    break;
                }
                if (input.Kind == RecordedInputKind.KeyRelease && input.KeyName == StopKey)
                {
                    continue;
                }
                if (input.Kind == RecordedInputKind.Motion)
                {
                    (pointer, rested) = (input.Point, false);
                    continue;
                }
                if (input.Kind == RecordedInputKind.ButtonPress)
                {
                    state.Pressed[input.Milliseconds] = await PointerTargetAsync(state, input.Point, cancellationToken).ConfigureAwait(false);
                }
                foreach (var step in assembler.Add(input))
                {
                    await WriteAsync(state, step, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C ends a recording like the stop key.
        }
        foreach (var step in assembler.Complete())
        {
            await WriteAsync(state, step, CancellationToken.None).ConfigureAwait(false);
        }
        await desktop.Watcher.WaitForStableAsync(null, SettleQuiet, TimeSpan.FromSeconds(3), CancellationToken.None).ConfigureAwait(false);
        await FlushLastAsync(state).ConfigureAwait(false);
        state.Rested?.Resolved.Dispose();
        foreach (var left in state.Pressed.Values)
        {
            left.Resolved.Dispose();
        }
        var ended = session with { Ended = time.GetUtcNow(), Steps = state.Written };
        WriteSession(folder, ended);
        return ended;
    }

    /// <summary>True when an event can be read; false when <paramref name="wait"/> ended first or recording stopped.</summary>
    private static async Task<bool> WaitToReadAsync(IInputRecorder recorder, CancellationToken wait, CancellationToken recording)
    {
        try
        {
            return await recorder.Events.WaitToReadAsync(wait).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested && !recording.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<Perception> PointerTargetAsync(Progress state, Point point, CancellationToken cancellationToken)
    {
        if (state.Rested is { } rested && rested.Resolved.Point is { } at
            && Math.Max(Math.Abs(at.X - point.X), Math.Abs(at.Y - point.Y)) <= StepAssembler.ClickSlop)
        {
            state.Rested = null;
            return rested;
        }
        // The pointer went down without resting (a quick click, a drag): read now, after the press.
        return (await PerceivePointAsync(point, cancellationToken).ConfigureAwait(false)) with { AfterPress = true };
    }

    private async Task<Perception> PerceiveAsync(ComputerAction action, CancellationToken cancellationToken) =>
        new(await resolver.ResolveAsync(action, cancellationToken).ConfigureAwait(false), AfterPress: false, []);

    /// <summary>What is at <paramref name="point"/>, and the locators that find it there now.</summary>
    private async Task<Perception> PerceivePointAsync(Point point, CancellationToken cancellationToken)
    {
        var resolved = await resolver.ResolveAsync(new ComputerAction(ActionKind.LeftClick) { Coordinate = point }, cancellationToken).ConfigureAwait(false);
        var target = resolved.Target;
        var inWindow = target.WindowTitle is { Length: > 0 } title ? $" in window {Quote(title)}" : "";
        var candidates = new List<RecordedLocator>();
        if (target.Element is { } element)
        {
            // The neutral role, which a replay on another toolkit or platform understands; the platform's own name only
            // for roles the vocabulary does not have.
            var role = Quote(element.Role == UiRole.Unknown ? element.BackendRole : UiRoleNames.NameOf(element.Role));
            candidates.Add(new RecordedLocator("accessibility",
                element.Label.Length > 0 ? $"role={role} name={Quote(element.Label)}{inWindow}" : $"role={role}{inWindow}"));
        }
        if (target.TextAtPoint is { Length: > 0 } text && text != target.Element?.Label)
        {
            candidates.Add(new RecordedLocator("text", $"text={Quote(text)}{inWindow}"));
        }
        var verified = new List<RecordedLocator>();
        foreach (var candidate in candidates)
        {
            var found = await finder.FindAllAsync(candidate.Locator, cancellationToken).ConfigureAwait(false);
            var index = found.Matches.ToList().FindIndex(m => m.Bounds.Contains(point));
            if (index >= 0)
            {
                verified.Add(found.Matches.Count == 1 ? candidate : candidate with { Locator = $"{candidate.Locator} #{index + 1}" });
            }
        }
        return new Perception(resolved, AfterPress: false, verified);
    }

    private async Task WriteAsync(Progress state, AssembledStep step, CancellationToken cancellationToken)
    {
        var pointerStep = step.Action.Coordinate is not null;
        Perception perception;
        if (pointerStep && state.Pressed.Remove(step.StartedMilliseconds, out var pressed))
        {
            perception = pressed;
        }
        else
        {
            // Keys and typing act on the focused element, which typing does not move.
            perception = await PerceiveAsync(step.Action, cancellationToken).ConfigureAwait(false);
        }
        using (perception.Resolved)
        {
            await FlushLastAsync(state).ConfigureAwait(false);
            var index = state.Written + state.Pending.Count + 1;
            var prefix = $"step-{index.ToString("0000", CultureInfo.InvariantCulture)}";
            var target = perception.Resolved.Target;
            var before = state.Before ?? SaveScreen(state.Folder, $"{prefix}-before.png");
            if (pointerStep && perception.Resolved.Screen is { } seen)
            {
                // The screen as the pointer rested on the target is the truest "before" of a click.
                before = Save(state.Folder, $"{prefix}-before.png", seen);
            }
            string? crop = null;
            var locators = new List<RecordedLocator>();
            var window = target.WindowTitle;
            if (pointerStep)
            {
                locators.AddRange(perception.Locators);
                if (perception.Resolved.Screen is { } screen && CropAround(target.Bounds, step.Action.Coordinate!.Value, screen.Bounds) is { } area)
                {
                    crop = $"{prefix}-target.png";
                    File.WriteAllBytes(Path.Combine(state.Folder, crop), FrameEncoder.Encode(screen, ImageFormat.Png, area).Bytes);
                    locators.Add(new RecordedLocator("image", $"image={Quote(crop)}"));
                }
                var point = step.Action.Coordinate!.Value;
                locators.Add(new RecordedLocator("screen", $"point={point.X},{point.Y}"));
            }
            var offset = pointerStep && target.Window is { } w ? new Point(step.Action.Coordinate!.Value.X - w.Bounds.X, step.Action.Coordinate!.Value.Y - w.Bounds.Y) : (Point?)null;
            state.Pending.Add(new RecordedStep(index, JsonSerializer.Deserialize<JsonElement>(ComputerActionJson.Write(step.Action)), locators,
                target.Element is { } e ? $"{UiRoleNames.NameOf(e.Role)} '{e.Label}'" : null, target.TextAtPoint, target.Application, window, offset, target.Bounds,
                before, crop, null, perception.AfterPress, step.StartedMilliseconds, step.EndedMilliseconds));
            state.Before = null;
        }
    }

    /// <summary>Writes the step waiting for its postcondition: the active window now, once the next step began or recording ended.</summary>
    private async Task FlushLastAsync(Progress state)
    {
        foreach (var step in state.Pending)
        {
            var active = desktop.Windows.List().FirstOrDefault(w => w.IsActive)?.Title;
            var written = step with { WindowTitleAfter = active };
            await state.Steps.WriteLineAsync(JsonSerializer.Serialize(written, SessionFolder.Json.GetTypeInfo(typeof(RecordedStep)))).ConfigureAwait(false);
            await state.Steps.FlushAsync().ConfigureAwait(false);
            state.Written++;
            StepWritten?.Invoke(written);
        }
        state.Pending.Clear();
    }

    /// <summary>The target's bounds when they are a small control, else 64×32 around the point; null when off the screen.</summary>
    private static Rect? CropAround(Rect? bounds, Point point, Rect screen)
    {
        var area = bounds is { Width: >= 8 and <= 400, Height: >= 8 and <= 120 } b ? b : new Rect(point.X - 32, point.Y - 16, 64, 32);
        var clipped = area.Intersect(screen);
        return clipped.IsEmpty ? null : clipped;
    }

    private static string Save(string folder, string name, Frame frame)
    {
        File.WriteAllBytes(Path.Combine(folder, name), FrameEncoder.Encode(frame, ImageFormat.Png).Bytes);
        return name;
    }

    private string SaveScreen(string folder, string name)
    {
        using var frame = desktop.Screen.Capture();
        return Save(folder, name, frame);
    }

    private static void WriteSession(string folder, RecordedSession session)
    {
        var path = Path.Combine(folder, SessionFolder.SessionFile);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(session, SessionFolder.Json.GetTypeInfo(typeof(RecordedSession))));
        File.Move(temporary, path, overwrite: true);
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>What a step acts on, read by the resolver, and whether that was only after the press.</summary>
    private sealed record Perception(ResolvedStep Resolved, bool AfterPress, IReadOnlyList<RecordedLocator> Locators);

    /// <summary>The recording's running state.</summary>
    private sealed class Progress(string folder, StreamWriter steps)
    {
        public string Folder { get; } = folder;
        public StreamWriter Steps { get; } = steps;
        public Dictionary<long, Perception> Pressed { get; } = [];
        public List<RecordedStep> Pending { get; } = [];
        public Perception? Rested { get; set; }
        public string? Before { get; set; }
        public int Written { get; set; }
    }
}
