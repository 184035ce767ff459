using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>
/// What one read of a snapshot learned about an element, filled in as replies arrive (from the application's cache
/// or from calls); <see cref="AtspiWalk"/> turns a tree of these into immutable <see cref="UiNode"/>s.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class AtspiElement(AtspiObject reference)
{
    public AtspiObject Reference { get; } = reference;

    public string Role { get; set; } = "";

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public UiStates States { get; set; }

    /// <summary>The child count the toolkit reports; -1 when it did not say (a cache entry of a menu).</summary>
    public int ChildCount { get; set; }

    public string[] Interfaces { get; set; } = [];

    /// <summary>Its children in index order once read (null: not read); a null entry is a child that vanished meanwhile.</summary>
    public AtspiElement?[]? Children { get; set; }

    /// <summary>Screen extents as the toolkit reports them (window-relative for GTK 4: <see cref="AtspiWindowPlacement"/> corrects that).</summary>
    public Rect? Extents { get; set; }

    public string? Text { get; set; }

    public IReadOnlyList<string> Actions { get; set; } = [];

    /// <summary>Applications report no states; GTK 4 reports Visible but never Showing below a window, so Visible decides.</summary>
    public bool IsShowing => States == UiStates.None || States.HasFlag(UiStates.Visible);

    public bool Implements(string @interface) => Array.IndexOf(Interfaces, @interface) >= 0;

    /// <summary>The element as a snapshot node (no children), with its extents moved by <paramref name="offset"/>.</summary>
    public UiNode ToNode(UiPath path, string application, Point offset)
    {
        var role = AtspiRoles.ToUiRole(Role, States);
        return new(role, Role, Name, Description, States, Extents is { } bounds && offset != default ? bounds.Offset(offset.X, offset.Y) : Extents,
            Text, Actions, path, application, [])
        {
            Verbs = AtspiRoles.VerbsOf(role, Actions, States),
        };
    }
}
