namespace Dispatch.Engine.Accessibility;

/// <summary>
/// States an element can be in, as accessibility APIs report them. The flags are Dispatch's own: each backend maps its
/// platform's states onto them in one place (AT-SPI's state numbers in the X11 backend, UI Automation properties in the
/// Windows one). Names follow AT-SPI's, the richest set; <c>state=</c> in a locator takes them in lower case.
/// </summary>
[Flags]
#pragma warning disable CA1711 // "States" is the domain word here.
public enum UiStates : long
#pragma warning restore CA1711
{
    /// <summary>No state.</summary>
    None = 0,
    /// <summary>The Active state.</summary>
    Active = 1L << 1,
    /// <summary>The Armed state.</summary>
    Armed = 1L << 2,
    /// <summary>The Busy state.</summary>
    Busy = 1L << 3,
    /// <summary>The Checked state.</summary>
    Checked = 1L << 4,
    /// <summary>The Collapsed state.</summary>
    Collapsed = 1L << 5,
    /// <summary>The Defunct state.</summary>
    Defunct = 1L << 6,
    /// <summary>The Editable state.</summary>
    Editable = 1L << 7,
    /// <summary>The Enabled state.</summary>
    Enabled = 1L << 8,
    /// <summary>The Expandable state.</summary>
    Expandable = 1L << 9,
    /// <summary>The Expanded state.</summary>
    Expanded = 1L << 10,
    /// <summary>The Focusable state.</summary>
    Focusable = 1L << 11,
    /// <summary>The Focused state.</summary>
    Focused = 1L << 12,
    /// <summary>The HasTooltip state.</summary>
    HasTooltip = 1L << 13,
    /// <summary>The Horizontal state.</summary>
    Horizontal = 1L << 14,
    /// <summary>The Iconified state.</summary>
    Iconified = 1L << 15,
    /// <summary>The Modal state.</summary>
    Modal = 1L << 16,
    /// <summary>The MultiLine state.</summary>
    MultiLine = 1L << 17,
    /// <summary>The Multiselectable state.</summary>
    Multiselectable = 1L << 18,
    /// <summary>The Opaque state.</summary>
    Opaque = 1L << 19,
    /// <summary>The Pressed state.</summary>
    Pressed = 1L << 20,
    /// <summary>The Resizable state.</summary>
    Resizable = 1L << 21,
    /// <summary>The Selectable state.</summary>
    Selectable = 1L << 22,
    /// <summary>The Selected state.</summary>
    Selected = 1L << 23,
    /// <summary>The Sensitive state.</summary>
    Sensitive = 1L << 24,
    /// <summary>The Showing state.</summary>
    Showing = 1L << 25,
    /// <summary>The SingleLine state.</summary>
    SingleLine = 1L << 26,
    /// <summary>The Stale state.</summary>
    Stale = 1L << 27,
    /// <summary>The Transient state.</summary>
    Transient = 1L << 28,
    /// <summary>The Vertical state.</summary>
    Vertical = 1L << 29,
    /// <summary>The Visible state.</summary>
    Visible = 1L << 30,
    /// <summary>The ManagesDescendants state.</summary>
    ManagesDescendants = 1L << 31,
    /// <summary>The Indeterminate state.</summary>
    Indeterminate = 1L << 32,
    /// <summary>The Required state.</summary>
    Required = 1L << 33,
    /// <summary>The Truncated state.</summary>
    Truncated = 1L << 34,
    /// <summary>The Animated state.</summary>
    Animated = 1L << 35,
    /// <summary>The InvalidEntry state.</summary>
    InvalidEntry = 1L << 36,
    /// <summary>The SupportsAutocompletion state.</summary>
    SupportsAutocompletion = 1L << 37,
    /// <summary>The SelectableText state.</summary>
    SelectableText = 1L << 38,
    /// <summary>The IsDefault state.</summary>
    IsDefault = 1L << 39,
    /// <summary>The Visited state.</summary>
    Visited = 1L << 40,
    /// <summary>The Checkable state.</summary>
    Checkable = 1L << 41,
    /// <summary>The HasPopup state.</summary>
    HasPopup = 1L << 42,
    /// <summary>The ReadOnly state.</summary>
    ReadOnly = 1L << 43,
}
