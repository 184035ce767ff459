using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Loop;

/// <summary>
/// Perceive → decide → act. Each proposed action becomes one step, perceived once and carried forward: resolve →
/// classify → approve → act → journal (an intent entry before acting, an outcome entry after, errors included). A
/// failure, a denial or a time-out ends the planner's batch: the rest goes back unexecuted and the history says so.
/// Stops at the step limit, the time budget, when stuck, when cancelled, or on <see cref="EmergencyStop"/>, which
/// also lets go of every key and button at once.
/// </summary>
public sealed class AgentLoop
{
    private readonly IStepResolver _resolver;
    private readonly RiskPolicy _policy;
    private readonly ApprovalGate _gate;
    private readonly IActionExecutor _executor;
    private readonly ActionJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILoopEventSink? _events;
    private readonly Lock _lock = new();
    private CancellationTokenSource? _running;

    /// <summary>
    /// Creates a loop over its parts; every wait and budget runs on <paramref name="time"/>, and each step is published to
    /// <paramref name="events"/> as it happens.
    /// </summary>
    public AgentLoop(IStepResolver resolver, RiskPolicy policy, ApprovalGate gate, IActionExecutor executor, ActionJournal journal, TimeProvider? time = null,
        ILoopEventSink? events = null)
    {
        _events = events;
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _gate = gate ?? throw new ArgumentNullException(nameof(gate));
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
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
        _executor.ReleaseAll();
    }

    /// <summary>Runs <paramref name="task"/> with <paramref name="planner"/> until it ends; see <see cref="LoopOutcome"/>.</summary>
    public async Task<LoopResult> RunAsync(string task, IPlanner planner, LoopOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(task);
        ArgumentNullException.ThrowIfNull(planner);
        options ??= new LoopOptions();
        using var budget = new CancellationTokenSource(options.TimeBudget, _time);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        lock (_lock)
        {
            _running = run;
        }
        var history = new List<StepRecord>();
        var events = new LoopEventWriter(_events, options.TaskId ?? Guid.NewGuid(), task, _time);
        events.Emit(LoopEventKind.Started, 0);
        LoopResult? result = null;
        try
        {
            result = await RunStepsAsync(task, planner, options, events, history, budget, run, cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            // Nothing a task pressed outlives it, however it ends: a one-step left_mouse_down in a long-lived host would otherwise
            // turn the next client's mouse moves into drags nobody judged. Waits for another task's acting step, never cuts it.
            await _executor.ReleaseAllAsync(CancellationToken.None).ConfigureAwait(false);
            events.Emit(LoopEventKind.Finished, 0, e => e with { Finished = result?.Outcome, Detail = result?.Message ?? "ended by an error" });
        }
    }

    private async Task<LoopResult> RunStepsAsync(string task, IPlanner planner, LoopOptions options, LoopEventWriter events, List<StepRecord> history,
        CancellationTokenSource budget, CancellationTokenSource run, CancellationToken cancellationToken)
    {
        var steps = 0;
        Observation? observation = null;
        try
        {
            observation = await _executor.ObserveAsync(run.Token).ConfigureAwait(false);
            var screen = observation.Frame.Bounds;
            var mapping = options.ScreenCoordinates ? new ScaleMapping(screen, screen.Size) : ModelScreen.For(screen);
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
                if (decision.Actions.Count == 0)
                {
                    return new LoopResult(LoopOutcome.Stuck, "the planner proposed no action and did not say it was done", history);
                }
                for (var i = 0; i < decision.Actions.Count; i++)
                {
                    if (steps >= options.MaxSteps)
                    {
                        return new LoopResult(LoopOutcome.StepLimit, $"stopped after {options.MaxSteps} steps", history);
                    }
                    steps++;
                    var (record, next) = await StepAsync(task, steps, decision.Actions[i], mapping, options, events, run.Token).ConfigureAwait(false);
                    history.Add(record);
                    if (next is not null)
                    {
                        observation.Dispose();
                        observation = next;
                    }
                    if (IsStuck(history, options.StuckAfter))
                    {
                        return new LoopResult(LoopOutcome.Stuck,
                            $"stuck: {ComputerActionJson.Write(record.Action)} had no visible effect {options.StuckAfter} times in a row", history);
                    }
                    if (EndsBatch(record))
                    {
                        var ended = record.Decision is null or StepDecision.Allowed or StepDecision.Approved or StepDecision.Ungated
                            ? $"a failure ({JournalWords.Of(record.Outcome)})"
                            : JournalWords.Of(record.Decision.Value);
                        var why = $"not run: the batch ended at step {steps}, which was {ended}";
                        history.AddRange(decision.Actions.Skip(i + 1).Select(rest => new StepRecord(rest.Action, null, null, StepOutcome.NotExecuted, why)));
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            _executor.ReleaseAll();
            var outcome = budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested ? LoopOutcome.TimeBudget : LoopOutcome.Stopped;
            return new LoopResult(outcome, outcome == LoopOutcome.TimeBudget ? $"the time budget of {options.TimeBudget} ran out" : "stopped", history);
        }
        finally
        {
            observation?.Dispose();
            lock (_lock)
            {
                _running = null;
            }
        }
    }

    private static bool EndsBatch(StepRecord record) =>
        record.Outcome is not (StepOutcome.Changed or StepOutcome.NoVisibleChange or StepOutcome.Observed) && record.Decision != StepDecision.DryRun;

    private async Task<(StepRecord Record, Observation? Next)> StepAsync(string task, int number, PlannedAction planned, ScaleMapping mapping,
        LoopOptions options, LoopEventWriter events, CancellationToken cancellationToken)
    {
        // Typed text is not shown before it is classified: it may be a secret.
        events.Emit(LoopEventKind.Planned, number, e => e with { Action = ComputerActionJson.Write(ActionJournal.Redact(planned.Action)) });
        var (record, next) = await CarryOutAsync(task, number, planned, mapping, options, events, cancellationToken).ConfigureAwait(false);
        if (record.Ran && record.Outcome is StepOutcome.Changed or StepOutcome.NoVisibleChange or StepOutcome.Observed)
        {
            events.Emit(LoopEventKind.Executed, number, e => e with
            {
                Outcome = record.Outcome,
                Changes = next?.Changes.Select(c => c.ToString()).ToList(),
                Thumbnail = next is null || next.Effect == ActionEffect.Observed ? null : Thumbnail(next.Frame),
            });
        }
        else if (record.Decision is null || record.Ran)
        {
            events.Emit(LoopEventKind.Failed, number, e => e with { Outcome = record.Outcome, Detail = record.Detail });
        }
        return (record, next);
    }

    private async Task<(StepRecord Record, Observation? Next)> CarryOutAsync(string task, int number, PlannedAction planned, ScaleMapping mapping,
        LoopOptions options, LoopEventWriter events, CancellationToken cancellationToken)
    {
        ComputerAction action;
        ResolvedStep step;
        try
        {
            action = ModelCoordinates.ToScreen(planned.Action, mapping);
            step = await _resolver.ResolveAsync(action, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is DispatchException or ArgumentException)
        {
            return await FailedAsync(task, number, planned, planned.Action, StepFailure.From(error), cancellationToken).ConfigureAwait(false);
        }
        using (step)
        {
            if (step.Failure is { } failure)
            {
                return await FailedAsync(task, number, planned, action, failure, cancellationToken).ConfigureAwait(false);
            }
            RiskAssessment risk;
            try
            {
                risk = _policy.Classify(action, step.Target, planned.Risk, planned.IsSecret);
            }
            catch (DispatchException error)
            {
                return await FailedAsync(task, number, planned, action, StepFailure.From(error), cancellationToken).ConfigureAwait(false);
            }
            var journaled = ComputerActionJson.Write(risk.IsSecret ? ActionJournal.Redact(action) : action);
            var classified = risk;
            GateResult? gate = null;
            try
            {
                StepDecision decision;
                string decidedBy;
                var decidedAt = _time.GetUtcNow();
                if (options.DryRun)
                {
                    (decision, decidedBy) = (StepDecision.DryRun, "dry run");
                }
                else if (risk.Level == RiskLevel.Irreversible && !options.Ungated)
                {
                    events.Emit(LoopEventKind.Held, number, e => e with
                    {
                        Action = journaled, Sentence = classified.Sentence, Risk = classified.Level, Reason = classified.Reason,
                    });
                    try
                    {
                        gate = await _gate.AuthorizeAsync(task, step, risk, planned.Risk, planned.IsSecret, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // Stopped while a person was being asked: the journal still shows what was held.
                        WriteIntent(task, number, journaled, step, risk, null, "stopped while asking", _time.GetUtcNow(), null);
                        WriteOutcome(task, number, StepOutcome.Interrupted, "stopped while waiting for approval", null, null);
                        throw;
                    }
                    catch (Exception error) when (error is DispatchException or IOException or InvalidOperationException)
                    {
                        var unasked = StepFailure.From(error);
                        WriteIntent(task, number, journaled, step, risk, null, $"the approval could not be asked: {unasked.Detail}", _time.GetUtcNow(), null);
                        WriteOutcome(task, number, unasked.Outcome, unasked.Detail, null, null);
                        return (new StepRecord(planned.Action, risk, null, unasked.Outcome, unasked.Detail), await _executor.ObserveAsync(cancellationToken).ConfigureAwait(false));
                    }
                    (decision, decidedBy, decidedAt, risk) = (gate.Decision, gate.Asks > 1 ? $"{gate.By} (asked {gate.Asks} times)" : gate.By, gate.At, gate.Risk);
                }
                else
                {
                    (decision, decidedBy) = options.Ungated ? (StepDecision.Ungated, "--no-gate") : (StepDecision.Allowed, "policy");
                }
                var toRun = gate?.Step ?? step;
                WriteIntent(task, number, journaled, toRun, risk, decision, decidedBy, decidedAt, gate?.Detail);
                var decided = (decision, decidedBy, risk);
                events.Emit(LoopEventKind.Decided, number, e => e with
                {
                    Action = journaled, Sentence = decided.risk.Sentence, Risk = decided.risk.Level, Reason = decided.risk.Reason,
                    Decision = decided.decision, DecidedBy = decided.decidedBy, Detail = gate?.Detail,
                });
                if (decision is not (StepDecision.Allowed or StepDecision.Approved or StepDecision.Ungated))
                {
                    var why = decision == StepDecision.DryRun ? "dry run" : $"{risk.Sentence}: {JournalWords.Of(decision)} by {decidedBy}";
                    WriteOutcome(task, number, StepOutcome.NotExecuted, why, null, null);
                    return (new StepRecord(planned.Action, risk, decision, StepOutcome.NotExecuted, gate?.Detail ?? why), null);
                }
                var before = toRun.Screen is { } screen ? Thumbnail(screen) : null;
                StepResult result;
                try
                {
                    result = await _executor.ExecuteAsync(toRun, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    WriteOutcome(task, number, StepOutcome.Interrupted, "stopped while acting: cancelled, the emergency stop or the time budget", null, before);
                    throw;
                }
                WriteOutcome(task, number, result.Outcome, result.Failure?.Detail, result.Observation, before);
                return (new StepRecord(planned.Action, risk, decision, result.Outcome, result.Failure?.Detail, result.Observation.Output), result.Observation);
            }
            finally
            {
                if (gate is not null && !ReferenceEquals(gate.Step, step))
                {
                    gate.Step.Dispose();
                }
            }
        }
    }

    /// <summary>A step that could not be resolved or classified: journaled as intent and typed error; the planner sees a fresh screen.</summary>
    private async Task<(StepRecord, Observation?)> FailedAsync(string task, int number, PlannedAction planned, ComputerAction action, StepFailure failure,
        CancellationToken cancellationToken)
    {
        _journal.Append(new JournalRecord
        {
            Task = task,
            Kind = JournalEntryKind.Intent,
            Step = number,
            // Never classified, so whether its text is a secret is unknown: keep the evidence of what, not of what was typed.
            Action = ComputerActionJson.Write(ActionJournal.Redact(action)),
        });
        WriteOutcome(task, number, failure.Outcome, failure.Detail, null, null);
        var observation = await _executor.ObserveAsync(cancellationToken).ConfigureAwait(false);
        return (new StepRecord(planned.Action, null, null, failure.Outcome, failure.Detail), observation);
    }

    private void WriteIntent(string task, int number, string action, ResolvedStep step, RiskAssessment risk, StepDecision? decision, string decidedBy,
        DateTimeOffset decidedAt, string? detail) =>
        _journal.Append(new JournalRecord
        {
            Task = task,
            Kind = JournalEntryKind.Intent,
            Step = number,
            Action = action,
            Target = step.DescribeTarget(),
            Risk = risk.Level,
            Reason = risk.Reason,
            Decision = decision,
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
            Fingerprint = step.Identity?.Fingerprint,
            Detail = detail,
        });

    private void WriteOutcome(string task, int number, StepOutcome outcome, string? detail, Observation? observation, string? before) =>
        _journal.Append(new JournalRecord
        {
            Task = task,
            Kind = JournalEntryKind.Outcome,
            Step = number,
            Outcome = outcome,
            Detail = detail,
            Output = observation?.Output,
            ElapsedMilliseconds = observation?.Elapsed.TotalMilliseconds,
            Changes = observation?.Changes.Select(c => c.ToString()).ToList(),
            BeforeThumbnail = before,
            AfterThumbnail = observation is null || observation.Effect == Actions.ActionEffect.Observed ? null : Thumbnail(observation.Frame),
        });

    /// <summary>A JPEG 320 pixels wide, base64: enough to see what happened, small enough for every step.</summary>
    private static string Thumbnail(Frame frame)
    {
        var width = Math.Min(320, frame.Width);
        var height = Math.Max(1, (int)((long)frame.Height * width / frame.Width));
        return Convert.ToBase64String(FrameEncoder.Encode(frame, ImageFormat.Jpeg, targetSize: new Size(width, height), quality: 60).Bytes);
    }

    private static bool IsStuck(List<StepRecord> history, int after)
    {
        var ran = history.Where(s => s.Ran).ToList();
        if (ran.Count < after)
        {
            return false;
        }
        var last = ran.TakeLast(after).ToList();
        return last.All(s => s.Outcome == StepOutcome.NoVisibleChange && s.Action == last[0].Action);
    }
}
