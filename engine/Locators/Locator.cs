using System.Text;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Locators;

/// <summary>
/// A parsed query that finds an element by accessibility properties, on-screen text, an image or a point, e.g.
/// <c>role="push button" name="Equals"</c>, <c>text="Save" in window "Report"</c>, <c>image=assets/save.png</c>,
/// <c>point=640,400</c>, <c>role=text near text="Total"</c>, <c>text="OK" #2</c>. See <see cref="LocatorParser"/>.
/// </summary>
public sealed record Locator
{
    /// <summary>The accessible role, e.g. <c>push button</c>.</summary>
    public string? Role { get; init; }

    /// <summary>The accessible name (or the visible label of the element).</summary>
    public TextCondition? Name { get; init; }

    /// <summary>Text a person sees: matched against accessible names and labels, and read by OCR.</summary>
    public TextCondition? Text { get; init; }

    /// <summary>The accessible description.</summary>
    public TextCondition? Description { get; init; }

    /// <summary>States the element must have, e.g. <c>enabled</c>, <c>checked</c>.</summary>
    public UiStates States { get; init; }

    /// <summary>An image file to find on the screen.</summary>
    public string? ImagePath { get; init; }

    /// <summary>A fixed screen point.</summary>
    public Point? Point { get; init; }

    /// <summary>Only inside the top-level window whose title contains this text.</summary>
    public string? Window { get; init; }

    /// <summary>Prefer the match nearest to what this locator finds.</summary>
    public Locator? Near { get; init; }

    /// <summary>Which match to take, 1-based, in result order; null takes the best.</summary>
    public int? Index { get; init; }

    /// <summary>Search only this channel (<c>via=ocr</c>, <c>via=accessibility</c>); null searches every channel the clauses call for.</summary>
    public MatchChannel? Via { get; init; }

    /// <summary>True when the accessibility tree must be asked.</summary>
    public bool UsesAccessibility =>
        Via is null or MatchChannel.Accessibility
        && (Role is not null || Name is not null || Description is not null || States != UiStates.None || Text is not null);

    /// <summary>True when the screen's text must be read.</summary>
    public bool UsesOcr => Via is null or MatchChannel.Ocr && Text is not null;

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Role is not null)
        {
            parts.Add($"role=\"{Role}\"");
        }
        if (Name is not null)
        {
            parts.Add("name" + Name);
        }
        if (Text is not null)
        {
            parts.Add("text" + Text);
        }
        if (Description is not null)
        {
            parts.Add("description" + Description);
        }
        foreach (var state in Enum.GetValues<UiStates>().Where(s => s != UiStates.None && States.HasFlag(s)))
        {
            parts.Add($"state={state.ToString().ToLowerInvariant()}");
        }
        if (ImagePath is not null)
        {
            parts.Add($"image=\"{ImagePath}\"");
        }
        if (Point is { } point)
        {
            parts.Add($"point={point}");
        }
        if (Via is { } via)
        {
            parts.Add($"via={via.ToString().ToLowerInvariant()}");
        }
        var text = new StringBuilder(string.Join(' ', parts));
        if (Window is not null)
        {
            text.Append($" in window \"{Window}\"");
        }
        if (Near is not null)
        {
            text.Append($" near {Near}");
        }
        if (Index is { } index)
        {
            text.Append($" #{index}");
        }
        return text.ToString();
    }
}
