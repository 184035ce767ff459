#!/usr/bin/env python3
"""A Tk form for the approval gate, with no accessibility at all: "Claim form" with a "Send claim" button.

    /usr/bin/python3 tk_form.py --out PATH [--text INITIAL] [--return-sends] [--stay]

The window "Claim form" has the label "Claimant name:", an entry (focused at start, holding INITIAL) and the
buttons "Send claim" and "Clear". Pressing "Send claim" (a click, or space while it has the focus) writes the
entry's text to PATH (UTF-8, no newline) and exits 0 (with --stay the window stays and its status line reads
"Sent"). "Clear" empties the entry and sends nothing. Return in the entry does nothing, as in a plain Tk form,
unless --return-sends is given: then Return anywhere in the window sends the claim (a form whose default
button is "Send claim", drawn with the default ring). Closing the window without sending writes nothing and
exits 1.
"""
import argparse
import sys
import tkinter as tk
import tkinter.font as tkfont


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="file that receives the entry's text when the claim is sent")
    parser.add_argument("--text", default="", help="text in the entry at start")
    parser.add_argument("--return-sends", action="store_true", help="Return sends the claim")
    parser.add_argument("--stay", action="store_true", help="keep the window open after sending")
    args = parser.parse_args()

    root = tk.Tk(className="TkForm")
    root.title("Claim form")
    root.geometry("+200+150")
    for name in ("TkDefaultFont", "TkTextFont", "TkFixedFont"):
        tkfont.nametofont(name).configure(family="DejaVu Sans", size=11)
    state = {"sent": False}

    body = tk.Frame(root, padx=16, pady=16)
    body.pack(fill="both", expand=True)
    tk.Label(body, text="Claimant name:").grid(row=0, column=0, sticky="w", padx=(0, 8))
    name = tk.Entry(body, width=30)
    name.insert(0, args.text)
    name.grid(row=0, column=1, sticky="we")
    status = tk.Label(body, text="Not sent", anchor="w")

    def send():
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(name.get())
        state["sent"] = True
        if args.stay:
            status.configure(text="Sent")
        else:
            root.destroy()

    buttons = tk.Frame(body)
    buttons.grid(row=1, column=0, columnspan=2, sticky="e", pady=(16, 8))
    send_button = tk.Button(buttons, text="Send claim", width=10, command=send,
                            default="active" if args.return_sends else "normal")
    tk.Button(buttons, text="Clear", width=8, command=lambda: name.delete(0, "end")).pack(side="right", padx=(8, 0))
    send_button.pack(side="right")
    status.grid(row=2, column=0, columnspan=2, sticky="we")
    if args.return_sends:
        root.bind("<Return>", lambda e: send_button.invoke())
        root.bind("<KP_Enter>", lambda e: send_button.invoke())
    root.protocol("WM_DELETE_WINDOW", root.destroy)
    name.focus_set()
    name.icursor("end")
    root.mainloop()
    sys.exit(0 if state["sent"] else 1)


if __name__ == "__main__":
    main()
