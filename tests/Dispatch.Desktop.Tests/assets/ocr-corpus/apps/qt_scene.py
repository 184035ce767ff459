#!/usr/bin/env python3
"""A PyQt5 form that shows exactly the text of a scene file, for the OCR corpus.

    /usr/bin/python3 qt_scene.py SCENE.json

The scene is the one tk_scene.py reads (see there). Laid out top to bottom: the fields as a form (label, line edit),
the choices as check boxes, the lines in a read-only plain text box with its scroll bar always on, the buttons in a
row ("&" before the first letter: a mnemonic), and the status in the window's status bar. Window class "qt_scene".
"""
import json
import sys
from PyQt5.QtGui import QFont
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import (QApplication, QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QLabel, QMainWindow,
                             QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        scene = json.load(f)
    app = QApplication([sys.argv[0]])
    app.setApplicationName("qt_scene")
    app.setDesktopFileName("qt_scene")
    font = scene["font"]
    app.setFont(QFont(font["family"], font["size"], QFont.Bold if font.get("bold") else QFont.Normal))
    window = QMainWindow()
    window.setWindowTitle(scene["title"])
    central = QWidget()
    column = QVBoxLayout(central)
    form = QFormLayout()
    for label, value in scene["fields"]:
        edit = QLineEdit(value)
        edit.setCursorPosition(0)
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(value) + 24)
        form.addRow(QLabel(label), edit)
    column.addLayout(form)
    for i, text in enumerate(scene["choices"]):
        check = QCheckBox(text)
        check.setChecked(i == 0)
        column.addWidget(check)
    lines = QPlainTextEdit("\n".join(scene["lines"]))
    lines.setReadOnly(True)
    lines.setLineWrapMode(QPlainTextEdit.NoWrap)
    lines.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)
    metrics = lines.fontMetrics()
    lines.setMinimumSize(max(metrics.horizontalAdvance(l) for l in scene["lines"]) + 48, metrics.lineSpacing() * (len(scene["lines"]) + 1) + 12)
    column.addWidget(lines)
    row = QHBoxLayout()
    row.addStretch(1)
    for i, text in enumerate(scene["buttons"]):
        button = QPushButton("&" + text)
        button.setDefault(i == 0)
        row.addWidget(button)
    row.addStretch(1)
    column.addLayout(row)
    window.setCentralWidget(central)
    window.statusBar().showMessage(scene["status"])
    window.show()
    sys.exit(app.exec_())


if __name__ == "__main__":
    main()
