#!/usr/bin/env python3
"""A Qt (PyQt5) test app for the approval gate: the window "Orders" and a modal confirmation.

    python3 qt_confirm.py --out PATH [--ask]

The main window "Orders" has a list of orders, a "Delete order…" button and a status label. The button
(or --ask, at start) opens a modal QMessageBox over it: title "Delete order", text "Delete this order
permanently?", buttons Yes / No, Yes the default (Return activates it), Escape = No. The answer is written
to PATH as "deleted" or "kept" (no newline) and the app exits 0. Closing the main window without an answer
writes nothing and exits 1.

Accessibility: Qt 5 exposes its AT-SPI tree by itself when the X root window carries AT_SPI_BUS (set by
at-spi-bus-launcher, as on the project's virtual desktop); no variable is needed then. Without that property
it did not register here, even with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 (set below for good measure).
QT_ACCESSIBILITY=0 does not turn accessibility off.

Keys in the dialog: Return, keypad Enter and space answer Yes (the default, focused button); Escape answers No;
Alt+Y / Alt+N and also a plain "y" / "n" (QMessageBox takes unmodified mnemonics) answer Yes / No; Tab and the
arrow keys move the focus between the buttons.
"""
import argparse
import os
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="file that receives 'deleted' or 'kept'")
    parser.add_argument("--ask", action="store_true", help="open the confirmation at start")
    args = parser.parse_args()

    os.environ.setdefault("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1")
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    # Plain Fusion look and 1:1 pixels whatever the desktop's settings say: the same pictures everywhere.
    os.environ.pop("QT_SCALE_FACTOR", None)
    os.environ["QT_AUTO_SCREEN_SCALE_FACTOR"] = "0"

    from PyQt5.QtCore import Qt, QTimer
    from PyQt5.QtWidgets import (QApplication, QLabel, QListWidget, QMainWindow, QMessageBox, QPushButton,
                                 QVBoxLayout, QWidget)

    app = QApplication(["qt_confirm"])
    app.setApplicationName("qt_confirm")
    app.setStyle("Fusion")

    window = QMainWindow()
    window.setWindowTitle("Orders")
    central = QWidget()
    layout = QVBoxLayout(central)
    orders = QListWidget()
    orders.setAccessibleName("Orders")
    orders.addItems(["Order 1041 — 3 chairs", "Order 1042 — 1 table", "Order 1043 — 12 cups"])
    orders.setCurrentRow(1)
    layout.addWidget(orders)
    delete = QPushButton("Delete order…")
    layout.addWidget(delete)
    status = QLabel("Order 1042 selected")
    layout.addWidget(status)
    window.setCentralWidget(central)
    window.resize(480, 360)
    window.move(200, 150)

    answered = {"done": False}

    def ask():
        box = QMessageBox(QMessageBox.Question, "Delete order", "Delete this order permanently?",
                          QMessageBox.Yes | QMessageBox.No, window)
        box.setDefaultButton(QMessageBox.Yes)
        box.setEscapeButton(QMessageBox.No)
        box.setWindowModality(Qt.ApplicationModal)
        answer = box.exec_()
        outcome = "deleted" if answer == QMessageBox.Yes else "kept"
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(outcome)
        answered["done"] = True
        status.setText("Order 1042 " + outcome)
        app.exit(0)

    delete.clicked.connect(ask)
    window.show()
    if args.ask:
        # Ask once the window manager has placed and activated the main window, so the dialog is centred on it
        # exactly as when the button is clicked (asked any earlier, Qt centres it on a not yet framed window).
        waited = {"ms": 0}

        def ask_when_placed():
            if window.isActiveWindow() or waited["ms"] >= 3000:
                ask()
            else:
                waited["ms"] += 20
                QTimer.singleShot(20, ask_when_placed)

        QTimer.singleShot(0, ask_when_placed)
    code = app.exec_()
    sys.exit(0 if answered["done"] else (code or 1))


if __name__ == "__main__":
    main()
