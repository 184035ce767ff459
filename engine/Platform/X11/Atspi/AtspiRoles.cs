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
}
