using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Recording;

/// <summary>How one recorded step was replayed.</summary>
/// <param name="Index">The step's index in the session.</param>
/// <param name="Channel">The channel of the locator that found the target (<c>accessibility</c>, <c>text</c>, <c>image</c>, <c>window</c>, <c>screen</c>), or null for steps without a target.</param>
/// <param name="Locator">The locator that found it, or null.</param>
/// <param name="Healed">True when a better locator of the step found nothing and a lower one was used: never silent.</param>
/// <param name="RecordedPoint">Where the step acted when recorded, or null.</param>
/// <param name="ReplayedPoint">Where it acted now, or null.</param>
public sealed record ReplayStepReport(int Index, string? Channel, string? Locator, bool Healed, Point? RecordedPoint, Point? ReplayedPoint)
{
    /// <summary>The screen once the step settled (a file of <see cref="ReplayOptions.EvidenceFolder"/>), or null.</summary>
    public string? After { get; init; }

    /// <summary>How long the step took, from planning it to its postcondition.</summary>
    public TimeSpan Elapsed { get; init; }
}
