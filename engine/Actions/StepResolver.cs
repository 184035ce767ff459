using System.Globalization;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Input;
using Dispatch.Engine.Journal;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Safety;
using Dispatch.Engine.Vision;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine.Actions;

/// <summary>
/// Perceives a step once: the topmost window at its point in stacking order (a dialog above its parent), the topmost
/// accessible element of that window there (a label resolves to its button), or the element its locator found; the
/// focused element for keys; what the window says (by accessibility, else OCR); OCR text on targets accessibility
/// cannot name; and the step's identity. An element action must be actionable — showing, enabled and on top.
/// </summary>
public sealed class StepResolver : IStepResolver
{
    private const int TextRadius = 60;
    /// <summary>Roles that stand for a whole page, document or pane, not a group around one control.</summary>
    private static readonly HashSet<UiRole> s_wholeRoles =
    [
        UiRole.Document, UiRole.Frame, UiRole.Window, UiRole.Application, UiRole.ScrollPane, UiRole.TabList, UiRole.Tab,
    ];

    private static readonly HashSet<UiRole> s_containerRoles =
    [
        UiRole.Label, UiRole.Panel, UiRole.Image, UiRole.Paragraph, UiRole.Text, UiRole.Unknown, UiRole.Heading,
    ];

    private readonly IDesktop _desktop;
    private readonly ElementFinder _finder;
    private readonly OcrEngine _ocr;

    /// <summary>Creates a resolver over <paramref name="desktop"/>, finding elements with <paramref name="finder"/> and reading pixels with <paramref name="ocr"/>.</summary>
    public StepResolver(IDesktop desktop, ElementFinder finder, OcrEngine ocr)
    {
        _desktop = desktop ?? throw new ArgumentNullException(nameof(desktop));
        _finder = finder ?? throw new ArgumentNullException(nameof(finder));
        _ocr = ocr ?? throw new ArgumentNullException(nameof(ocr));
    }

    /// <inheritdoc/>
    public async Task<ResolvedStep> ResolveAsync(ComputerAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        cancellationToken.ThrowIfCancellationRequested();
        if (action.IsObservation)
        {
            return new ResolvedStep { Action = action };
        }
        if (OffScreen(action) is { } off)
        {
            return Failed(action, StepOutcome.OffScreen, off);
        }
        if ((HeldKeysProblem(action) ?? InputProblem(action)) is { } invalid)
        {
            return Failed(action, StepOutcome.InvalidAction, invalid);
        }
        if (action.Kind is ActionKind.ClickElement or ActionKind.SetText or ActionKind.Invoke)
        {
            FindResult found;
            try
            {
                found = await _finder.FindAllAsync(action.Locator!, cancellationToken).ConfigureAwait(false);
            }
            catch (LocatorSyntaxException error)
            {
                return Failed(action, StepOutcome.InvalidAction, error.Message);
            }
            if (found.Single is not { } single)
            {
                // Several matches are never settled by taking the first: the planner or person says which.
                return Failed(action, found.IsAmbiguous ? StepOutcome.Ambiguous : StepOutcome.NotFound, found.Explain()!);
            }
            return await PerceiveAsync(action, single.Bounds.Center, single, cancellationToken).ConfigureAwait(false);
        }
        return await PerceiveAsync(action, PointOf(action), null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<ResolvedStep> ResolveAgainAsync(ResolvedStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        cancellationToken.ThrowIfCancellationRequested();
        if (step.Action.IsObservation || step.Failure is not null)
        {
            return await ResolveAsync(step.Action, cancellationToken).ConfigureAwait(false);
        }
        var located = step.Located;
        if (located?.Node is { } node)
        {
            // The same element, found by where it sits in its application, not by searching for it again.
            var tree = await ReadTreeAsync(node.Path.ProcessId, cancellationToken).ConfigureAwait(false);
            var fresh = tree?.Nodes.FirstOrDefault(n => n.Path.Equals(node.Path));
            if (fresh?.Bounds is not { } bounds)
            {
                return Failed(step.Action, StepOutcome.AppVanished, $"{located.Description} is gone from its application (process {node.Path.ProcessId})");
            }
            located = located with { Node = fresh, Bounds = bounds, Tree = tree };
            return await PerceiveAsync(step.Action, bounds.Center, located, cancellationToken).ConfigureAwait(false);
        }
        return await PerceiveAsync(step.Action, step.Point, located, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ResolvedStep> PerceiveAsync(ComputerAction action, Point? point, ElementMatch? located, CancellationToken cancellationToken)
    {
        var screen = _desktop.Screen.Bounds;
        Frame frame;
        using (var live = _desktop.Screen.Capture())
        {
            frame = live.Clone();
        }
        try
        {
            // The topmost window at the point in stacking order (a dialog above its parent, a menu above both); keys go to the active one.
            var window = point is { } at ? _desktop.Windows.WindowAt(at) : KeyboardWindow.Of(_desktop.Windows);
            var tree = window?.ProcessId is { } pid ? Reuse(located, pid) ?? await ReadTreeAsync(pid, cancellationToken).ConfigureAwait(false) : null;
            var accessibleWindow = tree is null || window is null ? null : WindowElements.Match(tree, window, point);
            UiNode? element = null;
            if (located?.Node is { } node)
            {
                if (Actionability(located, node, window, tree, accessibleWindow, point!.Value) is { } problem)
                {
                    frame.Dispose();
                    return Failed(action, StepOutcome.NotActionable, problem);
                }
                element = tree!.Nodes.First(n => n.Path.Equals(node.Path));
                accessibleWindow = tree.Root.Children.FirstOrDefault(c => node.Path.IsWithin(c.Path)) ?? accessibleWindow;
                // A click lands on what is under the point: a container's centre may hold a button ("Actions" with "Send" inside).
                if (action.Kind == ActionKind.ClickElement && accessibleWindow is not null && HitTest(accessibleWindow, point.Value) is { } under
                    && under.Path.IsWithin(element.Path) && !under.Path.Equals(element.Path))
                {
                    element = under;
                }
            }
            else if (point is { } p && accessibleWindow is not null)
            {
                // Coordinates and what a vision locator matched alike: the element really there, in the topmost window.
                element = HitTest(accessibleWindow, p);
            }
            // Keys go to the focus of the window they are sent to; a focus elsewhere in the application is not it.
            var focused = accessibleWindow?.DescendantsAndSelf().LastOrDefault(n => n.States.HasFlag(UiStates.Focused));
            var isDialog = accessibleWindow is { Role: UiRole.Dialog } || window is { IsDialog: true };
            var keys = InputActivation.Of(action);
            var isKeys = action.Kind is ActionKind.Key or ActionKind.HoldKey or ActionKind.Type;
            var anchor = isKeys ? focused : element;
            var isTerminal = IsTerminal(window, focused);
            var windowText = WindowText(window, accessibleWindow, anchor, isDialog, frame,
                readPixels: window is not null && accessibleWindow is null && (isDialog || isTerminal || keys.Kind != ActivationKind.None));
            var textAtPoint = point is { } q && IsPointerActivation(action.Kind) ? TextAt(frame, q, element, window) : null;
            var bounds = TargetBounds(action, point, located, element, focused, window, screen);
            var controls = accessibleWindow is null ? [] : ControlsAround(accessibleWindow, anchor);
            var popup = isKeys && keys.Kind != ActivationKind.None ? PopupText(frame) : null;
            if (popup is not null)
            {
                // An open menu takes the keys: what has the focus in the window below is not what Return presses.
                focused = null;
            }
            var dropNames = action.Kind == ActionKind.LeftClickDrag && action.Coordinate is { } drop
                ? await NamesAtAsync(frame, drop, cancellationToken).ConfigureAwait(false) : [];
            var target = new ActionTarget
            {
                Point = point,
                Element = isKeys ? focused : element,
                Focused = focused,
                TextAtPoint = textAtPoint,
                Window = window,
                Application = tree?.Root.Application ?? window?.ClassName,
                IsDialog = isDialog,
                WindowText = windowText,
                Controls = [.. controls.Select(n => n.Label).Concat(popup ?? []).Distinct()],
                DefaultControl = popup is null ? controls.FirstOrDefault(n => n.States.HasFlag(UiStates.IsDefault))?.Label : null,
                IsTerminal = isTerminal,
                DropNames = dropNames,
                Bounds = bounds,
            };
            var identity = new StepIdentity(Describe(action, target, located), ComputerActionJson.Write(action),
                bounds is { } area && area.Intersect(screen) is { IsEmpty: false } visible ? frame.Crop(visible) : null);
            return new ResolvedStep { Action = action, Point = point, Located = located, Target = target, Identity = identity, Screen = frame };
        }
        catch
        {
            frame.Dispose();
            throw;
        }
    }

    /// <summary>Visible, enabled, and on top: the topmost window at its centre is its application's, and hit-testing it there reaches it.</summary>
    private static string? Actionability(ElementMatch located, UiNode node, WindowInfo? window, UiTree? tree, UiNode? accessibleWindow, Point point)
    {
        var fresh = tree?.Nodes.FirstOrDefault(n => n.Path.Equals(node.Path));
        if (window is null || window.ProcessId != node.Path.ProcessId || tree is null)
        {
            return $"on top: {(window is null ? "no window" : $"the window '{window.Title}' of process {window.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "?"}")} "
                + $"is at {point}, above {located.Description}";
        }
        if (fresh is null)
        {
            return $"visible: {located.Description} is no longer showing";
        }
        if (!fresh.IsEnabled)
        {
            return $"enabled: {located.Description} is disabled (states: {fresh.States})";
        }
        var top = accessibleWindow is null ? null : HitTestDeepest(accessibleWindow, point);
        if (top is null || !top.Path.IsWithin(fresh.Path))
        {
            return $"on top: at {point} the window '{window.Title}' shows {(top is null ? "nothing accessible" : top.ToString())}, not {located.Description}";
        }
        return null;
    }

    /// <summary>The application's part of the snapshot the locator searched a moment ago: the step is perceived once.</summary>
    private static UiTree? Reuse(ElementMatch? located, int processId)
    {
        if (located?.Tree is not { } searched)
        {
            return null;
        }
        var app = searched.Nodes.FirstOrDefault(n => n.Path.ProcessId == processId && n.Path.Depth == 0 && n.Role == UiRole.Application);
        return app is null ? null : ReferenceEquals(app, searched.Root) ? searched : searched with { Root = app };
    }

    private async Task<UiTree?> ReadTreeAsync(int processId, CancellationToken cancellationToken)
    {
        try
        {
            return await _desktop.Accessibility.SnapshotAsync(UiScope.Process(processId), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AccessibilityException)
        {
            // Not on the accessibility bus (or no bus at all): the target is unreadable, which the policy treats as unknown.
            return null;
        }
    }

    /// <summary>The operable element a click at <paramref name="point"/> reaches in the window (a label resolves to its button); null for the window's bare background.</summary>
    private static UiNode? HitTest(UiNode window, Point point)
    {
        var chain = Chain(window, point);
        for (var i = chain.Count - 1; i >= 1; i--)
        {
            if (chain[i].Actions.Count > 0 || chain[i].States.HasFlag(UiStates.Editable) || !s_containerRoles.Contains(chain[i].Role))
            {
                return chain[i];
            }
        }
        return chain.Count > 1 ? chain[^1] : null;
    }

    private static UiNode? HitTestDeepest(UiNode window, Point point)
    {
        var chain = Chain(window, point);
        return chain.Count > 0 ? chain[^1] : null;
    }

    /// <summary>From the window down to the deepest showing element containing the point; later siblings are drawn above earlier ones.</summary>
    private static List<UiNode> Chain(UiNode window, Point point)
    {
        var chain = new List<UiNode>();
        if (window.Bounds is { } bounds && !bounds.Contains(point))
        {
            return chain;
        }
        var current = window;
        chain.Add(current);
        while (Under(current, point) is { } next)
        {
            chain.Add(next);
            current = next;
        }
        return chain;
    }

    /// <summary>
    /// The topmost child at the point. Toolkits that mark what is on screen as Showing (a browser's hidden tabs stay
    /// Visible) are believed; GTK 4 marks nothing Showing below a window, so Visible decides there.
    /// </summary>
    private static UiNode? Under(UiNode node, Point point)
    {
        var here = node.Children.Where(c => c.IsShowing && c.Bounds is { } b && b.Contains(point)).ToList();
        return here.LastOrDefault(c => c.States.HasFlag(UiStates.Showing)) ?? here.LastOrDefault();
    }

    /// <summary>
    /// The title and, for a dialog, all its text; for a main window, the text of dialogs and alerts inside it. Text
    /// people typed into fields is left out. Read by OCR when accessibility gives nothing to go by.
    /// </summary>
    private string? WindowText(WindowInfo? window, UiNode? accessibleWindow, UiNode? anchor, bool isDialog, Frame frame, bool readPixels)
    {
        if (window is null)
        {
            return null;
        }
        // A main window's title names a document or a folder ("Sent", "Trash"); a dialog's title is part of its question.
        var texts = new List<string> { isDialog ? window.Title : "" };
        if (accessibleWindow is not null)
        {
            // A dialog says all it says; in a main window only what surrounds the target counts: the dialog or alert it
            // is in (a browser's in-page confirm), and the texts of the group around it — not a notice elsewhere.
            var scopes = isDialog ? [accessibleWindow] : Context(accessibleWindow, anchor);
            foreach (var node in scopes.SelectMany(s => s.DescendantsAndSelf()))
            {
                if (node.States.HasFlag(UiStates.Editable) && node.Role != UiRole.Terminal || node.Actions.Count > 0 && node.Role is not (UiRole.Label or UiRole.Text or UiRole.Terminal))
                {
                    continue;
                }
                texts.Add(node.Name);
                if (node.Text is { Length: > 0 } text && text != node.Name)
                {
                    texts.Add(text);
                }
            }
        }
        var accessibleText = texts.Skip(1).Any(t => !string.IsNullOrWhiteSpace(t));
        if (readPixels && !accessibleText && window.Bounds.Intersect(frame.Bounds) is { IsEmpty: false } area)
        {
            texts.Add(_ocr.Recognize(frame, area).Text);
        }
        var joined = string.Join('\n', texts.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct());
        return joined.Length > 0 ? joined : null;
    }

    /// <summary>
    /// The parts of a main window that speak for <paramref name="anchor"/>: the innermost dialog, alert or frame-like
    /// group holding it, else the nearest ancestor (up to three levels) that holds some text besides controls.
    /// </summary>
    private static List<UiNode> Context(UiNode window, UiNode? anchor)
    {
        if (anchor is null)
        {
            return [];
        }
        var ancestors = window.DescendantsAndSelf().Where(n => anchor.Path.IsWithin(n.Path) && !n.Path.Equals(anchor.Path) && !n.Path.Equals(window.Path))
            .OrderByDescending(n => n.Path.Depth).ToList();
        if (ancestors.FirstOrDefault(n => n.Role is UiRole.Dialog or UiRole.Frame) is { } dialog)
        {
            return [dialog];
        }
        if (s_wholeRoles.Contains(anchor.Role))
        {
            // A click on a page or a pane as a whole has no group of its own: a word somewhere on the page is not its question.
            return [];
        }
        return [.. ancestors.Take(2).TakeWhile(n => !s_wholeRoles.Contains(n.Role))
            .Where(n => n.DescendantsAndSelf().Any(d => d.Actions.Count == 0 && d.Name.Length > 0)).Take(1)];
    }

    /// <summary>
    /// The buttons Return or a mnemonic may press from <paramref name="anchor"/>: those of the form, dialog or document
    /// it is in — not the page's buttons for a browser's address bar.
    /// </summary>
    private static List<UiNode> ControlsAround(UiNode window, UiNode? anchor)
    {
        // A frame inside the window is an internal frame: a scope of its own, as a dialog is.
        bool IsScope(UiNode n) => n.Role is UiRole.Form or UiRole.Dialog or UiRole.Document || n.Role == UiRole.Frame && !n.Path.Equals(window.Path);
        var scope = anchor is null ? null : window.DescendantsAndSelf().Where(n => IsScope(n) && anchor.Path.IsWithin(n.Path)).OrderByDescending(n => n.Path.Depth).FirstOrDefault();
        var nodes = scope is not null ? scope.DescendantsAndSelf() : WithoutDocuments(window);
        return [.. nodes.Where(n => n.Role is UiRole.Button or UiRole.Toggle && n.IsShowing && n.Label.Length > 0)];
    }

    private static IEnumerable<UiNode> WithoutDocuments(UiNode node)
    {
        yield return node;
        foreach (var child in node.Children.Where(c => c.Role != UiRole.Document))
        {
            foreach (var descendant in WithoutDocuments(child))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>
    /// OCR of what a click at <paramref name="point"/> lands on, read beside the accessible name (a tree can disagree
    /// with the pixels: a web modal drawn above the element the tree puts there). The phrase on the line under the
    /// point: words closer than about two letters' height belong together ("Send claim", not the nearest word "claim").
    /// </summary>
    private string? TextAt(Frame frame, Point point, UiNode? element, WindowInfo? window)
    {
        if (element?.Bounds is { } b && b.Width <= 600 && b.Height <= 150 && b.Contains(point))
        {
            // A control's face is its label: all of it, and nothing of its neighbours.
            var inside = _ocr.Recognize(frame, b.Inflate(2).Intersect(frame.Bounds)).Text.Replace('\n', ' ').Trim();
            return inside.Length > 0 ? inside : null;
        }
        // Only the window the click lands in: a neighbour's words are not this target's label.
        var around = new Rect(point.X - TextRadius * 3, point.Y - TextRadius / 2, TextRadius * 6, TextRadius).Intersect(window?.Bounds ?? frame.Bounds).Intersect(frame.Bounds);
        if (around.IsEmpty)
        {
            return null;
        }
        var words = _ocr.Recognize(frame, around).Lines.SelectMany(l => l.Words).ToList();
        var hit = words.FirstOrDefault(w => w.Bounds.Inflate(4).Contains(point))
            ?? words.Where(w => w.Bounds.Center.DistanceTo(point) < 20).OrderBy(w => w.Bounds.Center.DistanceTo(point)).FirstOrDefault();
        if (hit is null)
        {
            return null;
        }
        var phrase = new List<OcrWord> { hit };
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var word in words.Except(phrase).ToList())
            {
                var gap = 2 * Math.Max(word.Bounds.Height, hit.Bounds.Height);
                var sameLine = word.Bounds.Center.Y >= hit.Bounds.Y && word.Bounds.Center.Y < hit.Bounds.Bottom;
                if (sameLine && phrase.Any(p => Math.Max(p.Bounds.X - word.Bounds.Right, word.Bounds.X - p.Bounds.Right) <= gap))
                {
                    phrase.Add(word);
                    grew = true;
                }
            }
        }
        return string.Join(' ', phrase.OrderBy(w => w.Bounds.X).Select(w => w.Text));
    }

    private static readonly string[] s_terminalClasses =
    [
        "xterm", "uxterm", "rxvt", "urxvt", "alacritty", "kitty", "konsole", "tilix", "terminator", "guake", "yakuake", "foot", "wezterm",
        "sakura", "lxterminal", "qterminal", "eterm", "aterm", "st-256color", "terminal",
    ];

    /// <summary>A terminal: Return there runs whatever command line was typed.</summary>
    private static bool IsTerminal(WindowInfo? window, UiNode? focused) =>
        focused?.Role == UiRole.Terminal
        || window is not null && s_terminalClasses.Any(t => window.ClassName.Contains(t, StringComparison.OrdinalIgnoreCase)
            || window.InstanceName.Contains(t, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The lines of an open popup menu, by OCR: keys go to the menu while it is open, and Return presses its selected
    /// item, which the application's main window does not show.
    /// </summary>
    private List<string>? PopupText(Frame frame)
    {
        var popups = _desktop.Windows.Popups();
        if (popups.Count == 0)
        {
            return null;
        }
        // Toolkits keep tiny or off-screen popups mapped (GTK's at -1,-1): only what can be seen can be read.
        var visible = popups.Select(p => p.Bounds.Intersect(frame.Bounds)).Where(b => b.Width >= 8 && b.Height >= 8).ToList();
        return visible.Count == 0 ? null : [.. visible.SelectMany(b => _ocr.Recognize(frame, b).Lines.Select(l => l.Text)).Where(t => t.Length > 0)];
    }

    /// <summary>What a drag's drop point is: the accessible name there and the words on screen there.</summary>
    private async Task<List<string>> NamesAtAsync(Frame frame, Point point, CancellationToken cancellationToken)
    {
        var window = _desktop.Windows.WindowAt(point);
        var tree = window?.ProcessId is { } pid ? await ReadTreeAsync(pid, cancellationToken).ConfigureAwait(false) : null;
        var element = tree is null || window is null ? null : WindowElements.Match(tree, window, point) is { } top ? HitTest(top, point) : null;
        var names = new List<string>();
        if (element is not null)
        {
            names.AddRange(new[] { element.Label, element.Description }.Where(n => n.Length > 0));
        }
        if (TextAt(frame, point, element, window) is { } text)
        {
            names.Add(text);
        }
        return names;
    }

    private static bool IsPointerActivation(ActionKind kind) => kind is ActionKind.LeftClick or ActionKind.RightClick or ActionKind.DoubleClick or ActionKind.TripleClick
        or ActionKind.MiddleClick or ActionKind.LeftMouseDown or ActionKind.LeftMouseUp or ActionKind.LeftClickDrag or ActionKind.ClickElement or ActionKind.Invoke;

    private static Rect? TargetBounds(ComputerAction action, Point? point, ElementMatch? located, UiNode? element, UiNode? focused, WindowInfo? window, Rect screen)
    {
        Rect? bounds = action.Kind is ActionKind.Key or ActionKind.HoldKey or ActionKind.Type
            ? focused?.Bounds ?? window?.Bounds
            : located?.Bounds ?? element?.Bounds ?? (point is { } p ? new Rect(p.X - 20, p.Y - 12, 40, 24) : window?.Bounds);
        if (bounds is { } b && window is not null)
        {
            // An element larger than its window (a scrolled document) is compared where it can be seen.
            b = b.Intersect(window.Bounds.Contains(b) ? b : window.Bounds);
            bounds = b.IsEmpty ? null : b;
        }
        return bounds?.Intersect(screen) is { IsEmpty: false } onScreen ? onScreen : null;
    }

    private static string Describe(ComputerAction action, ActionTarget target, ElementMatch? located)
    {
        var parts = new List<string> { ComputerActionJson.NameOf(action.Kind) };
        if (target.Window is { } window)
        {
            parts.Add($"window 0x{window.Id:x} {window.Bounds}");
        }
        if (target.Element is { } element)
        {
            parts.Add($"{element.BackendRole} \"{element.Name}\" {element.Path} {element.Bounds}");
        }
        else if (located is not null)
        {
            parts.Add($"{located.Channel} {located.Description} {located.Bounds}");
        }
        if (target.Point is { } point)
        {
            parts.Add($"point {point}");
        }
        if (target.WindowText is { } text)
        {
            // What the dialog says is part of what was approved ("Delete 3 files?" is not "Delete 300 files?").
            parts.Add($"text {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16]}");
        }
        return string.Join('|', parts);
    }

    private Point? PointOf(ComputerAction action) => action.Kind switch
    {
        ActionKind.LeftClickDrag => action.StartCoordinate,
        ActionKind.LeftClick or ActionKind.RightClick or ActionKind.MiddleClick or ActionKind.DoubleClick or ActionKind.TripleClick
            or ActionKind.LeftMouseDown or ActionKind.LeftMouseUp or ActionKind.Scroll or ActionKind.MouseMove => action.Coordinate ?? _desktop.Input.PointerPosition,
        _ => null,
    };

    private string? OffScreen(ComputerAction action)
    {
        var screen = _desktop.Screen.Bounds;
        foreach (var point in new[] { action.Coordinate, action.StartCoordinate })
        {
            if (point is { } p && !screen.Contains(p))
            {
                return $"The point {p} is off the screen; expected {screen.X} <= x < {screen.Right} and {screen.Y} <= y < {screen.Bottom}.";
            }
        }
        return null;
    }

    /// <summary>Keys held during a click, scroll or drag may only be modifiers: any other key would be pressed, unjudged.</summary>
    private static string? HeldKeysProblem(ComputerAction action)
    {
        if (action.Text is not { Length: > 0 } keys || action.Kind is ActionKind.Key or ActionKind.HoldKey or ActionKind.Type or ActionKind.SetText)
        {
            return null;
        }
        try
        {
            return KeyChord.Parse(keys).Keys.FirstOrDefault(k => !KeyChord.IsModifier(k)) is { } key
                ? $"'{key}' cannot be held during {ComputerActionJson.NameOf(action.Kind)}; expected modifiers only (shift, ctrl, alt, super), e.g. 'ctrl+shift'."
                : null;
        }
        catch (KeyNameException error)
        {
            return error.Message;
        }
    }

    /// <summary>Keys the display does not have and text no key types are refused before anything happens — in a dry run too.</summary>
    private string? InputProblem(ComputerAction action)
    {
        try
        {
            switch (action.Kind)
            {
                case ActionKind.Key or ActionKind.HoldKey:
                    _desktop.Input.CheckKeys(action.Text!);
                    break;
                case ActionKind.Type:
                    _desktop.Input.CheckText(action.Text!);
                    break;
                default:
                    if (action.Text is { Length: > 0 } held && action.Kind is not ActionKind.SetText)
                    {
                        _desktop.Input.CheckKeys(held);
                    }
                    break;
            }
            return null;
        }
        catch (Exception error) when (error is KeyNameException or UntypeableTextException)
        {
            return error.Message;
        }
    }

    private static ResolvedStep Failed(ComputerAction action, StepOutcome outcome, string detail) =>
        new() { Action = action, Failure = new StepFailure(outcome, detail) };
}
