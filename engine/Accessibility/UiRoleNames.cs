using System.Text;

namespace Dispatch.Engine.Accessibility;

/// <summary>
/// The names people write for <see cref="UiRole"/>s (lower case, words spaced: <c>check box</c>), and which roles a
/// name covers: <c>button</c> also finds toggles, <c>entry</c> also password fields, <c>text</c> every text element.
/// </summary>
public static class UiRoleNames
{
    private static readonly Dictionary<UiRole, UiRole[]> s_families = new()
    {
        [UiRole.Button] = [UiRole.Button, UiRole.Toggle],
        [UiRole.Entry] = [UiRole.Entry, UiRole.Password],
        [UiRole.Text] = [UiRole.Text, UiRole.Entry, UiRole.Password],
    };

    /// <summary>The role's name as a locator takes it, e.g. <c>check box</c>, <c>menu item</c>.</summary>
    public static string NameOf(UiRole role)
    {
        var name = role.ToString();
        var spaced = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                spaced.Append(' ');
            }
            spaced.Append(char.ToLowerInvariant(name[i]));
        }
        return spaced.ToString();
    }

    /// <summary>
    /// The role <paramref name="name"/> names, ignoring case, spaces, dashes and underscores (<c>check box</c>,
    /// <c>checkbox</c>, <c>check-box</c>); false for a name that is no neutral role (perhaps a backend's own).
    /// </summary>
    public static bool TryParse(string name, out UiRole role)
    {
        ArgumentNullException.ThrowIfNull(name);
        var squeezed = new string([.. name.Where(char.IsLetterOrDigit)]);
        return Enum.TryParse(squeezed, ignoreCase: true, out role) && Enum.IsDefined(role) && !squeezed.All(char.IsDigit);
    }

    /// <summary>True when an element of role <paramref name="actual"/> answers a locator asking for <paramref name="wanted"/>.</summary>
    public static bool Covers(UiRole wanted, UiRole actual) =>
        wanted == actual || s_families.TryGetValue(wanted, out var family) && Array.IndexOf(family, actual) >= 0;
}
