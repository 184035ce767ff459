namespace Dispatch.Engine.Locators;

/// <summary>
/// Which top-level window a locator searches (<c>in window "Save As"</c>). <c>in window = "…"</c> wants the whole
/// title; <c>in window ~= "…"</c> a title containing the text; plain <c>in window "…"</c> takes the window of exactly
/// that title, else the one window whose title contains it. Titles compare ignoring case and surrounding space.
/// Several windows of different titles that fit are an ambiguity, listed, never a guess; several of one title (a dialog
/// opened again) are that title's topmost window, the one a person sees.
/// </summary>
/// <param name="Title">The title, or part of it.</param>
/// <param name="Match">How the title must match.</param>
public sealed record WindowCondition(string Title, TitleMatch Match)
{
    /// <summary>True when <paramref name="title"/> equals the wanted title.</summary>
    public bool IsExactly(string title) => string.Equals(title.Trim(), Title.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="title"/> contains the wanted title.</summary>
    public bool IsWithin(string title) => title.Contains(Title.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => Match switch
    {
        TitleMatch.Exact => $"in window = \"{Title}\"",
        TitleMatch.Contains => $"in window ~= \"{Title}\"",
        _ => $"in window \"{Title}\"",
    };
}
