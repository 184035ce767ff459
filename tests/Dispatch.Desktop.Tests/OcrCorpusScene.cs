using System.Diagnostics;
using Dispatch.Engine.Windowing;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// One screenshot of the OCR corpus: an app of a toolkit showing text the scene chose, so what is on the screen is
/// known. <paramref name="Truth"/> is every line of text drawn inside the app's window (its title bar is the window
/// manager's and is not captured).
/// </summary>
/// <param name="Name">The file name, without extension, e.g. <c>tk-invoice-dejavu-sans-9</c>.</param>
/// <param name="Toolkit">What draws the text: gtk3, qt5, tk, athena, xterm, chromium.</param>
/// <param name="Truth">The text inside the window, a line per line.</param>
/// <param name="Start">Writes what the app needs into the desktop's folder and says how to start it there.</param>
/// <param name="Window">Which window is the scene's.</param>
public sealed record OcrCorpusScene(string Name, string Toolkit, IReadOnlyList<string> Truth,
    Func<TestDesktop, ProcessStartInfo> Start, Func<WindowInfo, bool> Window)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
