#!/usr/bin/env python3
"""A Tk list with a context menu, no accessibility:
    /usr/bin/python3 tk_menu.py --out PATH

The window "Documents" (class Tkmenu) lists three documents. A right click on the list opens a popup menu (an
override-redirect window, as every toolkit's menus are) with "Open" and "Delete permanently". Choosing "Delete
permanently" — by any mouse button, or by Down/Return — writes "deleted <name>" to PATH and exits 0; "Open" writes
"opened <name>". Escape closes the menu.
"""
import argparse
import tkinter as tk


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    root = tk.Tk(className="Tkmenu")
    root.title("Documents")
    root.geometry("420x260+240+200")
    documents = tk.Listbox(root, font=("DejaVu Sans", 14), activestyle="none")
    for name in ("thesis.tex", "budget.ods", "letter.odt"):
        documents.insert("end", name)
    documents.selection_set(0)
    documents.pack(fill="both", expand=True, padx=12, pady=12)

    def finish(word):
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(f"{word} {documents.get(documents.curselection()[0])}\n")
        root.destroy()

    menu = tk.Menu(root, tearoff=0, font=("DejaVu Sans", 14))
    menu.add_command(label="Open", command=lambda: finish("opened"))
    menu.add_command(label="Delete permanently", command=lambda: finish("deleted"))

    def popup(event):
        documents.selection_clear(0, "end")
        documents.selection_set(documents.nearest(event.y))
        menu.tk_popup(event.x_root, event.y_root)

    documents.bind("<Button-3>", popup)
    root.mainloop()


if __name__ == "__main__":
    main()
