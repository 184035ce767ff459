namespace Dispatch.Engine.Recipes;

/// <summary>What a recipe step does; the YAML key that names it is in each member's summary.</summary>
public enum RecipeStepKind
{
    /// <summary><c>launch: program</c> with <c>args:</c>: starts a program (never through a shell) and waits for its window.</summary>
    Launch,

    /// <summary><c>wait_window: title</c>: waits until a visible window's title contains the text.</summary>
    WaitWindow,

    /// <summary><c>wait_for: locator</c>: waits until the locator matches.</summary>
    WaitFor,

    /// <summary><c>click: locator</c>.</summary>
    Click,

    /// <summary><c>double_click: locator</c>.</summary>
    DoubleClick,

    /// <summary><c>right_click: locator</c>.</summary>
    RightClick,

    /// <summary><c>type: text</c>, into the element <c>on:</c> finds (clicked first) or wherever the focus is.</summary>
    Type,

    /// <summary><c>key: chord</c> (xdotool names), to the element <c>on:</c> finds (clicked first) or wherever the focus is.</summary>
    Key,

    /// <summary><c>scroll: locator</c> with <c>direction:</c> and <c>amount:</c>.</summary>
    Scroll,

    /// <summary><c>set_text: locator</c> with <c>text:</c>: replaces an accessible field's text.</summary>
    SetText,

    /// <summary><c>read: locator</c> with <c>into: variable</c>: keeps the element's text for later steps as <c>{variable}</c>.</summary>
    Read,

    /// <summary><c>assert: locator</c>, optionally with <c>equals:</c> or <c>contains:</c> for its text.</summary>
    Assert,

    /// <summary><c>assert_text: text</c> (usually <c>{variable}</c>) with <c>equals:</c> or <c>contains:</c>.</summary>
    AssertText,

    /// <summary><c>wait_stable: quiet period</c>: waits until the screen has not changed for that long.</summary>
    WaitStable,

    /// <summary><c>screenshot: path</c>: saves the screen as PNG.</summary>
    Screenshot,
}
