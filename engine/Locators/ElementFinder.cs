using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;
using Dispatch.Engine.Vision;
using Dispatch.Engine.Windowing;

namespace Dispatch.Engine.Locators;

/// <summary>
/// Finds elements by <see cref="Locator"/> over every channel the query calls for — accessibility tree, OCR,
/// image templates, points — and says for each match which channel found it and how well. A miss lists the
/// nearest candidates of each channel. Nothing falls back silently from one channel to another.
/// </summary>
public sealed class ElementFinder
{
    /// <summary>OCR text at least this similar to the wanted text counts as a match (OCR misreads letters).</summary>
    public const double OcrThreshold = 0.8;

    private const int NearMissesPerChannel = 3;

    /// <summary>How often a wait looks again while the window's app is not on the accessibility bus yet.</summary>
    private static readonly TimeSpan s_registrationPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>How a near miss says the accessibility channel could read nothing (no app on the bus for the scope).</summary>
    private const string NothingAccessible = "nothing accessible";

    private readonly IDesktop _desktop;
    private readonly OcrEngine _ocr;
    private readonly TimeProvider _time;
    private long _searches;

    /// <summary>Creates a finder over <paramref name="desktop"/>, reading text with <paramref name="ocr"/>.</summary>
    public ElementFinder(IDesktop desktop, OcrEngine ocr, TimeProvider? time = null)
    {
        _desktop = desktop ?? throw new ArgumentNullException(nameof(desktop));
        _ocr = ocr ?? throw new ArgumentNullException(nameof(ocr));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many searches this finder has run (each <see cref="FindAllAsync(Locator, CancellationToken)"/> is one): what a step costs in searches.</summary>
    public long Searches => Interlocked.Read(ref _searches);

    /// <summary>Image matches must score at least this (0–1).</summary>
    public double ImageThreshold { get; set; } = 0.9;

    /// <summary>Parses and runs <paramref name="query"/>.</summary>
    /// <exception cref="LocatorSyntaxException">The query is malformed.</exception>
    public Task<FindResult> FindAllAsync(string query, CancellationToken cancellationToken = default) => FindAllAsync(LocatorParser.Parse(query), cancellationToken);

    /// <summary>
    /// Runs <paramref name="locator"/> once, now, and returns every match (and the near misses). Whether the matches
    /// name one element is <see cref="FindResult.IsAmbiguous"/>'s to say.
    /// </summary>
    public async Task<FindResult> FindAllAsync(Locator locator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locator);
        Interlocked.Increment(ref _searches);
        var start = _time.GetTimestamp();
        var matches = new List<ElementMatch>();
        var misses = new List<NearMiss>();
        var channels = new List<MatchChannel>();
        var region = _desktop.Screen.Bounds;
        WindowInfo? window = null;
        if (locator.Window is { } wanted)
        {
            var windows = _desktop.Windows.List().Where(w => w.IsVisible).ToList();
            var fitting = FittingWindows(wanted, windows);
            if (fitting.Count > 1 && fitting.All(w => w.Title == fitting[0].Title))
            {
                // One title, several windows (a dialog opened again): the one on top, which is the one a person sees.
                fitting = [fitting[^1]];
            }
            if (fitting.Count == 0)
            {
                misses.AddRange(windows.Select(w => new NearMiss(MatchChannel.Accessibility, $"window \"{w.Title}\"", TextSimilarity.Ratio(wanted.Title, w.Title), w.Bounds))
                    .OrderByDescending(m => m.Score).Take(NearMissesPerChannel));
            }
            if (fitting.Count != 1)
            {
                return new FindResult(locator, [], misses, channels, _time.GetElapsedTime(start))
                {
                    Ambiguity = fitting.Count == 0 ? null
                        : $"{fitting.Count} windows fit {wanted}: {string.Join(", ", fitting.Select(w => $"\"{w.Title}\" (0x{w.Id:x}) at {w.Bounds}"))}"
                          + (wanted.Match == TitleMatch.Exact ? "" : "; give a whole title with in window = \"…\""),
                };
            }
            window = fitting[0];
            region = window.Bounds.Intersect(_desktop.Screen.Bounds);
        }

        Rect? anchor = null;
        if (locator.Anchor is { } anchorLocator)
        {
            var anchored = await FindAllAsync(anchorLocator with { Window = anchorLocator.Window ?? locator.Window }, cancellationToken).ConfigureAwait(false);
            if (!anchored.Found || anchored.IsAmbiguous)
            {
                misses.AddRange(anchored.NearMisses.Select(m => m with { Description = "anchor " + m.Description }));
                return new FindResult(locator, [], misses, [.. anchored.Channels], _time.GetElapsedTime(start))
                {
                    Ambiguity = anchored.IsAmbiguous ? "its anchor " + anchored.ExplainAmbiguity() : null,
                };
            }
            anchor = anchored.Matches[0].Bounds;
        }

        if (locator.Point is { } point)
        {
            channels.Add(MatchChannel.Point);
            if (region.Contains(point))
            {
                matches.Add(new ElementMatch(MatchChannel.Point, new Rect(point.X, point.Y, 1, 1), 1, $"point {point}"));
            }
            else
            {
                misses.Add(new NearMiss(MatchChannel.Point, $"point {point} is outside {region}", 0, null));
            }
        }
        if (locator.UsesAccessibility)
        {
            channels.Add(MatchChannel.Accessibility);
            await SearchAccessibilityAsync(locator, window, region, matches, misses, cancellationToken).ConfigureAwait(false);
        }
        var byShape = anchor is not null && FindsFieldsByShape(locator) && !matches.Any(m => m.Channel == MatchChannel.Accessibility && Related(locator.Relation, anchor.Value, m.Bounds) is not null);
        // A name the tree does not have may still be on the screen (an app without accessibility): within one window,
        // the pixels are read to say so — as a near miss, never as a match.
        var hintByOcr = locator is { Name: not null, Via: null, Window: not null } && !locator.UsesOcr && matches.Count == 0;
        Frame? frame = null;
        try
        {
            if (locator.ImagePath is not null || locator.UsesOcr || byShape || hintByOcr)
            {
                frame = _desktop.Screen.Capture(region);
            }
            if (locator.ImagePath is { } path)
            {
                channels.Add(MatchChannel.Image);
                SearchImage(path, frame!, matches, misses);
            }
            if (locator.UsesOcr && locator.Text is { } text)
            {
                channels.Add(MatchChannel.Ocr);
                SearchOcr(text, frame!, matches, misses);
            }
            if (hintByOcr)
            {
                var seen = new List<ElementMatch>();
                SearchOcr(locator.Name!, frame!, seen, []);
                misses.AddRange(seen.Take(NearMissesPerChannel).Select(m => new NearMiss(MatchChannel.Ocr,
                    $"{m.Description} on the screen (text=\"{locator.Name!.Value}\" finds it by its pixels)", m.Score, m.Bounds)));
            }
            if (byShape)
            {
                // No accessible field answers beside the anchor (an app without accessibility): the light box a person sees there.
                channels.Add(MatchChannel.Shape);
                matches.AddRange(FieldShapes.Find(frame!, anchor!.Value).Select(b => new ElementMatch(MatchChannel.Shape, b, 0.9, $"field (light box) at {b}")));
            }
        }
        finally
        {
            frame?.Dispose();
        }

        var ordered = Deduplicate(matches).OrderByDescending(m => m.Score).ThenBy(m => m.Bounds.Y).ThenBy(m => m.Bounds.X).ToList();
        if (anchor is { } anchorBounds)
        {
            var keyword = LocatorParser.KeywordOf(locator.Relation);
            var related = ordered.Where(m => !m.Bounds.Contains(anchorBounds) && !anchorBounds.Contains(m.Bounds))
                .Select(m => Related(locator.Relation, anchorBounds, m.Bounds) is { } distance ? m with { Distance = distance } : null)
                .OfType<ElementMatch>().OrderBy(m => m.Distance).ThenByDescending(m => m.Score).ToList();
            misses.AddRange(ordered.Except(related).Take(NearMissesPerChannel)
                .Select(m => new NearMiss(m.Channel, $"{m.Description} (not {keyword} the anchor at {anchorBounds})", m.Score * 0.5, m.Bounds)));
            ordered = related;
        }
        if (locator.Index is { } index)
        {
            if (index > ordered.Count)
            {
                misses.AddRange(ordered.Select(m => new NearMiss(m.Channel, $"{m.Description} (match #{ordered.IndexOf(m) + 1} of {ordered.Count})", m.Score, m.Bounds)));
                ordered = [];
            }
            else
            {
                ordered = [ordered[index - 1]];
            }
        }
        return new FindResult(locator, [.. ordered.Select(m => m with { FoundBy = locator })], ordered.Count > 0 ? [] : misses, channels, _time.GetElapsedTime(start));
    }

    /// <summary>
    /// How far <paramref name="candidate"/> lies from <paramref name="anchor"/> in <paramref name="relation"/>'s direction,
    /// edge to edge; null when it does not lie that way (right of: starting at the anchor's right edge, sharing some of
    /// its rows; below: starting at its bottom edge, sharing some of its columns; near: any side).
    /// </summary>
    public static int? Related(SpatialRelation relation, Rect anchor, Rect candidate)
    {
        const int Slack = 4;
        var rowsShared = candidate.Y < anchor.Bottom && candidate.Bottom > anchor.Y;
        var columnsShared = candidate.X < anchor.Right && candidate.Right > anchor.X;
        return relation switch
        {
            SpatialRelation.RightOf => rowsShared && candidate.X >= anchor.Right - Slack ? Math.Max(0, candidate.X - anchor.Right) : null,
            SpatialRelation.LeftOf => rowsShared && candidate.Right <= anchor.X + Slack ? Math.Max(0, anchor.X - candidate.Right) : null,
            SpatialRelation.Below => columnsShared && candidate.Y >= anchor.Bottom - Slack ? Math.Max(0, candidate.Y - anchor.Bottom) : null,
            SpatialRelation.Above => columnsShared && candidate.Bottom <= anchor.Y + Slack ? Math.Max(0, anchor.Y - candidate.Bottom) : null,
            _ => (int)Math.Round(Math.Sqrt(Math.Pow(Math.Max(0, Math.Max(anchor.X - candidate.Right, candidate.X - anchor.Right)), 2)
                + Math.Pow(Math.Max(0, Math.Max(anchor.Y - candidate.Bottom, candidate.Y - anchor.Bottom)), 2))),
        };
    }

    /// <summary>The windows <paramref name="wanted"/> names, in stacking order.</summary>
    private static List<WindowInfo> FittingWindows(WindowCondition wanted, List<WindowInfo> windows)
    {
        var exact = windows.Where(w => wanted.IsExactly(w.Title)).ToList();
        return wanted.Match switch
        {
            TitleMatch.Exact => exact,
            TitleMatch.Contains => windows.Where(w => wanted.IsWithin(w.Title)).ToList(),
            _ => exact.Count > 0 ? exact : windows.Where(w => wanted.IsWithin(w.Title)).ToList(),
        };
    }

    /// <summary>A locator for a field (an entry or text) beside an anchor may be answered by the field's shape on the pixels.</summary>
    private static bool FindsFieldsByShape(Locator locator) =>
        locator.Role is { } role && UiRoleNames.Covers(role, UiRole.Entry) && locator.Name is null && locator.Text is null && locator.Via is null or MatchChannel.Shape;

    /// <summary>The one element <paramref name="query"/> names.</summary>
    /// <exception cref="ElementNotFoundException">Nothing matched; the message lists the near misses.</exception>
    /// <exception cref="AmbiguousMatchException">Several matched and the query said neither <c>#n</c> nor <c>first</c>; the message lists them.</exception>
    public async Task<ElementMatch> FindAsync(string query, CancellationToken cancellationToken = default) =>
        Single(await FindAllAsync(query, cancellationToken).ConfigureAwait(false));

    /// <summary>True when <paramref name="query"/> matches something now.</summary>
    public async Task<bool> ExistsAsync(string query, CancellationToken cancellationToken = default) =>
        (await FindAllAsync(query, cancellationToken).ConfigureAwait(false)).Found;

    /// <summary>Tries <paramref name="query"/> now; null when nothing matched.</summary>
    /// <exception cref="AmbiguousMatchException">Several matched and the query said neither <c>#n</c> nor <c>first</c>.</exception>
    public async Task<ElementMatch?> TryFindAsync(string query, CancellationToken cancellationToken = default)
    {
        var result = await FindAllAsync(query, cancellationToken).ConfigureAwait(false);
        return result.Found ? Single(result) : null;
    }

    /// <summary>
    /// Waits until <paramref name="query"/> matches, searching again whenever the screen changes (not on a timer).
    /// </summary>
    /// <exception cref="ElementNotFoundException">Nothing matched within <paramref name="timeout"/>; says how long it waited and lists the last near misses.</exception>
    /// <exception cref="AmbiguousMatchException">Several matched and the query said neither <c>#n</c> nor <c>first</c>.</exception>
    public async Task<ElementMatch> WaitAsync(string query, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Single((await WaitAllAsync(LocatorParser.Parse(query), timeout, cancellationToken).ConfigureAwait(false)));

    /// <summary>
    /// Waits until <paramref name="locator"/> matches or <paramref name="timeout"/> passes, searching again whenever the
    /// screen changes; the result's <see cref="FindResult.Elapsed"/> and <see cref="FindResult.Searches"/> cover the whole wait.
    /// </summary>
    public async Task<FindResult> WaitAllAsync(Locator locator, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        (await SearchUntilAsync(locator, r => r.Found, timeout, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Waits until <paramref name="query"/> matches nothing; false when it still matched at <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitVanishAsync(string query, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        (await SearchUntilAsync(LocatorParser.Parse(query), r => !r.Found, timeout, cancellationToken).ConfigureAwait(false)).Met;

    private static ElementMatch Single(FindResult result) =>
        result.Single ?? (result.IsAmbiguous ? throw new AmbiguousMatchException(result) : throw new ElementNotFoundException(result));

    /// <summary>Searches now and again whenever the screen changes, until <paramref name="met"/> or the timeout; returns the last search, timed from the first.</summary>
    private async Task<(FindResult Result, bool Met)> SearchUntilAsync(Locator locator, Func<FindResult, bool> met, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        var searches = 0;
        while (true)
        {
            // Captured before the search, so a change during it still ends the wait below.
            using var baseline = _desktop.Screen.Capture();
            var result = await FindAllAsync(locator, cancellationToken).ConfigureAwait(false) with { Searches = ++searches };
            if (met(result))
            {
                return (result with { Elapsed = _time.GetElapsedTime(start) }, true);
            }
            var remaining = timeout - _time.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                return (result with { Elapsed = _time.GetElapsedTime(start) }, false);
            }
            // A window shows a moment before its app is on the accessibility bus, and registering changes no pixel: while
            // that is the miss, look again shortly rather than only when the screen changes.
            var unregistered = result.NearMisses.Any(m => m.Channel == MatchChannel.Accessibility && m.Description.StartsWith(NothingAccessible, StringComparison.Ordinal));
            await _desktop.Watcher.WaitForChangeAsync(null, unregistered && remaining > s_registrationPoll ? s_registrationPoll : remaining, baseline, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task SearchAccessibilityAsync(Locator locator, WindowInfo? window, Rect region, List<ElementMatch> matches, List<NearMiss> misses, CancellationToken cancellationToken)
    {
        var scope = window is null ? UiScope.Desktop : window.ProcessId is { } pid ? UiScope.Process(pid) : UiScope.Window(window.Title);
        UiTree tree;
        try
        {
            tree = await _desktop.Accessibility.SnapshotAsync(scope, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AccessibilityException inaccessible)
        {
            // An app not (or not yet) on the bus is a miss of this channel, said in the result, not an error: a wait keeps
            // looking, text= also reads the pixels, and a field beside a label shows as a shape.
            misses.Add(new NearMiss(MatchChannel.Accessibility, $"{NothingAccessible}: {inaccessible.Message}", 0, null));
            return;
        }
        // A window's own elements are those below its accessible top-level element (a modal dialog's, not its parent's
        // behind it); only when the toolkit's windows cannot be told apart does the window's rectangle decide.
        var own = window is null ? null : WindowElements.Match(tree, window, null);
        var near = new List<NearMiss>();
        var elsewhere = new List<NearMiss>();
        var rolesHere = new Dictionary<string, int>();
        var found = 0;
        foreach (var node in tree.Nodes)
        {
            if (node.Bounds is not { } bounds || !node.IsShowing || ReferenceEquals(node, tree.Root))
            {
                continue;
            }
            var inWindow = own is null ? bounds.IntersectsWith(region) : node.Path.IsWithin(own.Path) && bounds.IntersectsWith(_desktop.Screen.Bounds);
            var (fits, roleOk, statesOk, score, label) = Judge(locator, node);
            if (!inWindow)
            {
                if (fits)
                {
                    elsewhere.Add(new NearMiss(MatchChannel.Accessibility, $"{label} (in another window{(WindowOf(tree, node) is { Length: > 0 } title ? $" \"{title}\"" : "")})", 0.5, bounds));
                }
                continue;
            }
            var roleName = UiRoleNames.NameOf(node.Role);
            rolesHere[roleName] = rolesHere.GetValueOrDefault(roleName) + 1;
            if (fits)
            {
                matches.Add(new ElementMatch(MatchChannel.Accessibility, bounds, 1, label, node) { Tree = tree });
                found++;
            }
            else if (score > 0.3 && (roleOk || locator.Name is not null || locator.Text is not null || locator.Description is not null))
            {
                near.Add(new NearMiss(MatchChannel.Accessibility, label + (roleOk ? "" : $" (a {roleName}{(node.BackendRole != roleName ? $", \"{node.BackendRole}\"" : "")}, not {WantedRole(locator)})") + (statesOk ? "" : " (lacks a state)"),
                    roleOk && statesOk ? score : score * 0.8, bounds));
            }
        }
        misses.AddRange(near.OrderByDescending(m => m.Score).Take(NearMissesPerChannel));
        if (found > 0)
        {
            return;
        }
        misses.AddRange(elsewhere.Take(NearMissesPerChannel));
        misses.AddRange(await HiddenAsync(locator, scope, own, cancellationToken).ConfigureAwait(false));
        if (locator.Role is not null || locator.BackendRole is not null)
        {
            misses.Add(new NearMiss(MatchChannel.Accessibility,
                "roles here: " + (rolesHere.Count == 0 ? "none" : string.Join(", ", rolesHere.OrderByDescending(r => r.Value).Select(r => $"{r.Key} ×{r.Value}"))), 0, null));
        }
    }

    /// <summary>Elements that fit the locator but are not showing (hidden, collapsed, on another tab): a miss names them.</summary>
    private async Task<IEnumerable<NearMiss>> HiddenAsync(Locator locator, UiScope scope, UiNode? own, CancellationToken cancellationToken)
    {
        if (locator.Role is null && locator.BackendRole is null && locator.Name is null && locator.Text is null && locator.Description is null)
        {
            return [];
        }
        UiTree everything;
        try
        {
            everything = await _desktop.Accessibility.SnapshotAsync(scope, WalkLimits.Default with { ShowingOnly = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (AccessibilityException)
        {
            // It answered a moment ago; gone now, it has nothing hidden to tell of.
            return [];
        }
        return everything.Nodes.Where(n => (!n.IsShowing || n.Bounds is null) && (own is null || n.Path.IsWithin(own.Path)) && Judge(locator, n).Fits)
            .Take(NearMissesPerChannel)
            .Select(n => new NearMiss(MatchChannel.Accessibility, $"{Judge(locator, n).Label} (exists but is not showing)", 0.5, n.Bounds));
    }

    /// <summary>How <paramref name="node"/> meets <paramref name="locator"/>'s accessibility clauses.</summary>
    private static (bool Fits, bool RoleOk, bool StatesOk, double Score, string Label) Judge(Locator locator, UiNode node)
    {
        var roleOk = (locator.Role is not { } role || UiRoleNames.Covers(role, node.Role))
            && (locator.BackendRole is null || string.Equals(node.BackendRole, locator.BackendRole, StringComparison.OrdinalIgnoreCase));
        var statesOk = (node.States & locator.States) == locator.States;
        var labels = node.Labels;
        var nameScore = locator.Name is { } name ? labels.DefaultIfEmpty("").Max(l => TextSimilarity.Score(name, l)) : 1;
        var textScore = locator.Text is { } text && !IsContainer(node) ? labels.DefaultIfEmpty("").Max(l => TextSimilarity.Score(text, l)) : locator.Text is null ? 1 : 0;
        var descriptionScore = locator.Description is { } description ? TextSimilarity.Score(description, node.Description) : 1;
        var score = Math.Min(Math.Min(nameScore, textScore), descriptionScore);
        var label = $"{UiRoleNames.NameOf(node.Role)} \"{(node.Label.Length > 0 ? node.Label : labels.Count > 0 ? labels[0] : "")}\"";
        return (roleOk && statesOk && score >= 1, roleOk, statesOk, score, label);
    }

    private static string WantedRole(Locator locator) => locator.Role is { } role ? UiRoleNames.NameOf(role) : locator.BackendRole ?? "any role";

    /// <summary>The title of the top-level element <paramref name="node"/> belongs to.</summary>
    private static string? WindowOf(UiTree tree, UiNode node) => tree.Root.Children.FirstOrDefault(w => node.Path.IsWithin(w.Path))?.Name;

    private static bool IsContainer(UiNode node) => node.Role is UiRole.Frame or UiRole.Panel or UiRole.Application or UiRole.ScrollPane or UiRole.Window or UiRole.Dialog;

    private void SearchImage(string path, Frame frame, List<ElementMatch> matches, List<NearMiss> misses)
    {
        using var template = TemplateMatcher.LoadTemplate(path);
        var found = TemplateMatcher.Find(frame, template, new TemplateOptions { Threshold = ImageThreshold });
        var name = Path.GetFileName(path);
        matches.AddRange(found.Select(m => new ElementMatch(MatchChannel.Image, m.Bounds, m.Score, $"image {name}")));
        if (found.Count == 0 && TemplateMatcher.Best(frame, template) is { } best)
        {
            misses.Add(new NearMiss(MatchChannel.Image, $"image {name}", Math.Max(0, best.Score), best.Bounds));
        }
    }

    private void SearchOcr(TextCondition text, Frame frame, List<ElementMatch> matches, List<NearMiss> misses)
    {
        var result = _ocr.Recognize(frame);
        var wanted = TextSimilarity.Normalise(text.Value).Split(' ').Length;
        var candidates = new List<(string Text, Rect Bounds, double Score)>();
        foreach (var line in result.Lines)
        {
            var words = line.Words;
            for (var i = 0; i + wanted <= words.Count; i++)
            {
                var span = words.Skip(i).Take(wanted).ToList();
                var spanText = string.Join(' ', span.Select(w => w.Text));
                var bounds = span.Aggregate(default(Rect), static (acc, w) => acc.Union(w.Bounds));
                candidates.Add((spanText, bounds, TextSimilarity.Score(text, spanText)));
            }
            if (text.Contains)
            {
                candidates.Add((line.Text, line.Bounds, TextSimilarity.Score(text, line.Text)));
            }
        }
        foreach (var candidate in candidates.Where(c => c.Score >= OcrThreshold))
        {
            matches.Add(new ElementMatch(MatchChannel.Ocr, candidate.Bounds, candidate.Score, $"OCR \"{candidate.Text}\""));
        }
        misses.AddRange(candidates.Where(c => c.Score < OcrThreshold).OrderByDescending(c => c.Score).Take(NearMissesPerChannel)
            .Select(c => new NearMiss(MatchChannel.Ocr, $"OCR \"{c.Text}\"", c.Score, c.Bounds)));
    }

    /// <summary>
    /// One match per element: a label inside an operable accessible that also matched is dropped, and so is an OCR
    /// reading of text the accessibility tree already matched, or that overlaps a reading as good or better of the same words
    /// (a one-word line is both a word and a line).
    /// </summary>
    private static List<ElementMatch> Deduplicate(List<ElementMatch> matches)
    {
        var accessible = matches.Where(m => m.Channel == MatchChannel.Accessibility).ToList();
        var readings = matches.Where(m => m.Channel == MatchChannel.Ocr).OrderByDescending(m => m.Score).ToList();
        return matches.Where(m =>
            m.Channel switch
            {
                MatchChannel.Accessibility => !(m.Node!.Actions.Count == 0 && accessible.Any(o => o != m && o.Node!.Actions.Count > 0 && o.Bounds.Contains(m.Bounds))),
                MatchChannel.Ocr => !accessible.Any(a => a.Bounds.Inflate(2).Contains(m.Bounds))
                    && !readings.TakeWhile(r => !ReferenceEquals(r, m)).Any(r => r.Bounds.IntersectsWith(m.Bounds)),
                _ => true,
            }).ToList();
    }

}
