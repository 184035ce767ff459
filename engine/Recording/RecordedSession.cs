using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Recording;

/// <summary>
/// A session folder's <c>session.json</c>: the format version and the environment the steps were recorded in, so a
/// replay can tell what differs (screen size, the windows that were open).
/// </summary>
/// <param name="Version">The folder's format; this is <see cref="CurrentVersion"/>.</param>
/// <param name="Display">The display recorded.</param>
/// <param name="Screen">The screen's size.</param>
/// <param name="Started">When recording began.</param>
/// <param name="Ended">When it stopped.</param>
/// <param name="Windows">The top-level windows open when it began ("title (class)").</param>
/// <param name="Steps">How many steps <c>steps.jsonl</c> holds.</param>
public sealed record RecordedSession(int Version, string Display, Size Screen, DateTimeOffset Started, DateTimeOffset? Ended,
    IReadOnlyList<string> Windows, int Steps)
{
    /// <summary>The format this engine writes.</summary>
    public const int CurrentVersion = 1;
}
