#!/usr/bin/env python3
"""A Tk test app for the approval gate, with no accessibility at all: the window "Records" and a confirmation.

    /usr/bin/python3 tk_confirm.py --out PATH [--verb Erase] [--title T] [--text T] [--later]

The main window "Records" lists three records and has a "Delete record…" button. At start (or, with --later,
when that button is pressed) a modal dialog opens over it: a Toplevel titled "Delete record" with the label
"Permanently delete the saved record?" and two buttons "Yes" / "No". With --verb Erase the buttons read
"Erase" / "Keep" instead (title and text stay as they are unless --title / --text change them too).

The first button ("Yes" or the verb) has the keyboard focus and is the default (drawn with the default ring).
Return and keypad Enter press the button that has the focus, as in Tk's own message box (at first the default),
and so does space (Tk's own binding). Escape or
closing the dialog's window answers No. Each button's first letter is underlined and Alt+<that letter> presses
it (Alt+Y / Alt+N, or Alt+E / Alt+K for --verb Erase); a plain letter does nothing. Tab moves the focus.

The answer is written to PATH as "deleted" (the first button) or "kept" (the second), without a newline, and
the app exits 0. Closing the main window without an answer writes nothing and exits 1.
"""
import argparse
import sys
import tkinter as tk
import tkinter.font as tkfont


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="file that receives 'deleted' or 'kept'")
    parser.add_argument("--verb", default="Yes", help="label of the confirming button (then the other reads 'Keep')")
    parser.add_argument("--title", default="Delete record", help="title of the dialog")
    parser.add_argument("--text", default="Permanently delete the saved record?", help="question in the dialog")
    parser.add_argument("--later", action="store_true", help="open the dialog only when 'Delete record…' is pressed")
    args = parser.parse_args()
    confirm_label = args.verb
    cancel_label = "No" if args.verb == "Yes" else "Keep"

    root = tk.Tk(className="TkConfirm")
    root.title("Records")
    root.geometry("480x320+200+150")
    for name in ("TkDefaultFont", "TkTextFont"):
        tkfont.nametofont(name).configure(family="DejaVu Sans", size=11)

    records = tk.Listbox(root, height=6)
    for record in ("Record 7 — invoice March", "Record 8 — invoice April", "Record 9 — invoice May"):
        records.insert("end", record)
    records.selection_set(1)
    records.pack(fill="both", expand=True, padx=10, pady=(10, 4))
    status = tk.Label(root, text="Record 8 selected", anchor="w")
    state = {"answered": False, "dialog": None}

    def answer(outcome):
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(outcome)
        state["answered"] = True
        status.configure(text="Record 8 " + outcome)
        root.destroy()

    def ask():
        if state["dialog"] is not None:
            return
        dialog = tk.Toplevel(root, class_="TkConfirmDialog")
        state["dialog"] = dialog
        dialog.title(args.title)
        dialog.transient(root)
        dialog.resizable(False, False)
        tk.Label(dialog, text=args.text, padx=20, pady=16).pack(side="top")
        row = tk.Frame(dialog)
        row.pack(side="bottom", pady=(0, 14))
        confirm = tk.Button(row, text=confirm_label, underline=0, width=8, default="active",
                            command=lambda: answer("deleted"))
        cancel = tk.Button(row, text=cancel_label, underline=0, width=8, default="normal",
                           command=lambda: answer("kept"))
        confirm.pack(side="left", padx=8)
        cancel.pack(side="left", padx=8)
        def press_focused(event):
            # As in Tk's own message box: Return presses the button that has the focus (at first the default).
            focused = dialog.focus_get()
            (focused if isinstance(focused, tk.Button) else confirm).invoke()

        dialog.bind("<Return>", press_focused)
        dialog.bind("<KP_Enter>", press_focused)
        dialog.bind("<Escape>", lambda e: cancel.invoke())
        for button in (confirm, cancel):
            letter = button.cget("text")[0].lower()
            dialog.bind(f"<Alt-{letter}>", lambda e, b=button: b.invoke())
            dialog.bind(f"<Alt-{letter.upper()}>", lambda e, b=button: b.invoke())
        dialog.protocol("WM_DELETE_WINDOW", cancel.invoke)
        # Centred over the main window, placed by us so every run puts it in the same place.
        dialog.withdraw()
        dialog.update_idletasks()
        width, height = dialog.winfo_reqwidth(), dialog.winfo_reqheight()
        x = root.winfo_rootx() + (root.winfo_width() - width) // 2
        y = root.winfo_rooty() + (root.winfo_height() - height) // 3
        dialog.geometry(f"+{x}+{y}")
        dialog.deiconify()
        dialog.wait_visibility()
        dialog.grab_set()
        dialog.focus_force()
        confirm.focus_set()

    tk.Button(root, text="Delete record…", command=ask).pack(fill="x", padx=10, pady=4)
    status.pack(fill="x", padx=10, pady=(0, 10))
    root.protocol("WM_DELETE_WINDOW", root.destroy)
    if not args.later:
        # Once the main window is mapped and placed, so the dialog lands over it the same way each time.
        root.after(0, lambda: (root.wait_visibility(), root.update(), ask()))
    root.mainloop()
    sys.exit(0 if state["answered"] else 1)


if __name__ == "__main__":
    main()
