using System.Text.Json;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Recording;

/// <summary>
/// Replays a recorded session through the <see cref="AgentLoop"/>, so every step passes the risk policy, the approval
/// gate and the journal like any other action. Each pointer step's target is found again through its locators in
/// order — where it is now, not where it was — waiting on the screen (never on recorded delays) up to the step's
/// timeout; a step found only by a lower locator, or by its position in its window, is reported as healed, never
/// silently, and fails instead under <see cref="ReplayOptions.NoHeal"/>. The recorded point alone is used only for a
/// step that had nothing better. After each step its postcondition (the window that was active after it) must come.
/// Run the loop with <see cref="LoopOptions.ScreenCoordinates"/>.
/// </summary>
public sealed class ReplayPlanner(string folder, IReadOnlyList<RecordedStep> steps, IDesktop desktop, ElementFinder finder, TimeProvider time,
    ReplayOptions? options = null) : IPlanner
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(200);

    private readonly ReplayOptions _options = options ?? new ReplayOptions();
    private readonly List<ReplayStepReport> _reports = [];
    private int _next;
    private bool _acted;
    private long _stepStarted;
    private long _stepEnded;

    /// <summary>Why the replay stopped early, or <see cref="ReplayFailure.None"/>.</summary>
    public ReplayFailure Failure { get; private set; }

    /// <summary>What happened: the step that failed and why, or that every step ran.</summary>
    public string? Message { get; private set; }

    /// <summary>How each step that ran was found.</summary>
    public IReadOnlyList<ReplayStepReport> Reports => _reports;

    /// <inheritdoc/>
    public async Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Failure != ReplayFailure.None)
        {
            return PlannerDecision.Finished(Message!);
        }
        if (_acted)
        {
            _acted = false;
            var step = steps[_next - 1];
            KeepAfter(context.Observation);
            var last = context.History.Count > 0 ? context.History[^1] : null;
            if (last is not { Succeeded: true })
            {
                var held = last?.Decision is StepDecision.Denied or StepDecision.TimedOut or StepDecision.Late or StepDecision.Unreachable;
                return Fail(held ? ReplayFailure.NotApproved : ReplayFailure.StepFailed, step,
                    held ? $"was held and not approved ({last?.Decision})" : $"failed: {last?.Detail ?? "it did not run"}");
            }
            if (step.WindowTitleAfter is { } expected && !await ActiveWindowBecomesAsync(expected, cancellationToken).ConfigureAwait(false))
            {
                return Fail(ReplayFailure.PostconditionFailed, step,
                    $"ran, but the active window did not become \"{expected}\" within {_options.StepTimeout.TotalSeconds:0.#} s (it is \"{ActiveTitle() ?? "none"}\")");
            }
            _reports[^1] = _reports[^1] with { Elapsed = time.GetElapsedTime(_stepStarted) };
            _stepEnded = time.GetTimestamp();
        }
        if (_next >= steps.Count)
        {
            Message = $"all {steps.Count} step(s) replayed, {_reports.Count(r => r.Healed)} healed";
            return PlannerDecision.Finished(Message);
        }
        var next = steps[_next];
        if (_options.OriginalSpeed && _next > 0)
        {
            // The person's pause between the previous step's end and this one's start, less what this replay already spent.
            var pause = TimeSpan.FromMilliseconds(next.StartedMilliseconds - steps[_next - 1].EndedMilliseconds) - time.GetElapsedTime(_stepEnded);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            }
        }
        _next++;
        _stepStarted = time.GetTimestamp();
        var action = ComputerActionJson.Parse(next.Action);
        if (action.Coordinate is not { } recorded)
        {
            _reports.Add(new ReplayStepReport(next.Index, null, null, false, null, null));
            _acted = true;
            return new PlannerDecision([new PlannedAction(action)]);
        }
        var found = await FindAsync(next, cancellationToken).ConfigureAwait(false);
        if (found is not { } target)
        {
            return Fail(ReplayFailure.TargetNotFound, next,
                $"found no target within {_options.StepTimeout.TotalSeconds:0.#} s by any of: {string.Join("; ", next.Locators.Select(l => l.Locator))}");
        }
        if (target.Report.Healed && _options.NoHeal)
        {
            return Fail(ReplayFailure.HealRefused, next, $"was found only by {target.Report.Channel} ({target.Report.Locator}) and healing is off");
        }
        _reports.Add(target.Report with { RecordedPoint = recorded });
        var (dx, dy) = (target.Point.X - recorded.X, target.Point.Y - recorded.Y);
        _acted = true;
        return new PlannerDecision([new PlannedAction(action with
        {
            Coordinate = target.Point,
            StartCoordinate = action.StartCoordinate is { } start ? new Point(start.X + dx, start.Y + dy) : null,
        })]);
    }

    /// <summary>Keeps the settled screen after the step just run, for the report.</summary>
    private void KeepAfter(Observation observation)
    {
        if (_options.EvidenceFolder is not { } evidence || _reports.Count == 0)
        {
            return;
        }
        Directory.CreateDirectory(evidence);
        var name = $"replay-{_reports[^1].Index.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)}-after.png";
        File.WriteAllBytes(Path.Combine(evidence, name), Capture.FrameEncoder.Encode(observation.Frame, Capture.ImageFormat.Png).Bytes);
        _reports[^1] = _reports[^1] with { After = name };
    }

    private PlannerDecision Fail(ReplayFailure failure, RecordedStep step, string why)
    {
        Failure = failure;
        Message = $"step {step.Index} ({DescribeAction(step)}) {why}";
        return PlannerDecision.Finished(Message);
    }

    private static string DescribeAction(RecordedStep step) =>
        step.Action.TryGetProperty("action", out var kind) ? $"{kind.GetString()}{(step.Element is { } e ? $" on {e}" : "")}" : "step";

    /// <summary>The target's point now: by the first locator that finds it, waiting on the screen; else by its place in its window.</summary>
    private async Task<(Point Point, ReplayStepReport Report)?> FindAsync(RecordedStep step, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        var locators = step.Locators.Where(l => l.Channel != "screen").ToList();
        while (true)
        {
            using var baseline = desktop.Screen.Capture();
            for (var i = 0; i < locators.Count; i++)
            {
                var query = Resolve(locators[i]);
                var result = await finder.FindAllAsync(query, cancellationToken).ConfigureAwait(false);
                if (result.Matches.Count > 0)
                {
                    var point = result.Matches[0].Bounds.Center;
                    return (point, new ReplayStepReport(step.Index, locators[i].Channel, locators[i].Locator, Healed: i > 0, null, point));
                }
            }
            var remaining = _options.StepTimeout - time.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }
            await desktop.Watcher.WaitForChangeAsync(null, remaining < s_poll * 5 ? remaining : s_poll * 5, baseline, cancellationToken).ConfigureAwait(false);
        }
        if (step.WindowTitle is { } title && step.WindowOffset is { } offset
            && desktop.Windows.List().FirstOrDefault(w => w.IsVisible && w.Title == title) is { } window)
        {
            var point = new Point(window.Bounds.X + offset.X, window.Bounds.Y + offset.Y);
            return (point, new ReplayStepReport(step.Index, "window", $"{offset.X},{offset.Y} in window \"{title}\"", Healed: locators.Count > 0, null, point));
        }
        if (locators.Count == 0 && step.Locators.FirstOrDefault(l => l.Channel == "screen") is { } screen && ComputerActionJson.Parse(step.Action).Coordinate is { } recorded)
        {
            return (recorded, new ReplayStepReport(step.Index, "screen", screen.Locator, Healed: false, null, recorded));
        }
        return null;
    }

    /// <summary>An image locator names a file of the session folder.</summary>
    private string Resolve(RecordedLocator locator)
    {
        if (locator.Channel != "image")
        {
            return locator.Locator;
        }
        var file = JsonSerializer.Deserialize<string>(locator.Locator["image=".Length..]) ?? "";
        return $"image={JsonSerializer.Serialize(Path.Combine(folder, file))}";
    }

    private async Task<bool> ActiveWindowBecomesAsync(string title, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        while (ActiveTitle() != title)
        {
            if (time.GetElapsedTime(start) >= _options.StepTimeout)
            {
                return false;
            }
            await Task.Delay(s_poll, time, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    private string? ActiveTitle() => desktop.Windows.List().FirstOrDefault(w => w.IsActive)?.Title;
}
