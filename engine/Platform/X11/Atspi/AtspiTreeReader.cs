using System.Runtime.Versioning;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;
using Tmds.DBus.Protocol;

namespace Dispatch.Engine.Platform.X11.Atspi;

/// <summary>
/// Reads one application's elements for one walk, in as few round trips as the toolkit allows: its cache
/// (<c>GetItems</c>) where it covers a parent's children completely, otherwise one level at a time with every
/// element of the level asked at once. The first call the application leaves unanswered past the bus's timeout
/// ends this application's reading (and only its): <see cref="Failure"/> then says so.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class AtspiTreeReader : IDisposable
{
    private static readonly HashSet<string> s_operableRoles = new(StringComparer.Ordinal)
    {
        "push button", "toggle button", "check box", "radio button", "menu item", "check menu item", "radio menu item", "menu",
        "link", "list item", "tree item", "table cell", "page tab", "combo box", "spin button", "slider", "icon",
    };

    private readonly AtspiBus _bus;
    private readonly WalkLimits _limits;
    private readonly CancellationTokenSource _stop;
    private Dictionary<string, AtspiCacheItem>? _cache;
    private Dictionary<string, List<AtspiCacheItem>>? _cachedChildren;
    private Task<bool>? _answersGetAll;
    private int _read;
    private volatile string? _failure;

    /// <summary>Creates a reader of <paramref name="application"/> whose calls end when <paramref name="walk"/> is cancelled (the walk's time limit or the caller).</summary>
    public AtspiTreeReader(AtspiBus bus, AtspiApplication application, WalkLimits limits, CancellationToken walk)
    {
        _bus = bus;
        Application = application;
        _limits = limits;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(walk);
    }

    public AtspiApplication Application { get; }

    /// <summary>Why this application's elements are incomplete when it stopped answering; null while it answers.</summary>
    public string? Failure => _failure;

    /// <summary>True when reading stopped because enough elements were read for the walk's node limit.</summary>
    public bool StoppedAtNodeLimit { get; private set; }

    /// <summary>
    /// Reads <paramref name="root"/> and the elements below it (down to the walk's depth limit, skipping what is not
    /// showing when the walk asks so). Returns null when even the root could not be read; otherwise a tree where an
    /// element whose children could not be read before a limit (or a failure) has null <see cref="AtspiElement.Children"/>.
    /// </summary>
    public async Task<AtspiElement?> ReadTreeAsync(AtspiObject root, int rootDepth)
    {
        try
        {
            var items = await Try(_bus.GetCacheItemsAsync(root.BusName, _stop.Token), null).ConfigureAwait(false);
            if (items is not null)
            {
                _cache = items.ToDictionary(i => i.Object.Path, StringComparer.Ordinal);
                _cachedChildren = items.Where(i => i.IndexInParent >= 0).GroupBy(i => i.Parent.Path, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            }
            // Not the root from the cache: GTK 4 lists its application root there with no children.
            var top = await ReadBasicsAsync(root).ConfigureAwait(false);
            if (top is null)
            {
                return null;
            }
            _read = 1;
            var level = new List<AtspiElement> { top };
            for (var depth = rootDepth; level.Count > 0 && depth < _limits.MaxDepth; depth++)
            {
                if (_read >= _limits.MaxNodes)
                {
                    StoppedAtNodeLimit = true;
                    break;
                }
                var parents = level.Where(e => e.ChildCount != 0).ToList();
                await Task.WhenAll(parents.Select(ReadChildrenAsync)).ConfigureAwait(false);
                level = [.. parents.SelectMany(p => p.Children ?? []).OfType<AtspiElement>().Where(c => !_limits.ShowingOnly || c.IsShowing)];
                Interlocked.Add(ref _read, level.Count);
            }
            return top;
        }
        catch (Exception error) when (Stopped(error))
        {
            return null;
        }
    }

    /// <summary>
    /// Reads extents, text and actions of <paramref name="elements"/>, all at once; what is not answered stays empty.
    /// False when the walk's time limit (not a hung application, which <see cref="Failure"/> names) cut it short.
    /// </summary>
    public async Task<bool> ReadDetailsAsync(IReadOnlyCollection<AtspiElement> elements)
    {
        try
        {
            await Task.WhenAll(elements.Select(ReadDetailsAsync)).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (Stopped(error))
        {
            return _failure is not null;
        }
    }

    /// <summary>
    /// Reads the children of an element the level-by-level reading left for the node limit, when the walk's depth-first
    /// count reaches it before the limit; false when they could not be read (time limit, hung application).
    /// </summary>
    public async Task<bool> ReadChildrenLateAsync(AtspiElement parent)
    {
        try
        {
            await ReadChildrenAsync(parent).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (Stopped(error))
        {
            return false;
        }
    }

    /// <summary>The element's children (none when it is gone).</summary>
    public Task<AtspiObject[]> ChildrenOfAsync(AtspiObject element) => Try(_bus.GetChildrenAsync(element, _stop.Token), []);

    /// <summary>What hit testing needs of an element: its states and its extents (none when it is gone or has no Component).</summary>
    public async Task<(UiStates States, Rect? Extents)> HitInfoAsync(AtspiObject element)
    {
        var states = Try(_bus.GetStateAsync(element, _stop.Token), UiStates.None);
        var extents = Try(_bus.GetExtentsAsync(element, _stop.Token), null);
        return (await states.ConfigureAwait(false), await extents.ConfigureAwait(false));
    }

    /// <summary>One element's role, name, description, states, child count and interfaces (four calls at once); null when it is gone.</summary>
    public async Task<AtspiElement?> ReadBasicsAsync(AtspiObject reference)
    {
        if (reference.IsNull)
        {
            return null;
        }
        var token = _stop.Token;
        var role = Try(_bus.GetRoleAsync(reference, token), uint.MaxValue);
        var basics = await AnswersGetAllAsync().ConfigureAwait(false) ? TryOrNull(_bus.GetBasicsAsync(reference, token)) : Task.FromResult<(string, string, int)?>(null);
        var states = Try(_bus.GetStateAsync(reference, token), UiStates.None);
        var interfaces = Try(_bus.GetInterfacesAsync(reference, token), []);
        await Task.WhenAll(role, basics, states, interfaces).ConfigureAwait(false);
        if (role.Result == uint.MaxValue && basics.Result is null && states.Result == UiStates.None && interfaces.Result.Length == 0)
        {
            // Neither answered with anything but an error: the element is gone (defunct, or its app removed it).
            return null;
        }
        var element = new AtspiElement(reference)
        {
            Role = AtspiRoles.NameOf(role.Result) ?? (role.Result == uint.MaxValue ? "" : await Try(_bus.GetRoleNameAsync(reference, token), "").ConfigureAwait(false)),
            States = states.Result,
            Interfaces = interfaces.Result,
        };
        if (basics.Result is var (name, description, childCount))
        {
            (element.Name, element.Description, element.ChildCount) = (name, description, childCount);
        }
        else
        {
            var nameCall = Try(_bus.GetNameAsync(reference, token), "");
            var descriptionCall = Try(_bus.GetDescriptionAsync(reference, token), "");
            var countCall = Try(_bus.GetChildCountAsync(reference, token), 0);
            element.Name = await nameCall.ConfigureAwait(false);
            element.Description = await descriptionCall.ConfigureAwait(false);
            element.ChildCount = await countCall.ConfigureAwait(false);
        }
        return element;
    }

    /// <summary>
    /// True when the application's toolkit answers <c>Properties.GetAll</c> safely (GTK): one call instead of three per
    /// element. Asked once per reader; an application that cannot say is asked property by property.
    /// </summary>
    private Task<bool> AnswersGetAllAsync() => _answersGetAll ??= AskToolkitAsync();

    private async Task<bool> AskToolkitAsync() =>
        await Try(_bus.GetToolkitNameAsync(Application.Root.BusName, _stop.Token), "").ConfigureAwait(false) is { } toolkit && toolkit.Equals("GTK", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every property a snapshot node has: the basics and the details.</summary>
    public async Task<AtspiElement?> ReadElementAsync(AtspiObject reference)
    {
        var element = await ReadBasicsAsync(reference).ConfigureAwait(false);
        if (element is not null)
        {
            await ReadDetailsAsync(element).ConfigureAwait(false);
        }
        return element;
    }

    /// <summary>Throws the reason reading stopped when it was a hung application (callers that cannot return a partial result).</summary>
    public void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new AccessibilityException(failure);
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task ReadChildrenAsync(AtspiElement parent)
    {
        if (CachedChildren(parent) is { } cached)
        {
            parent.Children = cached;
            return;
        }
        var references = await Try(_bus.GetChildrenAsync(parent.Reference, _stop.Token), []).ConfigureAwait(false);
        parent.Children = await Task.WhenAll(references.Select(r => FromCache(r) is { } hit ? Task.FromResult<AtspiElement?>(hit) : ReadBasicsAsync(r))).ConfigureAwait(false);
    }

    private async Task ReadDetailsAsync(AtspiElement element)
    {
        var token = _stop.Token;
        var reference = element.Reference;
        var extents = element.Implements(AtspiBus.ComponentInterface) ? Try(_bus.GetExtentsAsync(reference, token), null) : null;
        // Every property is a round trip, so read only what can matter: a label's text is its name, and actions only
        // matter on things a person can operate (a GTK label alone offers eight clipboard actions).
        var text = element.Role == "label" && element.Name.Length > 0 ? Task.FromResult<string?>(element.Name)
            : element.Implements(AtspiBus.TextInterface) ? ReadTextAsync(reference, UiNode.MaxSnapshotText, token) : Task.FromResult<string?>(null);
        var actions = (element.States.HasFlag(UiStates.Focusable) || s_operableRoles.Contains(element.Role)) && element.Implements(AtspiBus.ActionInterface)
            ? Try(_bus.GetActionNamesAsync(reference, token), []) : Task.FromResult<string[]>([]);
        element.Extents = extents is null ? null : await extents.ConfigureAwait(false);
        element.Text = await text.ConfigureAwait(false);
        element.Actions = await actions.ConfigureAwait(false);
    }

    private async Task<string?> ReadTextAsync(AtspiObject reference, int maxCharacters, CancellationToken token)
    {
        var count = await Try(_bus.GetCharacterCountAsync(reference, token), -1).ConfigureAwait(false);
        return count < 0 ? null : await Try(_bus.GetTextAsync(reference, 0, Math.Min(count, maxCharacters), token), null!).ConfigureAwait(false);
    }

    private AtspiElement? FromCache(AtspiObject reference) =>
        _cache is not null && reference.BusName == Application.Root.BusName && _cache.TryGetValue(reference.Path, out var item) ? FromItem(item) : null;

    /// <summary>The parent's children from the cache, when the cache holds each index from 0 to its child count exactly once.</summary>
    private AtspiElement?[]? CachedChildren(AtspiElement parent)
    {
        if (_cachedChildren is null || parent.ChildCount <= 0 || !_cachedChildren.TryGetValue(parent.Reference.Path, out var items) || items.Count != parent.ChildCount)
        {
            return null;
        }
        var children = new AtspiElement?[parent.ChildCount];
        foreach (var item in items)
        {
            if (item.IndexInParent >= children.Length || children[item.IndexInParent] is not null)
            {
                return null;
            }
            children[item.IndexInParent] = FromItem(item);
        }
        return children;
    }

    private static AtspiElement FromItem(AtspiCacheItem item) => new(item.Object)
    {
        Role = AtspiRoles.NameOf(item.Role) ?? "",
        Name = item.Name,
        Description = item.Description,
        States = item.States,
        ChildCount = item.ChildCount,
        Interfaces = item.Interfaces,
    };

    /// <summary>
    /// An error reply (an element gone, a property the toolkit lacks) reads as <paramref name="fallback"/>, as libatspi's
    /// errors did. A call left unanswered marks the application failed at once, so its other calls stop too.
    /// </summary>
    private async Task<T> Try<T>(Task<T> call, T fallback)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (DBusErrorReplyException)
        {
            return fallback;
        }
        catch (AtspiCallTimeoutException timeout)
        {
            Stopped(timeout);
            throw;
        }
    }

    private Task<T?> TryOrNull<T>(Task<T> call) where T : struct => Try(AsNullable(call), null);

    private static async Task<T?> AsNullable<T>(Task<T> call) where T : struct => await call.ConfigureAwait(false);

    /// <summary>Records why reading stopped: a hung application stops its own reading; the walk's cancellation stops all.</summary>
    private bool Stopped(Exception error)
    {
        switch (error)
        {
            case AtspiCallTimeoutException timeout:
                _failure ??= $"application {Application.Label} did not answer within {timeout.Timeout.TotalMilliseconds:0} ms";
                _stop.Cancel();
                return true;
            case OperationCanceledException:
                return true;
            case DBusConnectionException or DBusMessageException:
                _failure ??= $"application {Application.Label} could not be read: {error.Message}";
                return true;
            default:
                return false;
        }
    }
}
