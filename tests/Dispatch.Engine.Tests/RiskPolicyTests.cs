using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class RiskPolicyTests
{
    private static readonly RiskPolicy s_policy = new();

    private static UiNode Node(UiRole role, string name) =>
        new(role, UiRoleNames.NameOf(role), name, "", UiStates.Enabled | UiStates.Visible, new Rect(10, 10, 80, 30), null, ["click"], new UiPath(1, [0]), "app", []);

    private static WindowInfo Window(string title) => new(0x1200007, title, "App", "app", 42, new Rect(0, 0, 800, 600), true, true);

    private static ComputerAction Click => new(ActionKind.LeftClick) { Coordinate = new Point(50, 25) };

    [TestMethod]
    [DataRow("Send")]
    [DataRow("Delete")]
    [DataRow("Empty Trash")]
    [DataRow("Pay now")]
    [DataRow("Sign out")]
    [DataRow("Send Send")]
    public void Classify_ClickOnADangerousButton_IsIrreversible(string name)
    {
        var result = s_policy.Classify(Click, new ActionTarget { Element = Node(UiRole.Button, name), Window = Window("New message — Mail") });
        Assert.AreEqual(RiskLevel.Irreversible, result.Level, result.Reason);
        StringAssert.StartsWith(result.Sentence, "Click '");
        StringAssert.Contains(result.Sentence, "in 'New message — Mail'");
    }

    [TestMethod]
    [DataRow("Cancel")]
    [DataRow("Sender")]
    [DataRow("Resend code preferences")]
    public void Classify_ClickOnAHarmlessButton_IsHarmless(string name) =>
        Assert.AreEqual(RiskLevel.Harmless, s_policy.Classify(Click, new ActionTarget { Element = Node(UiRole.Button, name) }).Level);

    [TestMethod]
    public void Classify_YesInADialogAboutDeleting_IsIrreversible_ButYesElsewhereIsNot()
    {
        var yes = new ActionTarget { Element = Node(UiRole.Button, "Yes"), WindowText = "Permanently delete 3 files?", IsDialog = true };
        var result = s_policy.Classify(Click, yes);
        Assert.AreEqual(RiskLevel.Irreversible, result.Level);
        StringAssert.Contains(result.Reason, "delete");
        Assert.AreEqual(RiskLevel.Harmless, s_policy.Classify(Click, yes with { WindowText = "Show hidden files?" }).Level);
    }

    [TestMethod]
    public void Classify_OcrTextAtTheClickPoint_CountsForAppsWithoutAccessibility() =>
        Assert.AreEqual(RiskLevel.Irreversible, s_policy.Classify(Click, new ActionTarget { TextAtPoint = "Submit" }).Level);

    [TestMethod]
    public void Classify_ReturnOnAFocusedSendButton_IsIrreversible_AndTypingIntoAFieldIsNot()
    {
        var focusedSend = new ActionTarget { Focused = Node(UiRole.Button, "Send") };
        Assert.AreEqual(RiskLevel.Irreversible, s_policy.Classify(new ComputerAction(ActionKind.Key) { Text = "ctrl+Return" }, focusedSend).Level);
        var field = new ActionTarget { Focused = Node(UiRole.Entry, "Subject") with { States = UiStates.Enabled | UiStates.Editable | UiStates.SingleLine } };
        Assert.AreEqual(RiskLevel.Harmless, s_policy.Classify(new ComputerAction(ActionKind.Type) { Text = "Hello" }, field).Level);
    }

    [TestMethod]
    public void Classify_TypingIntoAPasswordField_IsIrreversibleSecretAndTheSentenceHidesIt()
    {
        var result = s_policy.Classify(new ComputerAction(ActionKind.Type) { Text = "hunter2" }, new ActionTarget { Focused = Node(UiRole.Password, "") });
        Assert.AreEqual(RiskLevel.Irreversible, result.Level);
        Assert.IsTrue(result.IsSecret);
        Assert.DoesNotContain("hunter2", result.Sentence);
    }

    [TestMethod]
    public void Classify_AValueMarkedSecret_IsRedactedFromTheSentenceButNotHeldForThatAlone()
    {
        var result = s_policy.Classify(new ComputerAction(ActionKind.Type) { Text = "IBAN DE89 3704" }, new ActionTarget { Focused = Node(UiRole.Entry, "Account") with { States = UiStates.Editable } },
            markedSecret: true);
        Assert.IsTrue(result.IsSecret);
        Assert.AreEqual(RiskLevel.Harmless, result.Level);
        Assert.DoesNotContain("DE89", result.Sentence);
    }

    [TestMethod]
    public void Classify_APlannerMayRaiseButNeverLower()
    {
        var cancel = new ActionTarget { Element = Node(UiRole.Button, "Cancel") };
        Assert.AreEqual(RiskLevel.Irreversible, s_policy.Classify(Click, cancel, RiskLevel.Irreversible).Level);
        var send = new ActionTarget { Element = Node(UiRole.Button, "Send") };
        Assert.AreEqual(RiskLevel.Irreversible, s_policy.Classify(Click, send, RiskLevel.Harmless).Level);
    }

    [TestMethod]
    public void Classify_DenyAndAllowLists_DecideBeforeNames()
    {
        var policy = new RiskPolicy(new RiskRules { DenyWindows = ["Bank"], AllowApplications = ["mousepad"] });
        Assert.AreEqual(RiskLevel.Irreversible, policy.Classify(Click, new ActionTarget { Element = Node(UiRole.Button, "Next"), Window = Window("My Bank — Transfers") }).Level);
        Assert.AreEqual(RiskLevel.Harmless, policy.Classify(Click, new ActionTarget { Element = Node(UiRole.Button, "Delete"), Application = "mousepad" }).Level);
    }

    [TestMethod]
    public void Classify_Screenshots_AreHarmless() =>
        Assert.AreEqual(RiskLevel.Harmless, s_policy.Classify(new ComputerAction(ActionKind.Screenshot), new ActionTarget { Element = Node(UiRole.Button, "Delete") }).Level);
}
