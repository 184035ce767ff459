namespace Dispatch.Engine.Locators;

/// <summary>How a window's title must match a <see cref="WindowCondition"/>.</summary>
public enum TitleMatch
{
    /// <summary>The exact title if a window has it, else the one title containing the text (<c>in window "…"</c>).</summary>
    ExactElseContains,

    /// <summary>The whole title (<c>in window = "…"</c>).</summary>
    Exact,

    /// <summary>A title containing the text (<c>in window ~= "…"</c>).</summary>
    Contains,
}
