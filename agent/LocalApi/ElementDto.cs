using Dispatch.Engine.Accessibility;

namespace Dispatch.Agent.LocalApi;

/// <summary>One accessible element and its children.</summary>
/// <param name="Role">Its role in neutral words, e.g. <c>button</c>, <c>entry</c>, <c>check box</c>.</param>
/// <param name="BackendRole">Its role as the platform names it, e.g. AT-SPI's <c>push button</c>.</param>
/// <param name="Name">Its accessible name.</param>
/// <param name="Description">Its description.</param>
/// <param name="States">Its states by name, e.g. <c>enabled</c>, <c>showing</c>, <c>focused</c>.</param>
/// <param name="Bounds">Where it is; null when it has no extent.</param>
/// <param name="Text">Its text, cut as a snapshot keeps it.</param>
/// <param name="Actions">What it can do.</param>
/// <param name="Path">Where it sits: process id and child indexes.</param>
/// <param name="Depth">Levels below its application.</param>
/// <param name="Application">Its application's name.</param>
/// <param name="Children">Its children.</param>
public sealed record ElementDto(string Role, string BackendRole, string Name, string Description, IReadOnlyList<string> States, BoundsDto? Bounds, string? Text,
    IReadOnlyList<string> Actions, string Path, int Depth, string Application, IReadOnlyList<ElementDto> Children)
{
    internal static ElementDto From(UiNode node) =>
        new(UiRoleNames.NameOf(node.Role), node.BackendRole, node.Name, node.Description,
            Enum.GetValues<UiStates>().Where(s => s != UiStates.None && node.States.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant()).ToList(),
            node.Bounds is { } b ? BoundsDto.From(b) : null, node.Text, node.Actions, node.Path.ToString(), node.Path.Depth, node.Application,
            node.Children.Select(From).ToList());

    /// <summary>This element and every element below it, depth first.</summary>
    public IEnumerable<ElementDto> DescendantsAndSelf() => Children.SelectMany(c => c.DescendantsAndSelf()).Prepend(this);

    /// <summary>One line, as <c>dispatch inspect</c> prints it: role (and the platform's, when it differs), name, bounds, text, states.</summary>
    public override string ToString() =>
        $"[{Role}{(BackendRole.Length > 0 && BackendRole != Role ? $" \"{BackendRole}\"" : "")}] \"{Name}\"{(Bounds is { } b ? $" @{b}" : "")}"
        + $"{(Text is { Length: > 0 } t ? $" text=\"{(t.Length > 40 ? t[..40] + "…" : t)}\"" : "")}{(States.Count > 0 ? $" {{{string.Join(' ', States)}}}" : "")}";
}
