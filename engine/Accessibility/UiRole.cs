namespace Dispatch.Engine.Accessibility;

/// <summary>
/// What an element is, in words that hold on every platform. Each backend maps its own roles onto these in one place
/// (AT-SPI's in the X11 backend) and keeps its own name on <see cref="UiNode.BackendRole"/>. Locators name them in lower
/// case with spaces (<c>role=button</c>, <c>role="check box"</c>); see <see cref="UiRoleNames"/>.
/// </summary>
public enum UiRole
{
    /// <summary>A role the backend did not say or that has no neutral counterpart; <see cref="UiNode.BackendRole"/> tells more.</summary>
    Unknown,
    /// <summary>A push button (also a button that opens a menu).</summary>
    Button,
    /// <summary>A button that stays pressed or released (a toggle button, a switch).</summary>
    Toggle,
    /// <summary>A check box.</summary>
    CheckBox,
    /// <summary>A radio button.</summary>
    Radio,
    /// <summary>A single-line text field a person can type into.</summary>
    Entry,
    /// <summary>A block of text: a multi-line editor, or text a person reads but cannot edit.</summary>
    Text,
    /// <summary>A text field whose content is hidden (a password).</summary>
    Password,
    /// <summary>A drop-down choice (combo box).</summary>
    ComboBox,
    /// <summary>A list.</summary>
    List,
    /// <summary>An item of a list.</summary>
    ListItem,
    /// <summary>A menu (also a pop-up menu).</summary>
    Menu,
    /// <summary>An item of a menu (also a check or radio menu item).</summary>
    MenuItem,
    /// <summary>A menu bar.</summary>
    MenuBar,
    /// <summary>A tab (page tab).</summary>
    Tab,
    /// <summary>A row of tabs.</summary>
    TabList,
    /// <summary>A table (also a tree table).</summary>
    Table,
    /// <summary>A cell of a table.</summary>
    Cell,
    /// <summary>A row of a table.</summary>
    Row,
    /// <summary>A column header (or a table header).</summary>
    ColumnHeader,
    /// <summary>A row header.</summary>
    RowHeader,
    /// <summary>A hyperlink.</summary>
    Link,
    /// <summary>A dialog (also an alert or a file chooser).</summary>
    Dialog,
    /// <summary>A top-level window without a frame of its own (a pop-up, a tooltip window).</summary>
    Window,
    /// <summary>An application's main window with its frame.</summary>
    Frame,
    /// <summary>Text that names or describes another element.</summary>
    Label,
    /// <summary>An image or icon.</summary>
    Image,
    /// <summary>A slider.</summary>
    Slider,
    /// <summary>A spin button.</summary>
    SpinButton,
    /// <summary>A scroll bar.</summary>
    ScrollBar,
    /// <summary>A progress bar (also a level bar).</summary>
    ProgressBar,
    /// <summary>A tree.</summary>
    Tree,
    /// <summary>An item of a tree.</summary>
    TreeItem,
    /// <summary>A tool bar.</summary>
    ToolBar,
    /// <summary>A status bar.</summary>
    StatusBar,
    /// <summary>A container grouping other elements (panel, filler, section, grouping).</summary>
    Panel,
    /// <summary>A scrolled view of something larger (scroll pane, viewport).</summary>
    ScrollPane,
    /// <summary>A document (a web page, a text document, a spreadsheet).</summary>
    Document,
    /// <summary>A heading.</summary>
    Heading,
    /// <summary>A paragraph.</summary>
    Paragraph,
    /// <summary>A separator.</summary>
    Separator,
    /// <summary>A terminal emulator's screen.</summary>
    Terminal,
    /// <summary>A form on a page.</summary>
    Form,
    /// <summary>An application (the root of its tree).</summary>
    Application,
    /// <summary>The desktop (the root of every application).</summary>
    Desktop,
}
