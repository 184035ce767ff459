namespace Dispatch.Engine.Actions;

/// <summary>How a step ended. Written to the journal as a stable word (see <see cref="Journal.JournalWords"/>).</summary>
public enum StepOutcome
{
    /// <summary>It ran and the screen changed.</summary>
    Changed,

    /// <summary>It ran and nothing on screen changed: a suspected no-op.</summary>
    NoVisibleChange,

    /// <summary>It only observed (screenshot, zoom, wait, cursor position).</summary>
    Observed,

    /// <summary>It was not carried out: denied, timed out, dry run, or left over from a batch that ended.</summary>
    NotExecuted,

    /// <summary>Its locator found nothing.</summary>
    NotFound,

    /// <summary>Its element was found but is not visible, enabled or on top.</summary>
    NotActionable,

    /// <summary>A point or region lies off the screen.</summary>
    OffScreen,

    /// <summary>The application or window it acted on went away.</summary>
    AppVanished,

    /// <summary>The display refused a request or went away.</summary>
    DisplayError,

    /// <summary>The action itself is malformed (an unknown key name, text that cannot be typed, a missing field).</summary>
    InvalidAction,

    /// <summary>Stopped part-way: cancelled, the emergency stop, or the time budget.</summary>
    Interrupted,

    /// <summary>Any other failure; the detail says what.</summary>
    Failed,

    /// <summary>Its locator matched several elements and said neither which (<c>#n</c>) nor <c>first</c>; the detail lists them.</summary>
    Ambiguous,
}
