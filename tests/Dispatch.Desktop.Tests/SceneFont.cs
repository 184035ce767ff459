using System.Text.Json.Serialization;

namespace Dispatch.Desktop.Tests;

/// <summary>A font a scene is drawn in: a fontconfig family, a size in points, bold or not.</summary>
public sealed record SceneFont(
    [property: JsonPropertyName("family")] string Family,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("bold")] bool Bold = false)
{
    /// <summary>A short name for file names, e.g. <c>dejavu-sans-9b</c>.</summary>
    public string Slug => $"{Family.ToLowerInvariant().Replace(' ', '-')}-{Size}{(Bold ? "b" : "")}";
}
