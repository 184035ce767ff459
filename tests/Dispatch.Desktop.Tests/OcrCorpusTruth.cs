using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Desktop.Tests;

/// <summary>The truth file stored beside each corpus screenshot (<c>NAME.json</c> next to <c>NAME.png</c>).</summary>
/// <param name="Name">The scene's name, the files' name.</param>
/// <param name="Toolkit">What drew the text.</param>
/// <param name="Lines">Every line of text in the screenshot.</param>
public sealed record OcrCorpusTruth(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("toolkit")] string Toolkit,
    [property: JsonPropertyName("lines")] IReadOnlyList<string> Lines)
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>Reads a truth file.</summary>
    public static OcrCorpusTruth Load(string path) =>
        JsonSerializer.Deserialize<OcrCorpusTruth>(File.ReadAllText(path)) ?? throw new InvalidDataException($"'{path}' holds no truth; expected {{name, toolkit, lines}}.");

    /// <summary>Writes the truth file.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, s_indented) + "\n");
}
