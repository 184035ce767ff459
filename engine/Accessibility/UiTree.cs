namespace Dispatch.Engine.Accessibility;

/// <summary>The result of an accessibility walk.</summary>
/// <param name="Root">The scope's root element (the desktop, an application or a window).</param>
/// <param name="NodeCount">How many elements were read.</param>
/// <param name="IsPartial">True when a limit stopped the walk: some elements are missing.</param>
/// <param name="PartialReason">Which limit stopped it (or which elements vanished while it ran); null when complete.</param>
/// <param name="Elapsed">How long the walk took.</param>
public sealed record UiTree(UiNode Root, int NodeCount, bool IsPartial, string? PartialReason, TimeSpan Elapsed)
{
    /// <summary>Every element of the tree, depth first.</summary>
    public IEnumerable<UiNode> Nodes => Root.DescendantsAndSelf();
}
