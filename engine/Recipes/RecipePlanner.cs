using System.ComponentModel;
using System.Diagnostics;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Vision;

namespace Dispatch.Engine.Recipes;

/// <summary>
/// Runs a recipe through the <see cref="AgentLoop"/>: every step that acts (click, type, key, scroll, set_text) is proposed
/// as a <see cref="PlannedAction"/>, so it passes the risk policy, the approval gate and the journal like any other action;
/// <c>approve: required</c> raises its risk to irreversible (a recipe can raise risk, never lower it), and text made from a
/// secret parameter is marked secret. Steps that only look — waits, reads, assertions, screenshots — and launches are
/// done here, between the loop's turns, with the <see cref="ElementFinder"/> and the <see cref="ScreenWatcher"/>. The first
/// step that fails, or is held and not approved, ends the run: <see cref="Outcome"/> and <see cref="Message"/> say which
/// step (file:line) and why. Run the loop with <see cref="LoopOptions.ScreenCoordinates"/>, as the recipe speaks screen pixels.
/// </summary>
public sealed class RecipePlanner : IPlanner, IDisposable
{
    private readonly Recipe _recipe;
    private readonly RecipeValues _values;
    private readonly IDesktop _desktop;
    private readonly ElementFinder _finder;
    private readonly OcrEngine _ocr;
    private readonly TimeProvider _time;
    private readonly RecipeRunOptions _options;
    private static readonly TimeSpan s_busRetry = TimeSpan.FromMilliseconds(250);

    private readonly List<Process> _launched = [];
    private int _next;
    private (int Index, int Actions)? _pending;

    /// <summary>Creates a planner for one run of <paramref name="recipe"/> with <paramref name="values"/> (see <see cref="RecipeValues.Bind"/>).</summary>
    public RecipePlanner(Recipe recipe, RecipeValues values, IDesktop desktop, ElementFinder finder, OcrEngine ocr, TimeProvider time, RecipeRunOptions? options = null)
    {
        _recipe = recipe ?? throw new ArgumentNullException(nameof(recipe));
        _values = values ?? throw new ArgumentNullException(nameof(values));
        _desktop = desktop ?? throw new ArgumentNullException(nameof(desktop));
        _finder = finder ?? throw new ArgumentNullException(nameof(finder));
        _ocr = ocr ?? throw new ArgumentNullException(nameof(ocr));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new RecipeRunOptions();
    }

    /// <summary>How the run ended, or <see cref="RecipeRunOutcome.Running"/>.</summary>
    public RecipeRunOutcome Outcome { get; private set; }

    /// <summary>What happened, secrets redacted: the step (file:line) that failed or was held and why, or that all ran.</summary>
    public string? Message { get; private set; }

    /// <summary>The step that ended the run early, or null.</summary>
    public RecipeStep? EndedAt { get; private set; }

    /// <summary>How many steps finished.</summary>
    public int StepsCompleted { get; private set; }

    /// <summary>The variables read steps set, by name.</summary>
    public IReadOnlyDictionary<string, string> Variables => _values.Variables;

    /// <summary>The programs launch steps started; they keep running after the recipe (the caller owns them).</summary>
    public IReadOnlyList<Process> Launched => _launched;

    /// <inheritdoc/>
    public async Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Outcome != RecipeRunOutcome.Running)
        {
            return PlannerDecision.Finished(Message!);
        }
        if (_pending is { } pending)
        {
            _pending = null;
            var batch = context.History.TakeLast(pending.Actions).ToList();
            if (batch.Count < pending.Actions || batch.FirstOrDefault(r => !r.Succeeded) is { } bad)
            {
                var held = batch.Any(r => r.Decision is StepDecision.Denied or StepDecision.TimedOut or StepDecision.Late or StepDecision.Unreachable
                    or StepDecision.TargetChanged);
                var record = batch.FirstOrDefault(r => !r.Succeeded);
                return End(held ? RecipeRunOutcome.Held : RecipeRunOutcome.Failed, pending.Index,
                    (held ? "held and not approved: " : "failed: ") + (record?.ToString() ?? "the loop did not run its actions"));
            }
            StepsCompleted++;
        }
        while (_next < _recipe.Steps.Count)
        {
            var index = _next++;
            IReadOnlyList<PlannedAction> actions;
            try
            {
                actions = await RunAsync(_recipe.Steps[index], context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is DispatchException or IOException or UnauthorizedAccessException or Win32Exception)
            {
                return End(RecipeRunOutcome.Failed, index, "failed: " + error.Message);
            }
            if (actions.Count > 0)
            {
                _pending = (index, actions.Count);
                return new PlannerDecision(actions);
            }
            StepsCompleted++;
        }
        Outcome = RecipeRunOutcome.Completed;
        var read = Variables.Count == 0 ? "" : "; read " + string.Join(", ", Variables.Select(v => $"{v.Key} = \"{v.Value}\""));
        Message = _values.Redact($"{_recipe.Name}: all {_recipe.Steps.Count} steps done{read}");
        return PlannerDecision.Finished(Message);
    }

    /// <summary>Lets go of the launched processes' handles; the programs keep running.</summary>
    public void Dispose()
    {
        foreach (var process in _launched)
        {
            process.Dispose();
        }
    }

    private PlannerDecision End(RecipeRunOutcome outcome, int index, string why)
    {
        var step = _recipe.Steps[index];
        (Outcome, EndedAt) = (outcome, step);
        Message = _values.Redact($"step {index + 1} {step.Describe()} {why}");
        return PlannerDecision.Finished(Message);
    }

    /// <summary>Does a looking step, or returns the actions of an acting one.</summary>
    private async Task<IReadOnlyList<PlannedAction>> RunAsync(RecipeStep step, PlannerContext context, CancellationToken cancellationToken)
    {
        var timeout = step.Timeout ?? _options.DefaultTimeout;
        var dry = _options.DryRun;
        switch (step.Kind)
        {
            case RecipeStepKind.Launch when !dry:
                await LaunchAsync(step, cancellationToken).ConfigureAwait(false);
                return [];
            case RecipeStepKind.WaitWindow when !dry:
                var title = Text(step.Subject);
                await _desktop.Windows.WaitForWindowAsync(w => w.IsVisible && w.Title.Contains(title, StringComparison.OrdinalIgnoreCase), timeout, cancellationToken)
                    .ConfigureAwait(false);
                return [];
            case RecipeStepKind.WaitFor when !dry:
                await FindAsync(step.Subject, timeout, cancellationToken).ConfigureAwait(false);
                return [];
            case RecipeStepKind.Click:
                return [await ElementActionAsync(step, ActionKind.ClickElement, step.Subject, null, timeout, cancellationToken).ConfigureAwait(false)];
            case RecipeStepKind.SetText:
                return [await ElementActionAsync(step, ActionKind.SetText, step.Subject, step.Text, timeout, cancellationToken).ConfigureAwait(false)];
            case RecipeStepKind.DoubleClick or RecipeStepKind.RightClick or RecipeStepKind.Scroll:
                return [Planned(step, await PointActionAsync(step, context, timeout, cancellationToken).ConfigureAwait(false), null)];
            case RecipeStepKind.Type or RecipeStepKind.Key:
                var kind = step.Kind == RecipeStepKind.Type ? ActionKind.Type : ActionKind.Key;
                var input = Planned(step, new ComputerAction(kind) { Text = Text(step.Subject) }, step.Subject);
                return step.On is { } on
                    ? [await ElementActionAsync(step with { ApprovalRequired = false }, ActionKind.ClickElement, on, null, timeout, cancellationToken).ConfigureAwait(false), input]
                    : [input];
            case RecipeStepKind.Read:
                _values.Set(step.Into!, dry ? "" : TextOf(await FindAsync(step.Subject, timeout, cancellationToken).ConfigureAwait(false)));
                return [];
            case RecipeStepKind.Assert when !dry:
                await AssertAsync(step, timeout, cancellationToken).ConfigureAwait(false);
                return [];
            case RecipeStepKind.AssertText when !dry:
                if (Mismatch(step, Text(step.Subject)) is { } mismatch)
                {
                    throw new DispatchException($"assertion failed: {mismatch}.");
                }
                return [];
            case RecipeStepKind.WaitStable when !dry:
                var report = await _desktop.Watcher.WaitForStableAsync(null, step.QuietPeriod, timeout, cancellationToken).ConfigureAwait(false);
                return report.Outcome == WaitOutcome.Stable
                    ? []
                    : throw new DispatchException($"the screen did not stay still for {step.QuietPeriod.TotalMilliseconds:0} ms within {timeout.TotalSeconds:0.#} s: {report}.");
            case RecipeStepKind.Screenshot when !dry:
                var path = Path.GetFullPath(Text(step.Subject), _options.WorkingDirectory);
                using (var frame = _desktop.Screen.Capture())
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllBytesAsync(path, FrameEncoder.Encode(frame, ImageFormat.Png).Bytes, cancellationToken).ConfigureAwait(false);
                }
                return [];
            default:
                // A dry run only proposes what acts.
                return [];
        }
    }

    private async Task LaunchAsync(RecipeStep step, CancellationToken cancellationToken)
    {
        var program = Text(step.Subject);
        var args = step.Args.Select(Text).ToList();
        var info = _options.StartInfo?.Invoke(program, args) ?? DefaultStartInfo(program, args);
        var title = step.Window is { } window ? Text(window) : null;
        var app = await _desktop.Windows.LaunchAsync(info, step.Timeout ?? _options.LaunchTimeout,
            title is null ? null : w => w.IsVisible && w.Title.Contains(title, StringComparison.OrdinalIgnoreCase), cancellationToken).ConfigureAwait(false);
        _launched.Add(app.Process);
    }

    private ProcessStartInfo DefaultStartInfo(string program, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DISPLAY"] = _desktop.DisplayName;
        return info;
    }

    /// <summary>
    /// An action on the element a locator finds, waited for first (the resolver then runs the locator once, when the step
    /// is resolved, and acts on what that search found).
    /// </summary>
    private async Task<PlannedAction> ElementActionAsync(RecipeStep step, ActionKind kind, string locator, string? text, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var query = Text(locator);
        if (!_options.DryRun)
        {
            await FindAsync(locator, timeout, cancellationToken).ConfigureAwait(false);
        }
        return Planned(step, new ComputerAction(kind) { Locator = query, Text = text is null ? null : Text(text) }, text);
    }

    /// <summary>Double and right clicks and scrolls act at the element's centre (in the loop's coordinates), as element actions only click.</summary>
    private async Task<ComputerAction> PointActionAsync(RecipeStep step, PlannerContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var match = await FindAsync(step.Subject, timeout, cancellationToken).ConfigureAwait(false);
        var at = context.Mapping.ToImage(match.Bounds.Center);
        return step.Kind switch
        {
            RecipeStepKind.DoubleClick => new ComputerAction(ActionKind.DoubleClick) { Coordinate = at },
            RecipeStepKind.RightClick => new ComputerAction(ActionKind.RightClick) { Coordinate = at },
            _ => new ComputerAction(ActionKind.Scroll) { Coordinate = at, ScrollDirection = step.Direction, ScrollAmount = step.Amount },
        };
    }

    private PlannedAction Planned(RecipeStep step, ComputerAction action, string? textTemplate) =>
        new(action, step.ApprovalRequired ? RiskLevel.Irreversible : RiskLevel.Harmless, _values.IsSecret(textTemplate));

    /// <summary>
    /// Waits for the locator. An app just launched is not on the accessibility bus at once, and the finder says so rather
    /// than waiting: until the timeout, that is waited out too — on the next change of the screen, or a short while.
    /// </summary>
    private async Task<ElementMatch> FindAsync(string locator, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var query = Text(locator);
        var start = _time.GetTimestamp();
        while (true)
        {
            var remaining = timeout - _time.GetElapsedTime(start);
            try
            {
                return await _finder.WaitAsync(query, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (AccessibilityException) when (timeout - _time.GetElapsedTime(start) > TimeSpan.Zero)
            {
                var left = timeout - _time.GetElapsedTime(start);
                await _desktop.Watcher.WaitForChangeAsync(null, left < s_busRetry ? left : s_busRetry, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits for the locator and, when the step says, for its text to be as expected; the text may still be changing.</summary>
    private async Task AssertAsync(RecipeStep step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        ElementMatch match;
        try
        {
            match = await FindAsync(step.Subject, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ElementNotFoundException missing)
        {
            throw new DispatchException($"assertion failed: {missing.Message}", missing);
        }
        while (true)
        {
            using var baseline = _desktop.Screen.Capture();
            var text = TextOf(match);
            if (Mismatch(step, text) is not { } mismatch)
            {
                return;
            }
            var remaining = timeout - _time.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                throw new DispatchException($"assertion failed: {match.Description} at {match.Bounds} {mismatch} after {timeout.TotalSeconds:0.#} s.");
            }
            await _desktop.Watcher.WaitForChangeAsync(null, remaining, baseline, cancellationToken).ConfigureAwait(false);
            match = await _finder.TryFindAsync(Text(step.Subject), cancellationToken).ConfigureAwait(false) ?? match;
        }
    }

    private string? Mismatch(RecipeStep step, string actual)
    {
        var text = actual.Trim();
        if (step.EqualsText is { } equals && text != Text(equals).Trim())
        {
            return $"reads \"{text}\", expected exactly \"{Text(equals).Trim()}\"";
        }
        if (step.ContainsText is { } contains && !text.Contains(Text(contains), StringComparison.Ordinal))
        {
            return $"reads \"{text}\", expected it to contain \"{Text(contains)}\"";
        }
        return null;
    }

    /// <summary>An element's text: its accessible text or label, else what OCR reads inside its bounds.</summary>
    private string TextOf(ElementMatch match)
    {
        if (match.Node is { } node)
        {
            return !string.IsNullOrEmpty(node.Text) ? node.Text : node.Label;
        }
        var region = match.Bounds.Inflate(4).Intersect(_desktop.Screen.Bounds);
        using var frame = _desktop.Screen.Capture(region);
        return _ocr.Recognize(frame).Text.Trim();
    }

    private string Text(string template) => _values.Substitute(template);
}
