using Dispatch.Engine.Accessibility;
using Tmds.DBus.Protocol;

namespace Dispatch.Engine.Platform.X11.Atspi;

internal sealed partial class AtspiAccessibility
{
    public Task InvokeAsync(UiNode node, string? actionName = null, CancellationToken cancellationToken = default) =>
        WithLiveAsync(node, async live =>
        {
            await RequireAsync(live, node, AtspiBus.ActionInterface, "offers no actions; expected a button, menu item or other actionable element", cancellationToken).ConfigureAwait(false);
            var names = await Checked(_bus.GetActionNamesAsync(live, cancellationToken), "GetActions", node).ConfigureAwait(false);
            var index = actionName is null ? (names.Length > 0 ? 0 : -1) : Array.FindIndex(names, n => string.Equals(n, actionName, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new AccessibilityException(
                    $"{Describe(node)} has no action '{actionName}'; it offers: {(names.Length == 0 ? "none" : string.Join(", ", names))}.");
            }
            if (!await Checked(_bus.DoActionAsync(live, index, cancellationToken), "DoAction", node).ConfigureAwait(false))
            {
                throw new AccessibilityException($"{Describe(node)} refused action '{names[index]}'.");
            }
        }, cancellationToken);

    public Task FocusAsync(UiNode node, CancellationToken cancellationToken = default) =>
        WithLiveAsync(node, async live =>
        {
            await RequireAsync(live, node, AtspiBus.ComponentInterface, "cannot take focus: it has no Component interface", cancellationToken).ConfigureAwait(false);
            if (!await Checked(_bus.GrabFocusAsync(live, cancellationToken), "GrabFocus", node).ConfigureAwait(false))
            {
                throw new AccessibilityException($"{Describe(node)} refused the focus.");
            }
        }, cancellationToken);

    public async Task<string> GetTextAsync(UiNode node, CancellationToken cancellationToken = default)
    {
        var value = "";
        await WithLiveAsync(node, async live =>
        {
            await RequireAsync(live, node, AtspiBus.TextInterface, "has no text; expected a text field, label or document", cancellationToken).ConfigureAwait(false);
            var count = await Checked(_bus.GetCharacterCountAsync(live, cancellationToken), "CharacterCount", node).ConfigureAwait(false);
            value = await Checked(_bus.GetTextAsync(live, 0, count, cancellationToken), "GetText", node).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return value;
    }

    public Task SetTextAsync(UiNode node, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WithLiveAsync(node, async live =>
        {
            await RequireAsync(live, node, AtspiBus.EditableTextInterface, "is not editable; expected an editable text field or document", cancellationToken).ConfigureAwait(false);
            if (!await Checked(_bus.SetTextContentsAsync(live, text, cancellationToken), "SetTextContents", node).ConfigureAwait(false))
            {
                throw new AccessibilityException($"{Describe(node)} refused the new text (it may be read-only).");
            }
        }, cancellationToken);
    }

    public async Task SelectAsync(UiNode node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Path.Depth == 0)
        {
            throw new AccessibilityException($"{Describe(node)} is an application root; only elements inside a list, tab bar or menu can be selected.");
        }
        var parentPath = new UiPath(node.Path.ProcessId, node.Path.Indices.Take(node.Path.Depth - 1).ToArray());
        await WithLiveAsync(node, async _ =>
        {
            var parent = await ResolvePathAsync(parentPath, cancellationToken).ConfigureAwait(false) ?? throw Stale(node, "its parent is gone");
            if (!await ImplementsAsync(parent, AtspiBus.SelectionInterface, node, cancellationToken).ConfigureAwait(false))
            {
                throw new AccessibilityException($"The parent of {Describe(node)} supports no selection; expected a list, tab bar or menu.");
            }
            if (!await Checked(_bus.SelectChildAsync(parent, node.Path.Indices[^1], cancellationToken), "SelectChild", node).ConfigureAwait(false))
            {
                throw new AccessibilityException($"{Describe(node)} could not be selected.");
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finds the live element of <paramref name="node"/>, checks it is still the same element, and acts on it.</summary>
    private async Task WithLiveAsync(UiNode node, Func<AtspiObject, Task> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var live = await ResolvePathAsync(node.Path, cancellationToken).ConfigureAwait(false) ?? throw Stale(node, "nothing is at its path any more");
        var role = OrEmpty(_bus.GetRoleNameOfAsync(live, cancellationToken));
        var name = OrEmpty(_bus.GetNameAsync(live, cancellationToken));
        var (liveRole, liveName) = (await Checked(role, "GetRole", node).ConfigureAwait(false), await Checked(name, "Name", node).ConfigureAwait(false));
        if (liveRole != node.BackendRole || liveName != node.Name)
        {
            throw Stale(node, $"a {liveRole} \"{liveName}\" is there now");
        }
        await act(live).ConfigureAwait(false);
    }

    /// <summary>The element at <paramref name="path"/> now, child by child from its application's root; null when the path leads nowhere.</summary>
    private async Task<AtspiObject?> ResolvePathAsync(UiPath path, CancellationToken cancellationToken)
    {
        var apps = await ApplicationsAsync(cancellationToken).ConfigureAwait(false);
        if (apps.FirstOrDefault(a => a.ProcessId == path.ProcessId) is not { } app)
        {
            return null;
        }
        var current = app.Root;
        foreach (var index in path.Indices)
        {
            try
            {
                current = await _bus.GetChildAtIndexAsync(current, index, cancellationToken).ConfigureAwait(false);
            }
            catch (DBusErrorReplyException)
            {
                return null;
            }
            catch (AtspiCallTimeoutException)
            {
                throw new AccessibilityException($"Application {app.Label} did not answer within {_bus.CallTimeout.TotalMilliseconds:0} ms while its element {path} was looked up.");
            }
            if (current.IsNull)
            {
                return null;
            }
        }
        return current;
    }

    private async Task RequireAsync(AtspiObject live, UiNode node, string @interface, string otherwise, CancellationToken cancellationToken)
    {
        if (!await ImplementsAsync(live, @interface, node, cancellationToken).ConfigureAwait(false))
        {
            throw new AccessibilityException($"{Describe(node)} {otherwise}.");
        }
    }

    private async Task<bool> ImplementsAsync(AtspiObject live, string @interface, UiNode node, CancellationToken cancellationToken) =>
        Array.IndexOf(await Checked(_bus.GetInterfacesAsync(live, cancellationToken), "GetInterfaces", node).ConfigureAwait(false), @interface) >= 0;

    /// <summary>A property the element cannot give (defunct, or not implemented by its toolkit) reads as empty.</summary>
    private static async Task<string> OrEmpty(Task<string> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (DBusErrorReplyException)
        {
            return "";
        }
    }

    /// <summary>Turns a failed call into an exception that names the call and the element it was for.</summary>
    private static async Task<T> Checked<T>(Task<T> call, string member, UiNode node)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (DBusErrorReplyException error)
        {
            throw new AccessibilityException($"{member} failed for {Describe(node)}: {error.ErrorMessage}");
        }
        catch (AtspiCallTimeoutException error)
        {
            throw new AccessibilityException($"{member} failed for {Describe(node)}: {error.Message}");
        }
    }

    private static AccessibilityException Stale(UiNode node, string what) =>
        new($"The element {Describe(node)} is stale: {what}. Take a new snapshot and find it again.");
}
