using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Accessibility;

/// <summary>One element of an accessibility snapshot. A snapshot does not change; act on it through <see cref="IAccessibility"/>.</summary>
/// <param name="Role">What the element is, in neutral words (<see cref="UiRole.Button"/>, <see cref="UiRole.Entry"/>…).</param>
/// <param name="BackendRole">The role as the platform names it (AT-SPI's <c>push button</c>, <c>toggle button</c>), kept as data for people and for locators that name it.</param>
/// <param name="Name">The accessible name (a button's label); empty when it has none.</param>
/// <param name="Description">The accessible description; empty when it has none.</param>
/// <param name="States">Its states.</param>
/// <param name="Bounds">Where it is, in screen pixels; null when it has no on-screen extent.</param>
/// <param name="Text">Its text content (Text interface), cut to <see cref="MaxSnapshotText"/> characters; null when it has none.</param>
/// <param name="Actions">Actions it offers, e.g. <c>click</c>, <c>press</c>, <c>activate</c>.</param>
/// <param name="Path">Where it sits in its application's tree.</param>
/// <param name="Application">The application's accessible name, e.g. <c>gnome-calculator</c>.</param>
/// <param name="Children">Its children in order (empty beyond a walk's depth limit).</param>
public sealed record UiNode(UiRole Role, string BackendRole, string Name, string Description, UiStates States, Rect? Bounds, string? Text,
    IReadOnlyList<string> Actions, UiPath Path, string Application, IReadOnlyList<UiNode> Children)
{
    /// <summary>What can be done to it, as neutral verbs; the backend's own action names are <see cref="Actions"/>.</summary>
    public UiActions Verbs { get; init; }

    /// <summary>The longest text a snapshot keeps per element; read more with <see cref="IAccessibility.GetTextAsync"/>.</summary>
    public const int MaxSnapshotText = 4096;

    /// <summary>True when the element is enabled and sensitive (can be operated).</summary>
    public bool IsEnabled => States.HasFlag(UiStates.Enabled) || States.HasFlag(UiStates.Sensitive);

    /// <summary>True when the element is shown (GTK 4 reports Visible but not Showing below a window, so Visible decides).</summary>
    public bool IsShowing => States.HasFlag(UiStates.Visible);

    /// <summary>
    /// What a person reads on the element: its name, except that GTK 4's doubled names ("Send Send": label and
    /// tooltip) read once; or, without a name, its first label child's. Empty when it shows no text.
    /// </summary>
    public string Label
    {
        get
        {
            var halves = Name.Split(' ');
            var half = halves.Length / 2;
            return halves.Length % 2 == 0 && half > 0 && halves.AsSpan(0, half).SequenceEqual(halves.AsSpan(half))
                ? string.Join(' ', halves, 0, half)
                : Name.Length > 0 ? Name : Children.FirstOrDefault(c => c.Role == UiRole.Label)?.Name ?? "";
        }
    }

    /// <summary>Every text a locator may match the element by: its name, its <see cref="Label"/>, its text, its label children's texts.</summary>
    public IReadOnlyList<string> Labels =>
        new[] { Name, Label, Text }.Concat(Children.Where(c => c.Role == UiRole.Label).Select(c => c.Text ?? c.Name))
            .OfType<string>().Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();

    /// <summary>This element and every element below it, depth first.</summary>
    public IEnumerable<UiNode> DescendantsAndSelf()
    {
        var stack = new Stack<UiNode>();
        stack.Push(this);
        while (stack.TryPop(out var node))
        {
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"[{UiRoleNames.NameOf(Role)}] \"{Name}\"{(Bounds is { } b ? $" @{b}" : "")}{(Text is { Length: > 0 } t ? $" text=\"{(t.Length > 40 ? t[..40] + "…" : t)}\"" : "")}";
}
