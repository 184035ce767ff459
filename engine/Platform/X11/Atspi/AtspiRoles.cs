using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>
/// AT-SPI role numbers and the names libatspi gives them (<c>atspi_role_get_name</c>: the AtspiRole enum's nick with
/// dashes as spaces), so role names read the same as they did through libatspi ("push button", "desktop frame"), and
/// the one place AT-SPI roles become <see cref="UiRole"/>s.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class AtspiRoles
{
    /// <summary>ATSPI_ROLE_EXTENDED: the toolkit names the role itself (GetRoleName).</summary>
    public const uint Extended = 70;

    // Indexed by AtspiRole (at-spi2-core atspi-constants.h); 'switch' is 2.50's addition.
    private static readonly string[] s_names =
    [
        "invalid", "accelerator label", "alert", "animation", "arrow", "calendar", "canvas", "check box", "check menu item",
        "color chooser", "column header", "combo box", "date editor", "desktop icon", "desktop frame", "dial", "dialog",
        "directory pane", "drawing area", "file chooser", "filler", "focus traversable", "font chooser", "frame", "glass pane",
        "html container", "icon", "image", "internal frame", "label", "layered pane", "list", "list item", "menu", "menu bar",
        "menu item", "option pane", "page tab", "page tab list", "panel", "password text", "popup menu", "progress bar",
        "push button", "radio button", "radio menu item", "root pane", "row header", "scroll bar", "scroll pane", "separator",
        "slider", "spin button", "split pane", "status bar", "table", "table cell", "table column header", "table row header",
        "tearoff menu item", "terminal", "text", "toggle button", "tool bar", "tool tip", "tree", "tree table", "unknown",
        "viewport", "window", "extended", "header", "footer", "paragraph", "ruler", "application", "autocomplete", "editbar",
        "embedded", "entry", "chart", "caption", "document frame", "heading", "page", "section", "redundant object", "form",
        "link", "input method window", "table row", "tree item", "document spreadsheet", "document presentation",
        "document text", "document web", "document email", "comment", "list box", "grouping", "image map", "notification",
        "info bar", "level bar", "title bar", "block quote", "audio", "video", "definition", "article", "landmark", "log",
        "marquee", "math", "rating", "timer", "static", "math fraction", "math root", "subscript", "superscript",
        "description list", "description term", "description value", "footnote", "content deletion", "content insertion",
        "mark", "suggestion", "push button menu", "switch",
    ];

    /// <summary>The role's name, or null when the toolkit must be asked (an extended or unknown number).</summary>
    public static string? NameOf(uint role) => role < s_names.Length && role != Extended ? s_names[role] : null;

    private static readonly Dictionary<string, UiRole> s_neutral = new(StringComparer.Ordinal)
    {
        ["push button"] = UiRole.Button, ["push button menu"] = UiRole.Button, ["toggle button"] = UiRole.Toggle, ["switch"] = UiRole.Toggle,
        ["check box"] = UiRole.CheckBox, ["radio button"] = UiRole.Radio, ["password text"] = UiRole.Password,
        ["combo box"] = UiRole.ComboBox, ["list"] = UiRole.List, ["list box"] = UiRole.List, ["list item"] = UiRole.ListItem,
        ["menu"] = UiRole.Menu, ["popup menu"] = UiRole.Menu, ["menu item"] = UiRole.MenuItem, ["check menu item"] = UiRole.MenuItem,
        ["radio menu item"] = UiRole.MenuItem, ["tearoff menu item"] = UiRole.MenuItem, ["menu bar"] = UiRole.MenuBar,
        ["page tab"] = UiRole.Tab, ["page tab list"] = UiRole.TabList, ["table"] = UiRole.Table, ["tree table"] = UiRole.Table,
        ["table cell"] = UiRole.Cell, ["table row"] = UiRole.Row, ["column header"] = UiRole.ColumnHeader,
        ["table column header"] = UiRole.ColumnHeader, ["row header"] = UiRole.RowHeader, ["table row header"] = UiRole.RowHeader,
        ["link"] = UiRole.Link, ["dialog"] = UiRole.Dialog, ["alert"] = UiRole.Dialog, ["file chooser"] = UiRole.Dialog,
        ["color chooser"] = UiRole.Dialog, ["font chooser"] = UiRole.Dialog, ["window"] = UiRole.Window, ["frame"] = UiRole.Frame,
        ["internal frame"] = UiRole.Frame, ["label"] = UiRole.Label, ["static"] = UiRole.Label, ["caption"] = UiRole.Label,
        ["accelerator label"] = UiRole.Label, ["image"] = UiRole.Image, ["icon"] = UiRole.Image, ["desktop icon"] = UiRole.Image,
        ["animation"] = UiRole.Image, ["slider"] = UiRole.Slider, ["dial"] = UiRole.Slider, ["spin button"] = UiRole.SpinButton,
        ["scroll bar"] = UiRole.ScrollBar, ["progress bar"] = UiRole.ProgressBar, ["level bar"] = UiRole.ProgressBar,
        ["tree"] = UiRole.Tree, ["tree item"] = UiRole.TreeItem, ["tool bar"] = UiRole.ToolBar, ["status bar"] = UiRole.StatusBar,
        ["panel"] = UiRole.Panel, ["filler"] = UiRole.Panel, ["section"] = UiRole.Panel, ["grouping"] = UiRole.Panel,
        ["scroll pane"] = UiRole.ScrollPane, ["viewport"] = UiRole.ScrollPane, ["split pane"] = UiRole.Panel, ["layered pane"] = UiRole.Panel,
        ["root pane"] = UiRole.Panel, ["glass pane"] = UiRole.Panel, ["option pane"] = UiRole.Panel, ["info bar"] = UiRole.Panel,
        ["document frame"] = UiRole.Document, ["document web"] = UiRole.Document, ["document text"] = UiRole.Document,
        ["document spreadsheet"] = UiRole.Document, ["document presentation"] = UiRole.Document, ["document email"] = UiRole.Document,
        ["heading"] = UiRole.Heading, ["paragraph"] = UiRole.Paragraph, ["separator"] = UiRole.Separator,
        ["terminal"] = UiRole.Terminal, ["form"] = UiRole.Form, ["application"] = UiRole.Application, ["desktop frame"] = UiRole.Desktop,
    };

    /// <summary>
    /// The neutral role of an element AT-SPI calls <paramref name="role"/>. AT-SPI's <c>text</c> and <c>entry</c> serve
    /// both fields and read-only text, so the states decide: editable and not multi-line is an <see cref="UiRole.Entry"/>.
    /// </summary>
    public static UiRole ToUiRole(string role, UiStates states) => role switch
    {
        "text" or "entry" or "autocomplete" => states.HasFlag(UiStates.Editable) && !states.HasFlag(UiStates.MultiLine) ? UiRole.Entry : UiRole.Text,
        _ => s_neutral.GetValueOrDefault(role, UiRole.Unknown),
    };

    /// <summary>
    /// The verbs an element offers, from its AT-SPI action names, role and states: a press on a check box toggles it,
    /// a press on a combo box opens it.
    /// </summary>
    public static UiActions VerbsOf(UiRole role, IReadOnlyList<string> actions, UiStates states)
    {
        var verbs = UiActions.None;
        foreach (var action in actions)
        {
            verbs |= action.ToLowerInvariant() switch
            {
                "toggle" => UiActions.Toggle,
                "expand or contract" or "expand" or "collapse" or "open" or "showmenu" => UiActions.Expand,
                "click" or "press" or "activate" or "jump" or "invoke" => role switch
                {
                    UiRole.CheckBox or UiRole.Toggle or UiRole.Radio => UiActions.Toggle,
                    UiRole.ComboBox or UiRole.Menu => UiActions.Expand,
                    _ => UiActions.Invoke,
                },
                _ => UiActions.None,
            };
        }
        if (states.HasFlag(UiStates.Editable) && !states.HasFlag(UiStates.ReadOnly))
        {
            verbs |= UiActions.SetValue;
        }
        if (states.HasFlag(UiStates.Focusable))
        {
            verbs |= UiActions.Focus;
        }
        if (states.HasFlag(UiStates.Selectable))
        {
            verbs |= UiActions.Select;
        }
        return verbs;
    }

    // Indexed by AtspiStateType (at-spi2-core atspi-constants.h); 0 is ATSPI_STATE_INVALID.
    private static readonly UiStates[] s_states =
    [
        UiStates.None, UiStates.Active, UiStates.Armed, UiStates.Busy, UiStates.Checked, UiStates.Collapsed, UiStates.Defunct,
        UiStates.Editable, UiStates.Enabled, UiStates.Expandable, UiStates.Expanded, UiStates.Focusable, UiStates.Focused,
        UiStates.HasTooltip, UiStates.Horizontal, UiStates.Iconified, UiStates.Modal, UiStates.MultiLine, UiStates.Multiselectable,
        UiStates.Opaque, UiStates.Pressed, UiStates.Resizable, UiStates.Selectable, UiStates.Selected, UiStates.Sensitive,
        UiStates.Showing, UiStates.SingleLine, UiStates.Stale, UiStates.Transient, UiStates.Vertical, UiStates.Visible,
        UiStates.ManagesDescendants, UiStates.Indeterminate, UiStates.Required, UiStates.Truncated, UiStates.Animated,
        UiStates.InvalidEntry, UiStates.SupportsAutocompletion, UiStates.SelectableText, UiStates.IsDefault, UiStates.Visited,
        UiStates.Checkable, UiStates.HasPopup, UiStates.ReadOnly,
    ];

    /// <summary>Our states for AT-SPI's state bits (bit n is AtspiStateType n); bits beyond those known are left out.</summary>
    public static UiStates ToUiStates(ulong bits)
    {
        var states = UiStates.None;
        for (var n = 1; n < s_states.Length; n++)
        {
            if ((bits & (1UL << n)) != 0)
            {
                states |= s_states[n];
            }
        }
        return states;
    }
}
