using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Actions;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine.Tests;

/// <summary>
/// When in doubt, ask: every input that can press a control, in a window that speaks of loss, is held unless its
/// target is known and clearly the safe choice — whatever the toolkit tells (or fails to tell) about it.
/// </summary>
[TestClass]
public sealed class RiskPolicyFailClosedTests
{
    private static readonly RiskPolicy s_policy = new();
    private static readonly WindowInfo s_dialog = new(0x2400003, "Question", "Zenity", "zenity", 77, new Rect(700, 400, 420, 160), true, true);

    private static UiNode Button(string name, UiStates extra = UiStates.None) =>
        new(UiRole.Button, "push button", name, "", UiStates.Enabled | UiStates.Visible | UiStates.Focusable | extra, new Rect(900, 500, 80, 30), null, ["click"],
            new UiPath(77, [0, 2]), "zenity", []);

    private static UiNode Field(UiStates lines) =>
        new(UiRole.Entry, "text", "", "", UiStates.Enabled | UiStates.Visible | UiStates.Editable | UiStates.Focused | lines, new Rect(720, 450, 380, 26), null, [],
            new UiPath(77, [0, 1]), "zenity", []);

    /// <summary>A dialog asking "Delete all invoices permanently?" whose focused element could not be read.</summary>
    private static ActionTarget DangerDialog => new()
    {
        Window = s_dialog,
        IsDialog = true,
        WindowText = "Question\nDelete all invoices permanently?",
        Point = new Point(940, 515),
    };

    private static ComputerAction Key(string keys) => new(ActionKind.Key) { Text = keys };

    private static RiskLevel Level(ComputerAction action, ActionTarget target) => s_policy.Classify(action, target).Level;

    [TestMethod]
    [DataRow("Return")]
    [DataRow("KP_Enter")]
    [DataRow("ISO_Enter")]
    [DataRow("enter")]
    [DataRow("kp_enter")]
    [DataRow("space")]
    [DataRow("KP_Space")]
    [DataRow("alt+d")]
    [DataRow("ctrl+Return")]
    [DataRow("Tab Return")]
    [DataRow("Right space")]
    public void Key_ThatCanActivate_InADialogAboutLoss_WithUnreadableFocus_IsHeld(string keys) =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key(keys), DangerDialog), keys);

    [TestMethod]
    public void HoldKey_Return_IsHeldLikeAPress() =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(new ComputerAction(ActionKind.HoldKey) { Text = "Return", Duration = 0.5 }, DangerDialog));

    [TestMethod]
    [DataRow("\n")]
    [DataRow("y\n")]
    [DataRow(" ")]
    [DataRow("y")]
    public void Type_NewlineSpaceOrLetters_IntoADialogWithoutATextField_IsHeld(string text) =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(new ComputerAction(ActionKind.Type) { Text = text }, DangerDialog), text.Replace("\n", "\\n", StringComparison.Ordinal));

    [TestMethod]
    [DataRow("Escape")]
    [DataRow("Tab")]
    [DataRow("shift+Tab")]
    [DataRow("Left")]
    public void Key_ThatOnlyMovesOrCancels_IsNotHeld(string keys) =>
        Assert.AreEqual(RiskLevel.Harmless, Level(Key(keys), DangerDialog), keys);

    [TestMethod]
    public void MouseDown_OnTheConfirmation_IsHeld_BecauseItsReleaseClicks() =>
        Assert.AreEqual(RiskLevel.Irreversible,
            Level(new ComputerAction(ActionKind.LeftMouseDown) { Coordinate = new Point(940, 515) }, DangerDialog with { Element = Button("Yes") }));

    [TestMethod]
    public void Drag_ShorterThanTheThreshold_IsAClick_ButALongDragIsNot()
    {
        var target = DangerDialog with { Element = Button("Yes") };
        var shortDrag = new ComputerAction(ActionKind.LeftClickDrag) { StartCoordinate = new Point(940, 515), Coordinate = new Point(943, 515) };
        Assert.AreEqual(RiskLevel.Irreversible, Level(shortDrag, target));
        Assert.AreEqual(RiskLevel.Harmless, Level(shortDrag with { Coordinate = new Point(1040, 515) }, target with { WindowText = "Move files" }));
    }

    [TestMethod]
    [DataRow("Yes")]
    [DataRow("OK")]
    [DataRow("Obliterate")]
    [DataRow("Proceed anyway")]
    [DataRow("")]
    public void Click_OnAnythingButTheSafeChoice_InADialogAboutLoss_IsHeld(string name) =>
        Assert.AreEqual(RiskLevel.Irreversible,
            Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) }, DangerDialog with { Element = Button(name) }), name);

    [TestMethod]
    public void Click_WhereNothingCanBeRead_InADialogAboutLoss_IsHeld_ButNotInAHarmlessDialog()
    {
        var click = new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) };
        Assert.AreEqual(RiskLevel.Irreversible, Level(click, DangerDialog));
        Assert.AreEqual(RiskLevel.Harmless, Level(click, DangerDialog with { WindowText = "Question\nShow hidden files?" }));
    }

    [TestMethod]
    [DataRow("No")]
    [DataRow("Cancel")]
    [DataRow("_Keep")]
    [DataRow("Close")]
    public void Click_OnTheSafeChoice_InADialogAboutLoss_IsNotHeld(string name) =>
        Assert.AreEqual(RiskLevel.Harmless,
            Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) }, DangerDialog with { Element = Button(name) }), name);

    [TestMethod]
    public void Click_OnASafeLookingOcrWord_ThatIsPartOfALongerLabel_IsHeld() =>
        Assert.AreEqual(RiskLevel.Irreversible,
            Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) }, DangerDialog with { TextAtPoint = "Close without saving" }));

    [TestMethod]
    public void Return_OnAFocusedSafeButton_IsNotHeld_ButTabThenReturnIs()
    {
        var noFocused = DangerDialog with { Focused = Button("No", UiStates.Focused) };
        Assert.AreEqual(RiskLevel.Harmless, Level(Key("Return"), noFocused));
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("Tab Return"), noFocused));
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("Return"), DangerDialog with { Focused = Button("Yes", UiStates.Focused) }));
    }

    [TestMethod]
    public void Mnemonic_OfTheSafeButton_IsNotHeld_ButOneThatMayPressAnotherIs()
    {
        var dialog = DangerDialog with { Controls = ["Yes", "No"] };
        Assert.AreEqual(RiskLevel.Harmless, Level(Key("alt+n"), dialog));
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("alt+y"), dialog));
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("alt+d"), dialog));
    }

    [TestMethod]
    public void Return_InASingleLineField_OfADialogAboutOverwriting_IsHeld_BecauseItPressesTheDefaultButton()
    {
        var entry = new ActionTarget { Window = s_dialog, IsDialog = true, WindowText = "Save as\nThe file exists. Overwrite it?", Focused = Field(UiStates.SingleLine) };
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("Return"), entry));
        Assert.AreEqual(RiskLevel.Harmless, Level(new ComputerAction(ActionKind.Type) { Text = "report.txt" }, entry));
    }

    [TestMethod]
    public void Return_InAMultiLineEditor_StartsALine_AndIsNotHeld()
    {
        var editor = new ActionTarget
        {
            Window = s_dialog with { Bounds = new Rect(0, 0, 1600, 1000) },
            WindowText = "notes.txt — Mousepad",
            Focused = Field(UiStates.MultiLine),
            Controls = ["Find", "Open"],
        };
        Assert.AreEqual(RiskLevel.Harmless, Level(Key("Return"), editor));
        Assert.AreEqual(RiskLevel.Harmless, Level(new ComputerAction(ActionKind.Type) { Text = "delete the old lines\n" }, editor));
    }

    [TestMethod]
    public void Return_OrCtrlReturn_InAFieldOfAWindowOfferingSend_IsHeld()
    {
        var chat = new ActionTarget { Window = s_dialog with { Bounds = new Rect(0, 0, 1200, 900) }, WindowText = "Chat", Focused = Field(UiStates.SingleLine), Controls = ["Send", "Attach"] };
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("Return"), chat));
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("ctrl+Return"), chat));
        Assert.AreEqual(RiskLevel.Harmless, Level(new ComputerAction(ActionKind.Type) { Text = "see you at 5" }, chat));
    }

    [TestMethod]
    public void Password_TypedThroughKeySequences_IsHeldAndSecret()
    {
        var field = new ActionTarget { Window = s_dialog, IsDialog = true, WindowText = "Unlock keyring", Focused = Field(UiStates.SingleLine) with { Role = UiRole.Password, BackendRole = "password text" } };
        var result = s_policy.Classify(Key("h u n t e r 2"), field);
        Assert.AreEqual(RiskLevel.Irreversible, result.Level, result.Reason);
        Assert.IsTrue(result.IsSecret);
        Assert.DoesNotContain("h u n", result.Sentence);
    }

    [TestMethod]
    [DataRow("Yes, delete it")]
    [DataRow("Deleting…")]
    [DataRow("Permanently Delete")]
    [DataRow("Don’t Save")]
    [DataRow("Close without saving")]
    [DataRow("_Erase")]
    [DataRow("Post")]
    public void Click_OnAVerbOfLoss_AnywhereInTheLabel_IsHeldAnywhere(string name) =>
        Assert.AreEqual(RiskLevel.Irreversible,
            Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) }, new ActionTarget { Element = Button(name), WindowText = "Editor" }), name);

    [TestMethod]
    [DataRow("Sender")]
    [DataRow("New post")]
    [DataRow("Resend code preferences")]
    [DataRow("Format painter")]
    public void Click_OnAWordThatOnlyLooksLikeAVerbOfLoss_IsNotHeld(string name) =>
        Assert.AreEqual(RiskLevel.Harmless,
            Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) }, new ActionTarget { Element = Button(name), WindowText = "Editor" }), name);

    [TestMethod]
    [DataRow("Your unsaved changes will be lost.")]
    [DataRow("This cannot be undone.")]
    [DataRow("The record will be erased.")]
    [DataRow("Send 3 messages now?")]
    public void Confirmation_InADialogThatSpeaksOfLoss_IsHeld(string text) =>
        Assert.AreEqual(RiskLevel.Irreversible,
            Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) }, DangerDialog with { WindowText = text, Element = Button("OK") }), text);

    [TestMethod]
    public void InputActivation_SortsKeysByWhatTheyCanPress()
    {
        Assert.AreEqual(ActivationKind.Confirm, InputActivation.Of(Key("KP_Enter")).Kind);
        Assert.AreEqual(ActivationKind.ModifiedConfirm, InputActivation.Of(Key("ctrl+KP_Enter")).Kind);
        Assert.AreEqual(ActivationKind.Press, InputActivation.Of(Key("KP_Space")).Kind);
        Assert.AreEqual(ActivationKind.Mnemonic, InputActivation.Of(Key("alt+shift+d")).Kind);
        Assert.AreEqual('d', InputActivation.Of(Key("alt+d")).Mnemonic);
        Assert.AreEqual(ActivationKind.Shortcut, InputActivation.Of(Key("shift+Delete")).Kind);
        Assert.AreEqual(ActivationKind.None, InputActivation.Of(Key("Tab Escape")).Kind);
        Assert.IsTrue(InputActivation.Of(Key("Tab Return")).FocusMayMove);
        Assert.IsFalse(InputActivation.Of(Key("Return Tab")).FocusMayMove);
    }

    [TestMethod]
    [DataRow("Terminate_Server")]
    [DataRow("ctrl+alt+BackSpace")]
    [DataRow("ctrl+alt+Delete")]
    [DataRow("ctrl+alt+F2")]
    [DataRow("XF86Switch_VT_3")]
    [DataRow("XF86PowerOff")]
    [DataRow("XF86LogOff")]
    [DataRow("a XF86Sleep")]
    public void Key_ThatEndsOrLeavesTheSession_IsHeldEvenInAHarmlessWindow(string keys) =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key(keys), new ActionTarget { Window = s_dialog, WindowText = "Notes" }), keys);

    [TestMethod]
    [DataRow("0xff0d")]
    [DataRow("0xff8d")]
    [DataRow("0xfe34")]
    [DataRow("U0020")]
    [DataRow("0x20")]
    [DataRow("osfActivate")]
    [DataRow("XF86Send")]
    [DataRow("Return Return")]
    public void Key_SpelledAsAKeysymNumberOrUnknownToThePolicy_OrActivatingTwice_IsHeld(string keys) =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key(keys), DangerDialog), keys);

    [TestMethod]
    public void Key_ThatIsNotAModifier_BeforeTheLastKeyOfAChord_IsRejected() =>
        Assert.ThrowsExactly<Input.KeyNameException>(() => s_policy.Classify(Key("Return+shift"), DangerDialog));

    [TestMethod]
    public void Drag_ThatStartsOnTheConfirmation_IsHeld_HoweverFarItGoes()
    {
        var drag = new ComputerAction(ActionKind.LeftClickDrag) { StartCoordinate = new Point(940, 515), Coordinate = new Point(1000, 515) };
        Assert.AreEqual(RiskLevel.Irreversible, Level(drag, DangerDialog with { Element = Button("Delete permanently") }));
    }

    [TestMethod]
    public void Click_IntoATextField_PlacesTheCaret_AndIsNotHeld() =>
        Assert.AreEqual(RiskLevel.Harmless,
            Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(740, 460) }, DangerDialog with { Element = Field(UiStates.SingleLine) }));

    [TestMethod]
    public void Return_InAMultiLineField_OfAWindowOfferingSend_IsHeld_BecauseChatsSendOnReturn()
    {
        var chat = new ActionTarget { Window = s_dialog with { Bounds = new Rect(0, 0, 1200, 900) }, Focused = Field(UiStates.MultiLine), Controls = ["Send"] };
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("Return"), chat));
    }

    [TestMethod]
    public void Return_InAField_PressesTheDefaultButton_WhichDecides()
    {
        var search = new ActionTarget { Window = s_dialog, Focused = Field(UiStates.SingleLine), Controls = ["Search", "Delete all"], DefaultControl = "Search" };
        Assert.AreEqual(RiskLevel.Harmless, Level(Key("Return"), search));
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("Return"), search with { DefaultControl = "Delete all" }));
    }

    [TestMethod]
    public void Space_OrALetter_WithTheFocusUnknown_InAWindowOfferingAnIrreversibleButton_IsHeld()
    {
        var checkout = new ActionTarget { Window = s_dialog, IsDialog = true, WindowText = "Proceed?", Controls = ["Buy now", "Cancel"] };
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("Tab space"), checkout));
        Assert.AreEqual(RiskLevel.Irreversible, Level(new ComputerAction(ActionKind.Type) { Text = "b" }, checkout));
    }

    [TestMethod]
    public void Dialog_WhoseTextNamesAnIrreversibleVerb_SpeaksOfLoss() =>
        Assert.AreEqual(RiskLevel.Irreversible,
            Level(Key("Return"), new ActionTarget { Window = s_dialog, IsDialog = true, WindowText = "Deploy to production?" }));

    [TestMethod]
    public void Typing_WhereTheWindowAsksForAPassword_AndTheFieldCannotBeRead_IsHeldAndSecret()
    {
        var result = s_policy.Classify(new ComputerAction(ActionKind.Type) { Text = "hunter2\n" },
            new ActionTarget { Window = s_dialog, WindowText = "$ sudo apt upgrade\n[sudo] password for ana:" });
        Assert.AreEqual(RiskLevel.Irreversible, result.Level);
        Assert.IsTrue(result.IsSecret);
    }

    [TestMethod]
    [DataRow("0x79", "y")]
    [DataRow("U00e9", "é")]
    [DataRow("U20AC", "€")]
    [DataRow("0xff0d", "Return")]
    [DataRow("Page_Down", "Page_Down")]
    public void Canonical_KeyNames_AreWhatXMakesOfThem(string name, string expected) =>
        Assert.AreEqual(expected, InputActivation.Canonical(name));

    private static readonly WindowInfo s_terminal = new(0x3000001, "bash", "XTerm", "xterm", 99, new Rect(0, 0, 800, 500), true, true);

    [TestMethod]
    [DataRow("Return", "$ rm -rf /tmp/victim/important")]
    [DataRow("ctrl+m", "$ sudo apt purge nginx")]
    [DataRow("KP_Enter", "$ git push --force")]
    [DataRow("Return", "$ echo hi > notes.txt")]
    public void Return_InATerminal_WhoseCommandLineChangesWhatCannotBeGotBack_IsHeld(string keys, string screen) =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key(keys), new ActionTarget { Window = s_terminal, IsTerminal = true, WindowText = "$ ls\nnotes.txt\n" + screen }), screen);

    [TestMethod]
    [DataRow("ana@box:~$ \\rm -rf /tmp/victim")]
    [DataRow("ana@box:~$ r\\m -rf /tmp/victim")]
    [DataRow("ana@box:~$ python3 -c \"import shutil;shutil.rmtree('/tmp/v')\"")]
    [DataRow("ana@box:~$ : > /tmp/victim/f")]
    [DataRow("ana@box:~$ echo>/tmp/victim/f")]
    [DataRow("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [DataRow("ana@box:~$ ls && rm notes.txt")]
    [DataRow("ana@box:~$ git push --force")]
    [DataRow("ana@box:~$ find . -name '*.log' -delete")]
    public void Return_InATerminal_UnderAnythingButAPlainlyReadOnlyCommand_IsHeld(string lastLine)
    {
        var terminal = new ActionTarget { Window = s_terminal, IsTerminal = true, WindowText = "ana@box:~$ ls\nnotes.txt\n" + lastLine };
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("Return"), terminal), lastLine);
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("ctrl+o"), terminal), lastLine);
    }

    [TestMethod]
    [DataRow("ana@box:~$ ls -la")]
    [DataRow("ana@box:~$ git status")]
    [DataRow("ana@box:~$ cat notes.txt | grep todo")]
    [DataRow("ana@box:~$")]
    public void Return_InATerminal_UnderAPlainlyReadOnlyCommand_IsNotHeld(string lastLine) =>
        Assert.AreEqual(RiskLevel.Harmless, Level(Key("Return"), new ActionTarget { Window = s_terminal, IsTerminal = true, WindowText = lastLine }), lastLine);

    [TestMethod]
    public void Click_OnAButtonNamedWithASymbol_IsHeld_WhateverOcrMakesOfTheSymbol() =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) },
            new ActionTarget { Window = s_dialog, WindowText = "Mail - Inbox", Element = Button("🗑"), TextAtPoint = "oO" }));

    [TestMethod]
    [DataRow("削除", "本当に削除しますか？")]
    [DataRow("OK", "本当に削除しますか？")]
    [DataRow("Удалить", "Удалить файл навсегда?")]
    [DataRow("OK", "Czy na pewno usunąć wiadomość?")]
    [DataRow("OK", "Wire 5,000 EUR to IBAN DE89 3704?")]
    [DataRow("Leave group", "Are you sure?")]
    public void Confirmation_InScriptsWithoutSpacesAndMoreWordings_IsHeld(string button, string text) =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) },
            new ActionTarget { Window = s_dialog, IsDialog = true, WindowText = text, Element = Button(button) }), button + " / " + text);

    [TestMethod]
    public void Shortcut_InAPageOfferingADangerousButton_IsNotHeldForThatAlone() =>
        Assert.AreEqual(RiskLevel.Harmless, Level(Key("ctrl+l"),
            new ActionTarget { Window = s_dialog with { Bounds = new Rect(0, 0, 1200, 900) }, WindowText = "Delete message permanently", Controls = ["Delete message permanently"] }));

    [TestMethod]
    public void Return_InATerminal_RunningAHarmlessCommand_IsNotHeld_AndTypingTheDangerousOneWithANewlineIs()
    {
        var terminal = new ActionTarget { Window = s_terminal, IsTerminal = true, WindowText = "$ rm old.txt\n$ ls -la" };
        Assert.AreEqual(RiskLevel.Harmless, Level(new ComputerAction(ActionKind.Type) { Text = "ls\n" }, terminal with { WindowText = "$ " }));
        Assert.AreEqual(RiskLevel.Harmless, Level(Key("Return"), terminal));
        Assert.AreEqual(RiskLevel.Irreversible, Level(new ComputerAction(ActionKind.Type) { Text = "shred secrets.txt\n" }, terminal with { WindowText = "$ " }));
    }

    [TestMethod]
    public void RightClick_OnAPopupMenuItem_ChoosesIt_AndIsHeld()
    {
        var menu = new ActionTarget { Window = s_dialog with { IsPopup = true }, TextAtPoint = "Delete permanently", Point = new Point(940, 515) };
        Assert.AreEqual(RiskLevel.Irreversible, Level(new ComputerAction(ActionKind.RightClick) { Coordinate = new Point(940, 515) }, menu));
        Assert.AreEqual(RiskLevel.Harmless, Level(new ComputerAction(ActionKind.RightClick) { Coordinate = new Point(940, 515) }, menu with { Window = s_dialog }));
    }

    [TestMethod]
    public void Drag_OntoADropZoneThatDeletes_IsHeld() =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(
            new ComputerAction(ActionKind.LeftClickDrag) { StartCoordinate = new Point(720, 400), Coordinate = new Point(680, 520) },
            new ActionTarget { Window = s_dialog, TextAtPoint = "Invoice.pdf", DropNames = ["Drop here to delete permanently"] }));

    [TestMethod]
    [DataRow("")]
    [DataRow("🗑")]
    [DataRow("…")]
    public void Click_OnAButtonWithNoWordToJudgeItBy_IsHeld(string name) =>
        Assert.AreEqual(RiskLevel.Irreversible,
            Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) }, new ActionTarget { Window = s_dialog, WindowText = "Mail", Element = Button(name) }), name);

    [TestMethod]
    public void Click_OnAnIconButtonWhoseTooltipSaysMoveToTrash_IsHeld() =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) },
            new ActionTarget { Window = s_dialog, Element = Button("") with { Description = "Move to trash" } }));

    [TestMethod]
    public void DeleteKey_OnASelectedListItem_IsHeld_ButInATextFieldIsEditing()
    {
        var item = new UiNode(UiRole.ListItem, "list item", "Invoice March", "", UiStates.Enabled | UiStates.Visible | UiStates.Focused | UiStates.Selected, new Rect(10, 10, 200, 20), null,
            ["select"], new UiPath(77, [0, 4]), "app", []);
        Assert.AreEqual(RiskLevel.Irreversible, Level(Key("Delete"), new ActionTarget { Window = s_dialog, Focused = item }));
        Assert.AreEqual(RiskLevel.Harmless, Level(Key("Delete"), new ActionTarget { Window = s_dialog, Focused = Field(UiStates.SingleLine) }));
    }

    [TestMethod]
    [DataRow("Löschen", "Möchten Sie 3 Dateien endgültig löschen?")]
    [DataRow("Supprimer", "Voulez-vous supprimer définitivement ce fichier ?")]
    [DataRow("Senden", "Nachricht jetzt senden?")]
    [DataRow("Move to Trash", "Move 3 files to the Trash?")]
    [DataRow("Close account", "Close your account? All your data will be gone.")]
    [DataRow("Yes", "Papierkorb wirklich leeren? Alle Elemente gehen verloren.")]
    [DataRow("Kill", "Kill process 4242?")]
    [DataRow("Sell", "Sell 10 shares?")]
    public void Confirmation_InOtherWordsAndLanguages_IsHeld(string button, string text) =>
        Assert.AreEqual(RiskLevel.Irreversible, Level(new ComputerAction(ActionKind.LeftClick) { Coordinate = new Point(940, 515) },
            new ActionTarget { Window = s_dialog, IsDialog = true, WindowText = text, Element = Button(button) }), button);
}
