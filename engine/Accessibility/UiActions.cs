namespace Dispatch.Engine.Accessibility;

/// <summary>
/// What can be done to an element, as verbs that hold on every platform. The backend derives them from its own action
/// names (AT-SPI's <c>click</c>, <c>press</c>, <c>toggle</c>…), which <see cref="UiNode.Actions"/> keeps as data.
/// </summary>
[Flags]
public enum UiActions
{
    /// <summary>Nothing can be done to it.</summary>
    None = 0,
    /// <summary>It can be pressed or activated (a button, a link, a menu item).</summary>
    Invoke = 1 << 0,
    /// <summary>It can be switched on and off (a check box, a toggle, a radio button).</summary>
    Toggle = 1 << 1,
    /// <summary>It can be opened or expanded (a combo box, a menu, a tree item).</summary>
    Expand = 1 << 2,
    /// <summary>Its text or value can be set (an editable field).</summary>
    SetValue = 1 << 3,
    /// <summary>It can take the keyboard focus.</summary>
    Focus = 1 << 4,
    /// <summary>It can be selected within its parent (a list item, a tab, a row).</summary>
    Select = 1 << 5,
}
