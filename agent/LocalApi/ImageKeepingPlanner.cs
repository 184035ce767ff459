using Dispatch.Engine.Capture;
using Dispatch.Engine.Loop;

namespace Dispatch.Agent.LocalApi;

/// <summary>
/// A planner that keeps, as PNG, the screen the loop showed it when it says done: the settled screen after the last step — a
/// screenshot action's capture, a zoom's region — which the loop otherwise disposes.
/// </summary>
/// <param name="inner">The planner that decides.</param>
internal sealed class ImageKeepingPlanner(IPlanner inner) : IPlanner
{
    /// <summary>The last screen, once the planner is done; null before.</summary>
    public byte[]? Image { get; private set; }

    /// <inheritdoc/>
    public async Task<PlannerDecision> NextAsync(PlannerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var decision = await inner.NextAsync(context, cancellationToken).ConfigureAwait(false);
        if (decision.Done)
        {
            Image = FrameEncoder.Encode(context.Observation.Frame, ImageFormat.Png).Bytes;
        }
        return decision;
    }
}
