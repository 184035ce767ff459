#!/usr/bin/env python3
"""A Tk order form with no accessibility at all, for locators that find a field beside its label by the pixels.

    /usr/bin/python3 tk_order.py --out PATH

The window "Order entry" (class Tkorder) holds rows of a label and an entry: "Customer:" (wide), "City:" and
"Quantity:" (narrow), then a "Save" button. The entries are white on Tk's grey, as in most legacy Tk, Motif and
Athena forms. "Save" writes "customer|city|quantity" to PATH (UTF-8, no newline) and exits 0.
"""
import argparse
import sys
import tkinter as tk
import tkinter.font as tkfont


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="file that receives 'customer|city|quantity' on Save")
    args = parser.parse_args()

    root = tk.Tk(className="TkOrder")
    root.title("Order entry")
    root.geometry("+240+180")
    for name in ("TkDefaultFont", "TkTextFont", "TkFixedFont"):
        tkfont.nametofont(name).configure(family="DejaVu Sans", size=11)
    body = tk.Frame(root, padx=16, pady=16)
    body.pack(fill="both", expand=True)
    entries = []
    for row, (label, width) in enumerate([("Customer:", 34), ("City:", 16), ("Quantity:", 6)]):
        tk.Label(body, text=label).grid(row=row, column=0, sticky="w", padx=(0, 12), pady=4)
        entry = tk.Entry(body, width=width, background="white")
        entry.grid(row=row, column=1, sticky="w", pady=4)
        entries.append(entry)

    def save():
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("|".join(e.get() for e in entries))
        root.destroy()

    tk.Button(body, text="Save", width=8, command=save).grid(row=3, column=1, sticky="e", pady=(12, 0))
    root.protocol("WM_DELETE_WINDOW", lambda: sys.exit(1))
    root.mainloop()


if __name__ == "__main__":
    main()
