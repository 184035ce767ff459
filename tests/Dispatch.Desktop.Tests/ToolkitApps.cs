using System.Diagnostics;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// Start information for the test apps of other toolkits in assets/apps: a Qt (PyQt5) confirmation, Tk dialogs and
/// a Tk form without any accessibility, and a web form in Chromium. Each app writes what was done to a file (or, for
/// the web page, into its window title), so a test checks the outcome without reading the screen. The facts each
/// test can rely on (titles, classes, roles, keys) are in the header of each script.
/// </summary>
public static class ToolkitApps
{
    /// <summary>Debian's own Python: PyQt5 and tkinter are installed for it, not for a python3 earlier on PATH (pyenv).</summary>
    public const string Python = "/usr/bin/python3";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "assets", "apps");

    /// <summary>
    /// PyQt5: main window "Orders" (WM_CLASS qt_confirm), and — at once with <paramref name="ask"/>, else when
    /// "Delete order…" is pressed — the modal QMessageBox "Delete order" (AT-SPI role alert, push buttons "Yes" (default,
    /// focused) and "No", label "Delete this order permanently?"). Writes "deleted" or "kept" to <paramref name="outPath"/>
    /// and exits 0. On AT-SPI the application is "qt_confirm", with the same pid as its X windows.
    /// </summary>
    public static ProcessStartInfo QtConfirm(TestDesktop desktop, string outPath, bool ask = true)
    {
        var arguments = new List<string> { Script("qt_confirm.py"), "--out", outPath };
        if (ask)
        {
            arguments.Add("--ask");
        }
        return desktop.App(Python, [.. arguments]);
    }

    /// <summary>
    /// Tk, no accessibility: main window "Records" (class Tkconfirm) and — at once, or with <paramref name="later"/> when
    /// "Delete record…" is pressed — the modal dialog "Delete record" (class TkConfirmDialog), "Permanently delete the saved
    /// record?", buttons <paramref name="verb"/> (default, focused) and "No" (or "Keep" when the verb is not "Yes"), first
    /// letters underlined. Writes "deleted" or "kept" and exits 0. Tk sets no _NET_WM_PID: launch with
    /// <see cref="TkConfirmDialog"/> as the match.
    /// </summary>
    public static ProcessStartInfo TkConfirm(TestDesktop desktop, string outPath, string verb = "Yes", bool later = false,
        string? title = null, string? text = null)
    {
        var arguments = new List<string> { Script("tk_confirm.py"), "--out", outPath, "--verb", verb };
        if (later)
        {
            arguments.Add("--later");
        }
        if (title is not null)
        {
            arguments.AddRange(["--title", title]);
        }
        if (text is not null)
        {
            arguments.AddRange(["--text", text]);
        }
        return desktop.App(Python, [.. arguments]);
    }

    /// <summary>
    /// Tk, no accessibility: the window "Claim form" (class Tkform) with the entry "Claimant name:" (focused) and the
    /// buttons "Send claim" and "Clear". "Send claim" writes the entry's text to <paramref name="outPath"/> and exits 0
    /// (with <paramref name="stay"/> the window stays, reading "Sent"). With <paramref name="returnSends"/> Return sends
    /// the claim too. No _NET_WM_PID: launch with <see cref="TkClaimForm"/> as the match.
    /// </summary>
    public static ProcessStartInfo TkForm(TestDesktop desktop, string outPath, string text = "", bool returnSends = false, bool stay = false)
    {
        var arguments = new List<string> { Script("tk_form.py"), "--out", outPath, "--text", text };
        if (returnSends)
        {
            arguments.Add("--return-sends");
        }
        if (stay)
        {
            arguments.Add("--stay");
        }
        return desktop.App(Python, [.. arguments]);
    }

    /// <summary>
    /// web/form.html in Chromium as an app window (class Chromium, the pid started is the browser's), with a new
    /// profile in <paramref name="profileDirectory"/> (inside the desktop's work folder, removed with it). The window
    /// title tells the outcome: "Claim form", "Sent: NAME — Claim form", "Deleted — Claim form", "Kept — Claim form".
    /// On AT-SPI the application is "Chromium"; confirm() is a dialog inside the same X window (AT-SPI role dialog,
    /// "This page says", push buttons "Cancel" and "OK" (default, focused)). <paramref name="ask"/> opens it on load.
    /// </summary>
    public static ProcessStartInfo Chromium(TestDesktop desktop, string profileDirectory, bool ask = false)
    {
        var url = new Uri(Path.Combine(Directory, "web", "form.html")).AbsoluteUri + (ask ? "?ask" : "");
        return desktop.App("/bin/sh", Path.Combine(Directory, "web", "chromium.sh"), profileDirectory, url);
    }

    /// <summary>
    /// Tk, no accessibility: the window "Documents" (class Tkmenu) with a list; a right click on it opens a popup menu
    /// "Open" / "Delete permanently" (override-redirect). Choosing an item writes "opened NAME" or "deleted NAME" and exits 0.
    /// </summary>
    public static ProcessStartInfo TkMenu(TestDesktop desktop, string outPath) => desktop.App(Python, Script("tk_menu.py"), "--out", outPath);

    /// <summary>
    /// PyQt5, accessible: the window "Order form" with unnamed fields beside the labels "Customer:", "Quantity:" (undoes all but digits,
    /// only) and "Order number:" (read-only, "A-1001"), the buttons "Save" and "Close" (and "Print", hidden); "Save" opens the modal
    /// "Confirm save" (Yes / No). Yes writes "customer|quantity" to <paramref name="outPath"/> and exits 0.
    /// </summary>
    public static ProcessStartInfo QtForm(TestDesktop desktop, string outPath) => desktop.App(Python, Script("qt_form.py"), "--out", outPath);

    /// <summary>
    /// Tk, no accessibility: the window "Order entry" (class Tkorder) with white entries beside the labels "Customer:",
    /// "City:" and "Quantity:", and a "Save" button that writes "customer|city|quantity" to <paramref name="outPath"/>
    /// and exits 0. No _NET_WM_PID: launch with <see cref="TkOrderEntry"/> as the match.
    /// </summary>
    public static ProcessStartInfo TkOrder(TestDesktop desktop, string outPath) => desktop.App(Python, Script("tk_order.py"), "--out", outPath);

    /// <summary>Matches the Tk order entry's window.</summary>
    public static bool TkOrderEntry(WindowInfo window) => window.ClassName == "Tkorder" && window.IsVisible;

    /// <summary>Matches the Tk list with the context menu.</summary>
    public static bool TkDocuments(WindowInfo window) => window.ClassName == "Tkmenu" && window.IsVisible;

    /// <summary>Matches the Tk confirmation dialog's window (Tk windows carry no pid).</summary>
    public static bool TkConfirmDialog(WindowInfo window) => window.ClassName == "TkConfirmDialog" && window.IsVisible;

    /// <summary>Matches the Tk form's window.</summary>
    public static bool TkClaimForm(WindowInfo window) => window.ClassName == "Tkform" && window.IsVisible;

    /// <summary>Matches the Qt confirmation's window.</summary>
    public static bool QtConfirmDialog(WindowInfo window) => window.ClassName == "qt_confirm" && window.Title == "Delete order" && window.IsVisible;

    /// <summary>Matches the Chromium window once the page has loaded (before, its title is the file's address).</summary>
    public static bool ChromiumClaimForm(WindowInfo window) => window.ClassName == "Chromium" && window.Title.EndsWith("Claim form", StringComparison.Ordinal) && window.IsVisible;

    private static string Script(string name) => Path.Combine(Directory, name);
}
