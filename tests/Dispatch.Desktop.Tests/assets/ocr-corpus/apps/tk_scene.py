#!/usr/bin/env python3
"""A Tk form that shows exactly the text of a scene file, for the OCR corpus (no accessibility at all).

    /usr/bin/python3 tk_scene.py SCENE.json

SCENE.json (written by OcrCorpusScenes.cs): {"title", "font": {"family", "size", "bold"}, "fields": [[label, value]…],
"choices": [text…], "buttons": [text…], "lines": [text…], "status": text}. Laid out top to bottom: each field as a
label with an entry beside it, the choices as check buttons, the lines in a text box with a scroll bar, the buttons
in a row (first letter underlined, the first one the default), and the status in a sunken label at the bottom.
Window class "Tkscene"; no _NET_WM_PID. Nothing else is drawn with text, so the scene's words are the window's words.
"""
import json
import sys
import tkinter as tk
import tkinter.font as tkfont


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        scene = json.load(f)
    root = tk.Tk(className="Tkscene")
    root.title(scene["title"])
    font = scene["font"]
    for name in ("TkDefaultFont", "TkTextFont", "TkFixedFont"):
        tkfont.nametofont(name).configure(family=font["family"], size=font["size"], weight="bold" if font.get("bold") else "normal")

    form = tk.Frame(root)
    form.pack(fill="x", padx=10, pady=(10, 4))
    for row, (label, value) in enumerate(scene["fields"]):
        tk.Label(form, text=label, anchor="w").grid(row=row, column=0, sticky="w", pady=2)
        entry = tk.Entry(form, width=max(12, len(value) + 4))
        entry.insert(0, value)
        entry.grid(row=row, column=1, sticky="w", padx=(8, 0), pady=2)
    for text in scene["choices"]:
        check = tk.Checkbutton(root, text=text, anchor="w")
        check.pack(fill="x", padx=10)
        if text == scene["choices"][0]:
            check.select()

    box = tk.Frame(root)
    box.pack(fill="both", expand=True, padx=10, pady=4)
    lines = tk.Text(box, height=len(scene["lines"]) + 1, width=max(len(l) for l in scene["lines"]) + 2, wrap="none")
    lines.insert("1.0", "\n".join(scene["lines"]))
    scroll = tk.Scrollbar(box, orient="vertical", command=lines.yview)
    lines.configure(yscrollcommand=scroll.set, state="disabled")
    lines.pack(side="left", fill="both", expand=True)
    scroll.pack(side="right", fill="y")

    row = tk.Frame(root)
    row.pack(pady=4)
    for i, text in enumerate(scene["buttons"]):
        tk.Button(row, text=text, underline=0, width=max(8, len(text) + 2), default="active" if i == 0 else "normal").pack(side="left", padx=6)
    tk.Label(root, text=scene["status"], relief="sunken", anchor="w", bd=1).pack(fill="x", side="bottom", padx=2, pady=2)
    root.mainloop()


if __name__ == "__main__":
    main()
