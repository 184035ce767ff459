namespace Dispatch.Engine.Accessibility;

/// <summary>Bounds on an accessibility walk, so an app exposing thousands of elements cannot stall it.</summary>
public sealed record WalkLimits
{
    /// <summary>Levels below the scope's root (default 40).</summary>
    public int MaxDepth { get; init; } = 40;

    /// <summary>Elements read at most (default 5000).</summary>
    public int MaxNodes { get; init; } = 5000;

    /// <summary>Time the walk may take (default 3 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Skip elements that are not showing, and their subtrees (default true: what a person can see).</summary>
    public bool ShowingOnly { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static WalkLimits Default { get; } = new();
}
