using System.Text;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Locators;

/// <summary>
/// A parsed query that finds an element by accessibility properties, on-screen text, an image or a point, e.g.
/// <c>role=button name="Equals"</c>, <c>text="Save" in window "Report"</c>, <c>image=assets/save.png</c>,
/// <c>point=640,400</c>, <c>role=entry right of text="Customer:"</c>, <c>text="OK" #2</c>. See <see cref="LocatorParser"/>.
/// </summary>
public sealed record Locator
{
    /// <summary>The neutral role, e.g. <see cref="UiRole.Button"/> (which also finds toggles: <see cref="UiRoleNames.Covers"/>).</summary>
    public UiRole? Role { get; init; }

    /// <summary>A role as the platform names it (AT-SPI's <c>push button</c>), for a role name that is no neutral one.</summary>
    public string? BackendRole { get; init; }

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

    /// <summary>Only the elements of this top-level window (a dialog's own, not its parent's).</summary>
    public WindowCondition? Window { get; init; }

    /// <summary>What the match must lie next to (<see cref="Relation"/> says where); null when no anchor is named.</summary>
    public Locator? Anchor { get; init; }

    /// <summary>Where the match lies relative to <see cref="Anchor"/>; matches are ranked by edge distance in that direction.</summary>
    public SpatialRelation Relation { get; init; }

    /// <summary>Which match to take, 1-based, in result order; null wants exactly one (several are an ambiguity).</summary>
    public int? Index { get; init; }

    /// <summary>Take the best of several matches instead of reporting an ambiguity (<c>first</c>).</summary>
    public bool First { get; init; }

    /// <summary>Search only this channel (<c>via=ocr</c>, <c>via=accessibility</c>); null searches every channel the clauses call for.</summary>
    public MatchChannel? Via { get; init; }

    /// <summary>True when the accessibility tree must be asked.</summary>
    public bool UsesAccessibility =>
        Via is null or MatchChannel.Accessibility
        && (Role is not null || BackendRole is not null || Name is not null || Description is not null || States != UiStates.None || Text is not null);

    /// <summary>True when the screen's text must be read.</summary>
    public bool UsesOcr => Via is null or MatchChannel.Ocr && Text is not null;

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Role is { } role)
        {
            parts.Add($"role=\"{UiRoleNames.NameOf(role)}\"");
        }
        if (BackendRole is not null)
        {
            parts.Add($"role=\"{BackendRole}\"");
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
            text.Append(' ').Append(Window);
        }
        if (Anchor is not null)
        {
            text.Append(' ').Append(LocatorParser.KeywordOf(Relation)).Append(' ').Append(Anchor);
        }
        if (Index is { } index)
        {
            text.Append($" #{index}");
        }
        if (First)
        {
            text.Append(" first");
        }
        return text.ToString();
    }
}
