using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Desktop.Tests;

/// <summary>
/// The text one test form shows, whichever toolkit draws it (assets/ocr-corpus/apps: Tk, Qt, and an HTML page):
/// labelled fields with their values, check boxes, lines in a scrolled text box, buttons and a status line.
/// </summary>
public sealed record SceneForm(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("font")] SceneFont Font,
    [property: JsonPropertyName("fields")] IReadOnlyList<string[]> Fields,
    [property: JsonPropertyName("choices")] IReadOnlyList<string> Choices,
    [property: JsonPropertyName("buttons")] IReadOnlyList<string> Buttons,
    [property: JsonPropertyName("lines")] IReadOnlyList<string> Lines,
    [property: JsonPropertyName("status")] string Status)
{
    /// <summary>Every text the form draws inside its window, one entry per line of text on the screen.</summary>
    public IReadOnlyList<string> Text =>
        [.. Fields.SelectMany(f => f), .. Choices, .. Lines, .. Buttons, Status];

    /// <summary>The same form in another font.</summary>
    public SceneForm In(SceneFont font) => this with { Font = font };

    /// <summary>Writes the form where the scene apps read it.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));
}
