using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Platform.X11.Atspi;

internal sealed partial class AtspiAccessibility
{
    public async Task<UiNode?> ElementAtAsync(Point point, int processId, CancellationToken cancellationToken = default)
    {
        var apps = await ApplicationsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var app in apps.Where(a => a.ProcessId == processId))
        {
            using var reader = new AtspiTreeReader(_bus, app, WalkLimits.Default, cancellationToken);
            var windows = reader.ChildrenOfAsync(app.Root);
            var name = NameOrNullAsync(app, app.Root, cancellationToken);
            var read = await Task.WhenAll((await windows.ConfigureAwait(false)).Select(reader.ReadElementAsync)).ConfigureAwait(false);
            var application = await name.ConfigureAwait(false) ?? "";
            cancellationToken.ThrowIfCancellationRequested();
            reader.ThrowIfFailed();
            for (var i = 0; i < read.Length; i++)
            {
                if (read[i] is not { } window || !window.States.HasFlag(UiStates.Visible))
                {
                    continue;
                }
                var path = new UiPath(processId, [i]);
                var offset = AtspiWindowPlacement.Of(_windows, window.ToNode(path, application, default)).Children;
                var local = point.Offset(-offset.X, -offset.Y);
                if (window.Extents is { } bounds && bounds.Contains(local))
                {
                    var (deepest, deepestPath) = await DeepestAsync(reader, window.Reference, path, local).ConfigureAwait(false);
                    var element = deepest == window.Reference ? window : await reader.ReadElementAsync(deepest).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    reader.ThrowIfFailed();
                    return (element ?? new AtspiElement(deepest)).ToNode(deepestPath, application, offset);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Descends to the deepest showing child containing the point (by extents, which is what the toolkit hit-tests on
    /// too), the topmost (last) child first; each level's children are asked all at once.
    /// </summary>
    private static async Task<(AtspiObject Element, UiPath Path)> DeepestAsync(AtspiTreeReader reader, AtspiObject element, UiPath path, Point point)
    {
        while (true)
        {
            var children = await reader.ChildrenOfAsync(element).ConfigureAwait(false);
            var hits = await Task.WhenAll(children.Select(reader.HitInfoAsync)).ConfigureAwait(false);
            var index = Array.FindLastIndex(hits, h => h.States.HasFlag(UiStates.Visible) && h.Extents is { } bounds && bounds.Contains(point));
            if (index < 0)
            {
                return (element, path);
            }
            (element, path) = (children[index], path.Child(index));
        }
    }
}
