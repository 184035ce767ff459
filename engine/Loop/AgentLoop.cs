using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Loop;

/// <summary>
/// Perceive → decide → act: shows the planner the settled screen, classifies each proposed action, holds the
/// irreversible ones at the approval gate, carries out the rest, and journals every step. Stops at the step limit,
/// the time budget, when stuck, when cancelled, or on <see cref="EmergencyStop"/>, which also lets go of every key
/// and button at once.
/// </summary>
public sealed class AgentLoop
{
    private readonly Desktop _desktop;
    private readonly ActionExecutor _executor;
    private readonly ActionTargetResolver _targets;
    private readonly RiskPolicy _policy;
    private readonly ApprovalGate _gate;
    private readonly ActionJournal _journal;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private CancellationTokenSource? _running;

    /// <summary>Creates a loop over its parts.</summary>
    public AgentLoop(Desktop desktop, ActionExecutor executor, ActionTargetResolver targets, RiskPolicy policy, ApprovalGate gate, ActionJournal journal,
        TimeProvider? time = null)
    {
        _desktop = desktop ?? throw new ArgumentNullException(nameof(desktop));
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _targets = targets ?? throw new ArgumentNullException(nameof(targets));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _gate = gate ?? throw new ArgumentNullException(nameof(gate));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Stops the running task now and releases every held key and button. Safe from any thread.</summary>
    public void EmergencyStop()
    {
        lock (_lock)
        {
            _running?.Cancel();
        }
        _desktop.Input.ReleaseAll();
    }

    /// <summary>Runs <paramref name="task"/> with <paramref name="planner"/> until it ends; see <see cref="LoopOutcome"/>.</summary>
    public async Task<LoopResult> RunAsync(string task, IPlanner planner, LoopOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(task);
        ArgumentNullException.ThrowIfNull(planner);
        options ??= new LoopOptions();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run.CancelAfter(options.TimeBudget);
        lock (_lock)
        {
            _running = run;
        }
        var start = _time.GetTimestamp();
        var history = new List<StepRecord>();
        var mapping = options.ScreenCoordinates
            ? new Geometry.ScaleMapping(_desktop.Screen.Bounds, _desktop.Screen.Bounds.Size)
            : ModelScreen.For(_desktop.Screen.Bounds);
        var observation = await _executor.ExecuteAsync(new ComputerAction(ActionKind.Screenshot), run.Token).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var decision = await planner.NextAsync(new PlannerContext(task, observation, mapping, history), run.Token).ConfigureAwait(false);
                if (decision.Done)
                {
                    return new LoopResult(LoopOutcome.Done, decision.Summary ?? "done", history);
                }
                if (decision.Question is { } question)
                {
                    return new LoopResult(LoopOutcome.Question, question, history);
                }
                foreach (var planned in decision.Actions)
                {
                    if (history.Count >= options.MaxSteps)
                    {
                        return new LoopResult(LoopOutcome.StepLimit, $"stopped after {options.MaxSteps} steps", history);
                    }
                    var (step, next) = await StepAsync(task, planned, mapping, options, run.Token).ConfigureAwait(false);
                    history.Add(step);
                    if (next is not null)
                    {
                        observation.Dispose();
                        observation = next;
                    }
                    if (IsStuck(history, options.StuckAfter))
                    {
                        return new LoopResult(LoopOutcome.Stuck,
                            $"stuck: {ComputerActionJson.Write(step.Action)} had no visible effect {options.StuckAfter} times in a row", history);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            _desktop.Input.ReleaseAll();
            var outcome = !cancellationToken.IsCancellationRequested && _time.GetElapsedTime(start) >= options.TimeBudget ? LoopOutcome.TimeBudget : LoopOutcome.Stopped;
            return new LoopResult(outcome, outcome == LoopOutcome.TimeBudget ? $"the time budget of {options.TimeBudget} ran out" : "stopped", history);
        }
        finally
        {
            observation.Dispose();
            lock (_lock)
            {
                _running = null;
            }
        }
    }

    private async Task<(StepRecord Step, Observation? Next)> StepAsync(string task, PlannedAction planned, Geometry.ScaleMapping mapping, LoopOptions options,
        CancellationToken cancellationToken)
    {
        var action = ModelCoordinates.ToScreen(planned.Action, mapping);
        var point = _executor.PointOf(action);
        var target = _targets.Resolve(action, point);
        var risk = _policy.Classify(action, target, planned.Risk, planned.IsSecret);
        var journaled = risk.IsSecret ? ActionJournal.Redact(action) : action;
        string decision;
        string decidedBy;
        DateTimeOffset decidedAt;
        if (risk.Level == RiskLevel.Irreversible && !options.DryRun)
        {
            var (answer, asks) = await _gate.AuthorizeAsync(task, action, risk, target, () => _targets.Resolve(action, _executor.PointOf(action)), cancellationToken)
                .ConfigureAwait(false);
            decision = answer.Outcome switch
            {
                ApprovalOutcome.Approved => asks > 1 ? $"approved (asked {asks} times: the target changed)" : "approved",
                ApprovalOutcome.TimedOut => "timed out",
                _ => "denied",
            };
            decidedBy = answer.By;
            decidedAt = answer.At;
            if (!answer.IsApproved)
            {
                return (Journal(task, planned, journaled, risk, decision, decidedBy, decidedAt, null), null);
            }
        }
        else
        {
            decision = options.DryRun ? "dry run" : "allowed";
            decidedBy = "policy";
            decidedAt = _time.GetUtcNow();
            if (options.DryRun)
            {
                return (Journal(task, planned, journaled, risk, decision, decidedBy, decidedAt, null), null);
            }
        }
        using var before = _desktop.Screen.Capture();
        var beforeThumbnail = Thumbnail(before);
        var observation = await _executor.ExecuteAsync(action, cancellationToken).ConfigureAwait(false);
        return (Journal(task, planned, journaled, risk, decision, decidedBy, decidedAt, observation, beforeThumbnail), observation);
    }

    /// <summary>Writes the step (screen coordinates, secrets redacted) and returns it as the planner's history sees it (its own coordinates).</summary>
    private StepRecord Journal(string task, PlannedAction planned, ComputerAction journaled, RiskAssessment risk, string decision, string decidedBy,
        DateTimeOffset decidedAt, Observation? observation, string? beforeThumbnail = null)
    {
        var effect = observation?.Effect ?? ActionEffect.NotExecuted;
        _journal.Append(new JournalRecord
        {
            Task = task,
            Action = ComputerActionJson.Write(journaled),
            Risk = risk.Level,
            Reason = risk.Reason,
            Decision = decision switch
            {
                "denied" => StepDecision.Denied,
                "timed out" => StepDecision.TimedOut,
                "dry run" => StepDecision.DryRun,
                "allowed" => StepDecision.Allowed,
                _ => StepDecision.Approved,
            },
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
            Outcome = effect switch
            {
                ActionEffect.Changed => StepOutcome.Changed,
                ActionEffect.NoVisibleChange => StepOutcome.NoVisibleChange,
                ActionEffect.Observed => StepOutcome.Observed,
                _ => StepOutcome.NotExecuted,
            },
            ElapsedMilliseconds = observation?.Elapsed.TotalMilliseconds,
            Changes = observation?.Changes.Select(c => c.ToString()).ToList(),
            BeforeThumbnail = beforeThumbnail,
            AfterThumbnail = observation is null ? null : Thumbnail(observation.Frame),
        });
        return new StepRecord(planned.Action, risk, decision, effect);
    }

    /// <summary>A JPEG 320 pixels wide, base64: enough to see what happened, small enough for every step.</summary>
    private static string Thumbnail(Frame frame)
    {
        var width = Math.Min(320, frame.Width);
        var height = Math.Max(1, (int)((long)frame.Height * width / frame.Width));
        return Convert.ToBase64String(FrameEncoder.Encode(frame, ImageFormat.Jpeg, targetSize: new Geometry.Size(width, height), quality: 60).Bytes);
    }

    private static bool IsStuck(List<StepRecord> history, int after)
    {
        if (history.Count < after)
        {
            return false;
        }
        var last = history.TakeLast(after).ToList();
        return last.All(s => s.Effect == ActionEffect.NoVisibleChange && s.Action == last[0].Action);
    }
}
