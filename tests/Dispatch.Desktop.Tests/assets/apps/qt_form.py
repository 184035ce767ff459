#!/usr/bin/env python3
"""A Qt (PyQt5) order form for the locator tests, accessible, with a modal confirmation over it.

    /usr/bin/python3 qt_form.py --out PATH

The window "Order form" holds rows of a label and a field: "Customer:" (a wide QLineEdit), "Quantity:" (a
QLineEdit that takes digits only: any other text, typed or set through accessibility, is undone at once, as
forms that check their fields as they change do), "Order number:" (a read-only QLineEdit holding "A-1001"), then the buttons
"Save" and "Close" (and "Print", built but hidden). "Save" opens the modal QMessageBox "Confirm save" ("Save this order?", buttons Yes and No).
Yes writes "customer|quantity" to PATH (UTF-8, no newline) and exits 0; No closes the question and keeps the form.
The fields carry no accessible names of their own: a person (and a locator) tells them by the label beside them.
"""
import argparse
import os
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="file that receives 'customer|quantity' when the order is saved")
    args = parser.parse_args()

    os.environ.setdefault("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1")
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    os.environ.pop("QT_SCALE_FACTOR", None)
    os.environ["QT_AUTO_SCREEN_SCALE_FACTOR"] = "0"

    from PyQt5.QtGui import QIntValidator
    from PyQt5.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMessageBox,
                                 QPushButton, QWidget)

    app = QApplication(["qt_form"])
    app.setApplicationName("qt_form")
    app.setStyle("Fusion")

    window = QMainWindow()
    window.setWindowTitle("Order form")
    central = QWidget()
    grid = QGridLayout(central)
    customer = QLineEdit()
    customer.setMinimumWidth(320)
    quantity = QLineEdit()
    quantity.setValidator(QIntValidator(0, 9999))
    # setText bypasses a validator, so the field also undoes what it does not take, whoever changed it.
    last = {"text": ""}

    def check_quantity(text):
        if text == "" or text.isdigit():
            last["text"] = text
        else:
            quantity.setText(last["text"])

    quantity.textChanged.connect(check_quantity)
    number = QLineEdit("A-1001")
    number.setReadOnly(True)
    for row, (label, field) in enumerate([("Customer:", customer), ("Quantity:", quantity), ("Order number:", number)]):
        grid.addWidget(QLabel(label), row, 0)
        grid.addWidget(field, row, 1)
    buttons = QHBoxLayout()
    save = QPushButton("Save")
    close = QPushButton("Close")
    buttons.addWidget(save)
    buttons.addWidget(close)
    # Built but hidden, as forms keep controls for later: it exists, and a person cannot see it.
    hidden = QPushButton("Print")
    buttons.addWidget(hidden)
    hidden.hide()
    grid.addLayout(buttons, 3, 1)
    window.setCentralWidget(central)
    window.resize(520, 220)
    window.move(200, 150)

    def confirm():
        box = QMessageBox(QMessageBox.Question, "Confirm save", "Save this order?", QMessageBox.Yes | QMessageBox.No, window)
        if box.exec_() == QMessageBox.Yes:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write(customer.text() + "|" + quantity.text())
            app.exit(0)

    save.clicked.connect(confirm)
    close.clicked.connect(lambda: app.exit(1))
    window.show()
    sys.exit(app.exec_())


if __name__ == "__main__":
    main()
