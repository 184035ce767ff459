using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Safety;

namespace Dispatch.Engine.Actions;

/// <summary>
/// One step perceived once, flowing forward: resolve → classify → approve → act → journal. It holds the action in
/// screen coordinates, the point it acts at, the element a locator found (never searched for again), what it acts on
/// for the risk policy, its identity for approval, and the screen as perceived. Owns its frames: dispose it.
/// </summary>
public sealed class ResolvedStep : IDisposable
{
    /// <summary>The action, in screen coordinates.</summary>
    public required ComputerAction Action { get; init; }

    /// <summary>Where it acts: its coordinate, the pointer for clicks without one, or the located element's centre.</summary>
    public Point? Point { get; init; }

    /// <summary>What its locator found, for element actions; the executor acts on this and does not search again.</summary>
    public ElementMatch? Located { get; init; }

    /// <summary>What it acts on, for the risk policy and the person.</summary>
    public ActionTarget Target { get; init; } = ActionTarget.None;

    /// <summary>What makes it this step (null for steps with no target: observations, failures).</summary>
    public StepIdentity? Identity { get; init; }

    /// <summary>The whole screen when it was perceived (owned), or null for observations and failures.</summary>
    public Frame? Screen { get; init; }

    /// <summary>Why it could not be resolved (not found, not actionable, off screen…), or null.</summary>
    public StepFailure? Failure { get; init; }

    /// <summary>A one-line description of the target for the journal, e.g. <c>push button 'Send' in 'New message' (thunderbird)</c>.</summary>
    public string DescribeTarget()
    {
        var what = Target.Element is { } element ? $"{UiRoleNames.NameOf(element.Role)} {Target.Describe()}" : Target.Describe();
        var where = Target.WindowTitle is { Length: > 0 } title ? $" in '{title}'" : "";
        var app = Target.Application is { Length: > 0 } application ? $" ({application})" : "";
        var via = Located is { } match ? $", found by {match.Channel.ToString().ToLowerInvariant()}" : "";
        return what + where + app + via;
    }

    /// <summary>Releases the frames.</summary>
    public void Dispose()
    {
        Screen?.Dispose();
        Identity?.Dispose();
    }
}
