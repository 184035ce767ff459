using Dispatch.Engine.Capture;

namespace Dispatch.Engine.Locators;

/// <summary>
/// Checks, just before a click, that an element is visible, enabled, on top (nothing covers it: for accessible
/// elements the accessible at its centre is it or inside it; for vision matches the pixels still match) and not
/// moving (its area is still for a moment).
/// </summary>
public sealed class ActionabilityChecker
{
    private readonly Desktop _desktop;

    /// <summary>Creates a checker over <paramref name="desktop"/>.</summary>
    public ActionabilityChecker(Desktop desktop) => _desktop = desktop ?? throw new ArgumentNullException(nameof(desktop));

    /// <summary>How long the element's area must stay unchanged to count as not moving.</summary>
    public TimeSpan StillFor { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Runs the checks in order and reports the first that fails.</summary>
    public async Task<ActionabilityReport> CheckAsync(ElementMatch match, ElementFinder finder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(finder);
        var screen = _desktop.Screen.Bounds;
        if (match.Bounds.IsEmpty || !screen.IntersectsWith(match.Bounds) || !screen.Contains(match.Bounds.Center))
        {
            return Fail("visible", $"{match.Description} at {match.Bounds} is off the screen {screen}");
        }
        if (match.Node is { } node)
        {
            if (!node.IsShowing)
            {
                return Fail("visible", $"{match.Description} is not showing (states: {node.States})");
            }
            if (!node.IsEnabled)
            {
                return Fail("enabled", $"{match.Description} is disabled (states: {node.States})");
            }
            var top = _desktop.Windows.WindowAt(match.Bounds.Center);
            if (top is not null && top.ProcessId != node.Path.ProcessId)
            {
                return Fail("on top", $"window \"{top.Title}\" of process {top.ProcessId} covers {match.Description}");
            }
            var hit = await _desktop.Accessibility.ElementAtAsync(match.Bounds.Center, node.Path.ProcessId, cancellationToken).ConfigureAwait(false);
            if (hit is null || !hit.Path.IsWithin(node.Path))
            {
                return Fail("on top", $"the element at {match.Bounds.Center} is {(hit is null ? "nothing accessible" : hit.ToString())}, not {match.Description}");
            }
        }
        else if (match.Channel is MatchChannel.Image or MatchChannel.Ocr or MatchChannel.Shape && match.FoundBy is { } locator)
        {
            // Vision matches carry no identity: find them again (without an index) and require the same place. A shape is
            // found only beside its anchor, so it keeps it.
            var again = await finder.FindAllAsync(locator with { Index = null, Anchor = match.Channel == MatchChannel.Shape ? locator.Anchor : null },
                cancellationToken).ConfigureAwait(false);
            if (!again.Matches.Any(m => m.Channel == match.Channel && m.Bounds.IntersectsWith(match.Bounds)))
            {
                return Fail("still there", $"{match.Description} is no longer at {match.Bounds}");
            }
        }
        var still = await _desktop.Watcher.WaitForStableAsync(match.Bounds.Intersect(screen), StillFor, StillFor * 10, cancellationToken).ConfigureAwait(false);
        if (still.Outcome != WaitOutcome.Stable)
        {
            return Fail("not moving", $"{match.Description} kept changing: {still}");
        }
        return new ActionabilityReport(true, null, $"{match.Description} is visible, enabled, on top and still");
    }

    private static ActionabilityReport Fail(string check, string detail) => new(false, check, detail);
}
