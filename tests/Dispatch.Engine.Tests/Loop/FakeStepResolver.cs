using Dispatch.Engine.Actions;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Tests.Loop;

/// <summary>
/// Perceives steps from a script instead of a desktop: each action's target comes from <see cref="Targets"/>, a
/// locator named in <see cref="Missing"/> finds nothing, and a step perceived again after approval looks as
/// <see cref="Again"/> says (by default, unchanged).
/// </summary>
internal sealed class FakeStepResolver : IStepResolver
{
    public Func<ComputerAction, ActionTarget> Targets { get; set; } = _ => new ActionTarget();

    public HashSet<string> Missing { get; } = [];

    /// <summary>The description of a step perceived again for the n-th time (1-based); by default the same as before.</summary>
    public Func<ResolvedStep, int, string>? Again { get; set; }

    public int Resolved { get; private set; }

    public int ResolvedAgain { get; private set; }

    public Task<ResolvedStep> ResolveAsync(ComputerAction action, CancellationToken cancellationToken = default)
    {
        Resolved++;
        if (action.Locator is { } locator && Missing.Contains(locator))
        {
            return Task.FromResult(new ResolvedStep { Action = action, Failure = new StepFailure(StepOutcome.NotFound, $"No element matches '{locator}'.") });
        }
        return Task.FromResult(Step(action, "as planned"));
    }

    public Task<ResolvedStep> ResolveAgainAsync(ResolvedStep step, CancellationToken cancellationToken = default)
    {
        ResolvedAgain++;
        return Task.FromResult(Step(step.Action, Again?.Invoke(step, ResolvedAgain) ?? step.Identity!.Description));
    }

    private ResolvedStep Step(ComputerAction action, string description) => new()
    {
        Action = action,
        Point = action.Coordinate,
        Target = Targets(action),
        Identity = new StepIdentity(description, ComputerActionJson.Write(action), null),
        Screen = Frame.Create(new Rect(0, 0, 64, 48)),
    };
}
