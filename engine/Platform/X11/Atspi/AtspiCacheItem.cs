using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>One element as <c>org.a11y.atspi.Cache.GetItems</c> describes it (signature <c>((so)(so)(so)iiassusau)</c>).</summary>
/// <param name="Object">The element.</param>
/// <param name="Parent">Its parent (a null reference for the application root).</param>
/// <param name="IndexInParent">Its index among its parent's children; -1 for transient elements.</param>
/// <param name="ChildCount">How many children it has; -1 when unknown (menus, defunct elements).</param>
/// <param name="Interfaces">The AT-SPI interfaces it implements.</param>
/// <param name="Name">Its accessible name.</param>
/// <param name="Role">Its AT-SPI role number.</param>
/// <param name="Description">Its accessible description.</param>
/// <param name="States">Its states.</param>
[SupportedOSPlatform("linux")]
internal sealed record AtspiCacheItem(AtspiObject Object, AtspiObject Parent, int IndexInParent, int ChildCount,
    string[] Interfaces, string Name, uint Role, string Description, UiStates States);
