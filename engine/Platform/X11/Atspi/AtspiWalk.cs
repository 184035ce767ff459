using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>
/// One bounded walk over elements already read: chooses, depth first, the elements a snapshot keeps (the node, depth
/// and showing limits; what a limit or a hung application cut off), then builds the nodes, placing windows on screen.
/// Remembers why it stopped early.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class AtspiWalk(WalkLimits limits, TimeProvider time, IWindowManagerLookup windows)
{
    private readonly long _start = time.GetTimestamp();
    private readonly List<string> _failures = [];
    private int _count;
    private int _vanished;
    private string? _stopReason;
    private bool _depthCut;

    /// <summary>One chosen element: where it sits and which of its children were chosen.</summary>
    public sealed record Chosen(AtspiElement Element, UiPath Path, string Application, bool IsWindow, List<Chosen> Children);

    public bool Stopped => _stopReason is not null;

    /// <summary>Stops the walk at the time limit (the limit passed before every chosen element's properties arrived).</summary>
    public void StopAtTimeLimit() => _stopReason ??= TimeLimitReason;

    /// <summary>Notes an application that stopped answering; its elements read so far stay in the tree.</summary>
    public void Failed(string reason) => _failures.Add(reason);

    /// <summary>Chooses <paramref name="element"/> and, depth first, the elements below it that the limits allow.</summary>
    public async Task<Chosen> ChooseAsync(AtspiTreeReader reader, AtspiElement element, UiPath path, string application, int depth, bool isWindow)
    {
        _count++;
        var chosen = new Chosen(element, path, application, isWindow, []);
        if (Stopped)
        {
            return chosen;
        }
        if (_count >= limits.MaxNodes)
        {
            _stopReason = $"stopped at the limit of {limits.MaxNodes} elements";
            return chosen;
        }
        if (element.ChildCount == 0 || element.Children is { Length: 0 })
        {
            return chosen;
        }
        if (depth >= limits.MaxDepth)
        {
            _depthCut = true;
            return chosen;
        }
        if (element.Children is null && reader.StoppedAtNodeLimit && reader.Failure is null)
        {
            // Reading stopped when enough elements for the limit were read, level by level; the depth-first count
            // needs some below this one, as the node-by-node walk read them.
            await reader.ReadChildrenLateAsync(element).ConfigureAwait(false);
        }
        if (element.Children is not { } children)
        {
            if (reader.Failure is null)
            {
                // Not read before the reader stopped: the walk's limits, not the application, cut it here.
                _stopReason = reader.StoppedAtNodeLimit ? $"stopped at the limit of {limits.MaxNodes} elements" : TimeLimitReason;
            }
            return chosen;
        }
        for (var i = 0; i < children.Length && !Stopped; i++)
        {
            if (children[i] is not { } child)
            {
                _vanished++;
                continue;
            }
            if (limits.ShowingOnly && !child.IsShowing)
            {
                continue;
            }
            // An application's children are its top-level windows.
            chosen.Children.Add(await ChooseAsync(reader, child, path.Child(i), application, depth + 1, isWindow: path.Depth == 0 && element.Role != "desktop frame").ConfigureAwait(false));
        }
        return chosen;
    }

    /// <summary>The chosen elements as snapshot nodes; windows placed where the X server has them, their elements with them.</summary>
    public UiNode Build(Chosen chosen, Point offset = default)
    {
        var node = chosen.Element.ToNode(chosen.Path, chosen.Application, default);
        if (chosen.IsWindow)
        {
            var placement = AtspiWindowPlacement.Of(windows, node);
            node = node with { Bounds = placement.Bounds };
            offset = placement.Children;
        }
        else if (offset != default && node.Bounds is { } bounds)
        {
            node = node with { Bounds = bounds.Offset(offset.X, offset.Y) };
        }
        return chosen.Children.Count == 0 ? node : node with { Children = [.. chosen.Children.Select(c => Build(c, offset))] };
    }

    public UiTree Result(UiNode root)
    {
        var reasons = new List<string>();
        if (_stopReason is not null)
        {
            reasons.Add(_stopReason);
        }
        reasons.AddRange(_failures);
        if (_depthCut)
        {
            reasons.Add($"elements deeper than {limits.MaxDepth} levels were not read");
        }
        if (_vanished > 0)
        {
            reasons.Add($"{_vanished} element(s) vanished during the walk");
        }
        return new UiTree(root, _count, reasons.Count > 0, reasons.Count > 0 ? string.Join("; ", reasons) : null, time.GetElapsedTime(_start));
    }

    private string TimeLimitReason => $"stopped at the time limit of {limits.Timeout.TotalMilliseconds:0} ms";
}
