using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Platform.X11.Atspi;

namespace Dispatch.Engine.Tests.Platform;

/// <summary>AT-SPI's vocabulary becomes the neutral one in one place: roles (with the states that tell a field from text), states and verbs.</summary>
[TestClass]
[SupportedOSPlatform("linux")]
public sealed class AtspiRolesTests
{
    [TestMethod]
    [DataRow("push button", UiStates.None, UiRole.Button)]
    [DataRow("push button menu", UiStates.None, UiRole.Button)]
    [DataRow("toggle button", UiStates.None, UiRole.Toggle)]
    [DataRow("switch", UiStates.None, UiRole.Toggle)]
    [DataRow("password text", UiStates.Editable, UiRole.Password)]
    [DataRow("text", UiStates.Editable | UiStates.SingleLine, UiRole.Entry)]
    [DataRow("entry", UiStates.Editable, UiRole.Entry)]
    [DataRow("text", UiStates.Editable | UiStates.MultiLine, UiRole.Text)]
    [DataRow("text", UiStates.None, UiRole.Text)]
    [DataRow("alert", UiStates.None, UiRole.Dialog)]
    [DataRow("file chooser", UiStates.None, UiRole.Dialog)]
    [DataRow("check menu item", UiStates.None, UiRole.MenuItem)]
    [DataRow("page tab", UiStates.None, UiRole.Tab)]
    [DataRow("table cell", UiStates.None, UiRole.Cell)]
    [DataRow("document web", UiStates.None, UiRole.Document)]
    [DataRow("viewport", UiStates.None, UiRole.ScrollPane)]
    [DataRow("rating", UiStates.None, UiRole.Unknown)]
    public void ToUiRole_AnAtspiRole_GivesItsNeutralRole(string role, UiStates states, UiRole expected) =>
        Assert.AreEqual(expected, AtspiRoles.ToUiRole(role, states));

    [TestMethod]
    public void ToUiRole_RolesAPersonOperates_AreNeverUnknown()
    {
        // Roles a person operates must never fall through to Unknown: the policy and the locators would not see them.
        var operable = new[] { "push button", "toggle button", "check box", "radio button", "menu item", "link", "combo box", "spin button", "slider", "list item", "tree item", "page tab", "entry" };
        Assert.IsTrue(operable.All(r => AtspiRoles.ToUiRole(r, UiStates.Editable) != UiRole.Unknown));
    }

    [TestMethod]
    public void ToUiStates_AtspiBits_BecomeOurFlagsByName()
    {
        // ATSPI_STATE_ENABLED = 8, FOCUSED = 12, SHOWING = 25, VISIBLE = 30, READ_ONLY = 43; bit 0 (INVALID) and unknown bits drop.
        var bits = (1UL << 0) | (1UL << 8) | (1UL << 12) | (1UL << 25) | (1UL << 30) | (1UL << 43) | (1UL << 60);
        Assert.AreEqual(UiStates.Enabled | UiStates.Focused | UiStates.Showing | UiStates.Visible | UiStates.ReadOnly, AtspiRoles.ToUiStates(bits));
    }

    [TestMethod]
    public void VerbsOf_ThePlatformsActionNames_BecomeVerbsByWhatTheElementIs()
    {
        Assert.AreEqual(UiActions.Invoke | UiActions.Focus, AtspiRoles.VerbsOf(UiRole.Button, ["click"], UiStates.Focusable));
        Assert.AreEqual(UiActions.Toggle, AtspiRoles.VerbsOf(UiRole.CheckBox, ["click"], UiStates.None));
        Assert.AreEqual(UiActions.Expand, AtspiRoles.VerbsOf(UiRole.ComboBox, ["press"], UiStates.None));
        Assert.AreEqual(UiActions.SetValue | UiActions.Focus, AtspiRoles.VerbsOf(UiRole.Entry, [], UiStates.Editable | UiStates.Focusable));
        Assert.AreEqual(UiActions.Focus, AtspiRoles.VerbsOf(UiRole.Entry, [], UiStates.Editable | UiStates.ReadOnly | UiStates.Focusable));
        Assert.AreEqual(UiActions.Invoke | UiActions.Select, AtspiRoles.VerbsOf(UiRole.ListItem, ["activate"], UiStates.Selectable));
    }
}
