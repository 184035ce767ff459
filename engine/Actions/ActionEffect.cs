namespace Dispatch.Engine.Actions;

/// <summary>What executing an action visibly did.</summary>
public enum ActionEffect
{
    /// <summary>The screen changed after it.</summary>
    Changed,

    /// <summary>Nothing on screen changed: a suspected no-op (a click that missed, a key nobody heard).</summary>
    NoVisibleChange,

    /// <summary>It only observed (screenshot, zoom, wait, cursor position).</summary>
    Observed,

    /// <summary>It was not carried out (denied, dry run).</summary>
    NotExecuted,
}
