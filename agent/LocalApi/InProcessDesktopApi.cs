using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dispatch.Engine;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Recipes;
using Dispatch.Engine.Loop;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Vision;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Agent.LocalApi;

/// <summary>
/// The local API served by the engine of this process: the CLI's <c>--direct</c> mode, and what the host runs for each
/// request on its socket. Services come from the engine's composition root and are opened on first use, so reading an image
/// file never connects to a display.
/// </summary>
/// <param name="services">The engine, from the composition root.</param>
/// <param name="displayName">The display it drives.</param>
/// <param name="defaultChannel">Where held steps are asked when the caller names no channel.</param>
/// <param name="allowUngated">
/// Whether a request may run irreversible steps without asking (<c>--no-gate</c>): true for a person's own in-process
/// command, false for a host unless it was started with <c>--allow-ungated</c> — a request must not be able to switch the gate off.
/// </param>
/// <param name="desktopEnvironment">
/// The variables programs need on this desktop (its session bus…), given to every program launched; null when this process's
/// own environment is the desktop's.
/// </param>
public sealed partial class InProcessDesktopApi(IServiceProvider services, string displayName, Func<IApprovalChannel> defaultChannel, bool allowUngated = true,
    IReadOnlyDictionary<string, string?>? desktopEnvironment = null) : IDesktopApi
{
    /// <summary>Encoded images larger than this are refused before they are read.</summary>
    public const long MaxImageBytes = 64L * 1024 * 1024;

    /// <inheritdoc/>
    public string DisplayName => displayName;

    private IDesktop Desktop => services.GetRequiredService<IDesktop>();

    /// <inheritdoc/>
    public Task<ScreenshotReply> ScreenshotAsync(ScreenshotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var area = request.Region is { } text ? Rect.Parse(text) : (Rect?)null;
        var format = Enum.TryParse<ImageFormat>(request.Format, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ArgumentException($"The image format '{request.Format}' is not one of png, jpeg, webp.");
        Size? target = request.Scale is { } size ? Size.Parse(size) : null;
        var desktop = Desktop;
        var watch = Stopwatch.StartNew();
        using var frame = area is { } r ? desktop.Screen.Capture(r) : desktop.Screen.Capture();
        var captured = watch.Elapsed;
        var image = FrameEncoder.Encode(frame, format, targetSize: target);
        var encoded = watch.Elapsed - captured;
        return Task.FromResult(new ScreenshotReply(image.Bytes, image.Size.Width, image.Size.Height, BoundsDto.From(frame.Bounds),
            captured.TotalMilliseconds, desktop.Screen.Method.ToString(), encoded.TotalMilliseconds));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WindowDto>> WindowsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WindowDto>>(Desktop.Windows.List().Select(WindowDto.From).ToList());

    /// <inheritdoc/>
    public async Task<TreeReply> InspectAsync(InspectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = request.Application is { } a ? UiScope.Application(a)
            : request.ProcessId is { } p ? UiScope.Process(p)
            : request.Window is { } w ? UiScope.Window(w)
            : UiScope.Desktop;
        var tree = await Desktop.Accessibility.SnapshotAsync(scope, new WalkLimits { ShowingOnly = !request.IncludeHidden }, cancellationToken);
        return new TreeReply(scope.ToString(), ElementDto.From(tree.Root), tree.NodeCount, tree.IsPartial, tree.PartialReason,
            tree.Elapsed.TotalMilliseconds);
    }

    /// <inheritdoc/>
    public async Task<FindReply> FindAsync(FindRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var finder = services.GetRequiredService<ElementFinder>();
        var wait = Durations.Seconds(request.WaitSeconds, "--wait", maximum: 3600);
        // A wait's result covers the whole wait (its time, its searches), not only the last search.
        var result = wait > TimeSpan.Zero
            ? await finder.WaitAllAsync(LocatorParser.Parse(request.Locator), wait, cancellationToken)
            : await finder.FindAllAsync(request.Locator, cancellationToken);
        byte[]? annotated = null;
        if (request.Annotate)
        {
            using var frame = Desktop.Screen.Capture();
            annotated = Annotator.AnnotatePng(frame, result.Matches.Select(m => new ScreenAnnotation(m.Bounds, $"{m.Channel} {m.Score:0.00}", IsPrimary: true))
                .Concat(result.NearMisses.Where(m => m.Bounds is not null).Select(m => new ScreenAnnotation(m.Bounds!.Value, $"{m.Channel} {m.Score:0.00}", IsPrimary: false))));
        }
        return new FindReply(result.Found,
            result.Matches.Select(m => new MatchDto(m.Channel.ToString(), m.Description, m.Score, BoundsDto.From(m.Bounds), m.ToString())).ToList(),
            result.NearMisses.Select(m => new MatchDto(m.Channel.ToString(), m.Description, m.Score, m.Bounds is { } b ? BoundsDto.From(b) : null, m.ToString())).ToList(),
            result.Channels.Select(c => c.ToString()).ToList(), result.Elapsed.TotalMilliseconds, result.Found ? null : result.Explain(), annotated);
    }

    /// <inheritdoc/>
    public Task<OcrReply> OcrAsync(OcrRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var area = request.Region is { } r ? Rect.Parse(r) : (Rect?)null;
        using var frame = request.Image is { } image ? Decode(image) : Capture(area);
        if (area is { } a && !frame.Bounds.Contains(a))
        {
            throw new ArgumentException($"The region {a} is not inside the image {frame.Bounds}.");
        }
        var result = services.GetRequiredService<OcrEngine>().Recognize(frame, area);
        return Task.FromResult(new OcrReply(
            result.Lines.Select(l => new OcrLineDto(l.Text, BoundsDto.From(l.Bounds),
                l.Words.Select(w => new OcrWordDto(w.Text, BoundsDto.From(w.Bounds), w.Confidence)).ToList())).ToList(),
            result.BlocksRecognized + result.BlocksFromCache, result.Elapsed.TotalMilliseconds));
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(WatchRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var area = request.Region is { } text ? Rect.Parse(text) : (Rect?)null;
        var duration = Durations.Seconds(request.DurationSeconds, "--duration");
        var desktop = Desktop;
        var time = services.GetRequiredService<TimeProvider>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration > TimeSpan.Zero)
        {
            stop.CancelAfter(duration);
        }
        var watched = area ?? desktop.Screen.Bounds;
        var baseline = desktop.Screen.Capture(watched);
        try
        {
            yield return new WatchEvent(time.GetUtcNow(), BoundsDto.From(watched), desktop is Engine.Desktop { Damage: null } ? "a polled screen" : "damage events", []);
            while (await NextChangeAsync(desktop, watched, baseline, stop.Token) is { } next)
            {
                var changes = FrameDiff.Compare(baseline, next);
                baseline.Dispose();
                baseline = next;
                if (changes.HasChanges)
                {
                    yield return new WatchEvent(time.GetUtcNow(), BoundsDto.From(watched), "", changes.Changed.Select(BoundsDto.From).ToList());
                }
            }
        }
        finally
        {
            baseline.Dispose();
        }
    }

    /// <summary>The next capture of <paramref name="area"/> that differs; null when the watch is over (its time ran out or it was stopped).</summary>
    private static async Task<Frame?> NextChangeAsync(IDesktop desktop, Rect area, Frame baseline, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var report = await desktop.Watcher.WaitForChangeAsync(area, TimeSpan.FromSeconds(1), baseline, stop);
                if (report.Outcome == WaitOutcome.Changed)
                {
                    return desktop.Screen.Capture(area);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C, a client gone, or the duration: the normal end of a watch.
            return null;
        }
    }

    /// <inheritdoc/>
    public Task<StepReply> RunStepsAsync(StepRequest request, CancellationToken cancellationToken) => RunStepsAsync(request, defaultChannel(), cancellationToken);

    /// <summary>Runs the steps, asking about held ones through <paramref name="channel"/>.</summary>
    public async Task<StepReply> RunStepsAsync(StepRequest request, IApprovalChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Task);
        var timeout = Durations.Seconds(request.ApprovalTimeoutSeconds, "--approval-timeout");
        // Every action is parsed before any runs: a bad one in a script stops nothing half-way.
        var actions = (request.Actions ?? []).Select(ComputerActionJson.Parse).ToList();
        var journal = services.GetRequiredService<ActionJournal>();
        var taskId = Guid.NewGuid();
        var loop = services.GetRequiredService<AgentLoopFactory>().Create(channel, timeout, journal);
        var keeping = request.WantImage ? new ImageKeepingPlanner(new ActionListPlanner(actions)) : null;
        var result = await loop.RunAsync(request.Task, keeping ?? (IPlanner)new ActionListPlanner(actions), new LoopOptions
        {
            MaxSteps = Math.Max(actions.Count, 1),
            DryRun = request.DryRun,
            ScreenCoordinates = !request.ModelCoordinates,
            Ungated = Ungated(request.NoGate),
            TaskId = taskId,
        }, cancellationToken);
        return new StepReply(taskId, JournalWords.Of(result.Outcome), result.Message, result.Steps.Select(ToDto).ToList(), journal.Path, keeping?.Image);
    }

    /// <inheritdoc/>
    public Task<RecipeReply> RunRecipeAsync(RecipeRequest request, CancellationToken cancellationToken) => RunRecipeAsync(request, defaultChannel(), cancellationToken);

    /// <summary>Runs the recipe, asking about held steps through <paramref name="channel"/>.</summary>
    public async Task<RecipeReply> RunRecipeAsync(RecipeRequest request, IApprovalChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);
        var timeout = Durations.Seconds(request.ApprovalTimeoutSeconds, "--approval-timeout");
        // Parsed and bound before anything runs: a bad recipe or value stops nothing half-way.
        var recipe = RecipeParser.Parse(request.Recipe ?? "", request.FileName);
        var values = RecipeValues.Bind(recipe, request.Parameters ?? new Dictionary<string, string>(), request.WorkingDirectory);
        var journal = services.GetRequiredService<ActionJournal>();
        var taskId = Guid.NewGuid();
        var loop = services.GetRequiredService<AgentLoopFactory>().Create(channel, timeout, journal);
        using var planner = new RecipePlanner(recipe, values, Desktop, services.GetRequiredService<ElementFinder>(), services.GetRequiredService<OcrEngine>(),
            services.GetRequiredService<TimeProvider>(), new RecipeRunOptions { DryRun = request.DryRun, WorkingDirectory = request.WorkingDirectory });
        var result = await loop.RunAsync($"recipe {recipe.Name}", planner, new LoopOptions
        {
            // Each step proposes at most two actions (a click to focus, then the keys).
            MaxSteps = 2 * recipe.Steps.Count,
            DryRun = request.DryRun,
            ScreenCoordinates = true,
            Ungated = Ungated(request.NoGate),
            TaskId = taskId,
        }, cancellationToken);
        var outcome = planner.Outcome == RecipeRunOutcome.Running ? RecipeRunOutcome.Failed : planner.Outcome;
        // A step that failed before it was classified keeps its text in the record: the reply shows none of a secret's.
        var steps = result.Steps.Select(ToDto).Select(s => s with
        {
            Action = values.Redact(s.Action), Sentence = Redacted(s.Sentence), Detail = Redacted(s.Detail), Output = Redacted(s.Output),
        }).ToList();
        return new RecipeReply(taskId, JournalWords.Of(result.Outcome), outcome.ToString().ToLowerInvariant(), values.Redact(planner.Message ?? result.Message),
            planner.StepsCompleted, planner.Variables.ToDictionary(), steps, journal.Path);

        string? Redacted(string? text) => text is null ? null : values.Redact(text);
    }

    private bool Ungated(bool asked) => !asked || allowUngated
        ? asked
        : throw new DispatchException("this host runs every step through the approval gate, so --no-gate is refused over its socket; " +
            "start it with 'dispatch run --allow-ungated' to let its clients skip approval, or run the command with --direct");

    private static StepDto ToDto(StepRecord step) => new(
        ComputerActionJson.Write(step.Risk?.IsSecret == true ? ActionJournal.Redact(step.Action) : step.Action),
        step.Risk?.Sentence, step.Risk is { } r ? JournalWords.Of(r.Level) : null, step.Risk?.Reason,
        step.Decision is { } d ? JournalWords.Of(d) : null, JournalWords.Of(step.Outcome),
        step.Outcome is StepOutcome.Changed or StepOutcome.NoVisibleChange or StepOutcome.Observed || step.Decision == StepDecision.DryRun,
        step.Decision is StepDecision.Denied or StepDecision.TimedOut or StepDecision.Late or StepDecision.Unreachable or StepDecision.TargetChanged,
        step.Detail, step.Output);

    private static Frame Decode(byte[] image)
    {
        if (image.LongLength > MaxImageBytes)
        {
            throw new ArgumentException($"The image is {image.LongLength} bytes; at most {MaxImageBytes} are read.");
        }
        return FrameEncoder.Decode(image);
    }

    private Frame Capture(Rect? area)
    {
        var screen = Desktop.Screen;
        return area is { } a ? screen.Capture(a).Clone() : screen.Capture().Clone();
    }
}
