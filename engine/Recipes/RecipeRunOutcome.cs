namespace Dispatch.Engine.Recipes;

/// <summary>How a recipe run ended.</summary>
public enum RecipeRunOutcome
{
    /// <summary>Not ended yet.</summary>
    Running,

    /// <summary>Every step ran and every assertion held.</summary>
    Completed,

    /// <summary>A step was held by the gate and not approved (denied, timed out, nobody to ask, or the target changed).</summary>
    Held,

    /// <summary>A step failed: an element or window not found in time, an assertion that did not hold, an action that failed.</summary>
    Failed,
}
