namespace Dispatch.Engine.Safety;

/// <summary>How a keyboard input may activate a control.</summary>
public enum ActivationKind
{
    /// <summary>It cannot press anything: modifiers, moving the focus or the caret, text typed into a text field.</summary>
    None,

    /// <summary>A plain Return/Enter variant: presses the focused button, or the dialog's default one from a text field.</summary>
    Confirm,

    /// <summary>A Return/Enter variant with a modifier (ctrl+Return sends mail): the window's default action.</summary>
    ModifiedConfirm,

    /// <summary>A space variant: presses the focused button or toggle.</summary>
    Press,

    /// <summary>alt (or meta, super) with a letter or digit: a mnemonic that presses a labelled control.</summary>
    Mnemonic,

    /// <summary>A ctrl shortcut or an editing key that acts on a selection (Delete): the application decides.</summary>
    Shortcut,

    /// <summary>Printable characters: text in a field, but a dialog without a text field may take them as mnemonics.</summary>
    Characters,

    /// <summary>A key the policy does not know (a vendor keysym such as osfActivate, XF86Send): it may do anything.</summary>
    Unknown,
}
