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

    /// <summary>Runs <paramref name="locator"/> once, now.</summary>
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
        if (locator.Window is { } title)
        {
            var windows = _desktop.Windows.List().Where(w => w.IsVisible).ToList();
            // The topmost window whose title fits: the list is in stacking order, bottom first.
            window = windows.LastOrDefault(w => w.Title.Contains(title, StringComparison.OrdinalIgnoreCase));
            if (window is null)
            {
                misses.AddRange(windows.Select(w => new NearMiss(MatchChannel.Accessibility, $"window \"{w.Title}\"", TextSimilarity.Ratio(title, w.Title), w.Bounds))
                    .OrderByDescending(m => m.Score).Take(NearMissesPerChannel));
                return new FindResult(locator, [], misses, channels, _time.GetElapsedTime(start));
            }
            region = window.Bounds.Intersect(_desktop.Screen.Bounds);
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
        Frame? frame = null;
        try
        {
            if (locator.ImagePath is not null || locator.UsesOcr)
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
        }
        finally
        {
            frame?.Dispose();
        }

        var ordered = Deduplicate(matches).OrderByDescending(m => m.Score).ThenBy(m => m.Bounds.Y).ThenBy(m => m.Bounds.X).ToList();
        if (locator.Near is { } near && ordered.Count > 0)
        {
            var anchor = await FindAllAsync(near with { Window = near.Window ?? locator.Window }, cancellationToken).ConfigureAwait(false);
            if (!anchor.Found)
            {
                misses.AddRange(anchor.NearMisses.Select(m => m with { Description = "anchor " + m.Description }));
                return new FindResult(locator, [], misses, channels, _time.GetElapsedTime(start));
            }
            var centre = anchor.Matches[0].Bounds.Center;
            ordered = [.. ordered.Where(m => !m.Bounds.Contains(anchor.Matches[0].Bounds) && m.Bounds != anchor.Matches[0].Bounds)
                .OrderBy(m => m.Bounds.Center.DistanceTo(centre))];
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

    /// <summary>The best match of <paramref name="query"/>.</summary>
    /// <exception cref="ElementNotFoundException">Nothing matched; the message lists the near misses.</exception>
    public async Task<ElementMatch> FindAsync(string query, CancellationToken cancellationToken = default)
    {
        var result = await FindAllAsync(query, cancellationToken).ConfigureAwait(false);
        return result.Found ? result.Matches[0] : throw new ElementNotFoundException(result);
    }

    /// <summary>True when <paramref name="query"/> matches something now.</summary>
    public async Task<bool> ExistsAsync(string query, CancellationToken cancellationToken = default) =>
        (await FindAllAsync(query, cancellationToken).ConfigureAwait(false)).Found;

    /// <summary>Tries <paramref name="query"/> now; null when nothing matched.</summary>
    public async Task<ElementMatch?> TryFindAsync(string query, CancellationToken cancellationToken = default)
    {
        var result = await FindAllAsync(query, cancellationToken).ConfigureAwait(false);
        return result.Found ? result.Matches[0] : null;
    }

    /// <summary>
    /// Waits until <paramref name="query"/> matches, searching again whenever the screen changes (not on a timer).
    /// </summary>
    /// <exception cref="ElementNotFoundException">Nothing matched within <paramref name="timeout"/>; lists the last near misses.</exception>
    public async Task<ElementMatch> WaitAsync(string query, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var (result, met) = await SearchUntilAsync(LocatorParser.Parse(query), r => r.Found, timeout, cancellationToken).ConfigureAwait(false);
        return met ? result.Matches[0] : throw new ElementNotFoundException(result);
    }

    /// <summary>Waits until <paramref name="query"/> matches nothing; false when it still matched at <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitVanishAsync(string query, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        (await SearchUntilAsync(LocatorParser.Parse(query), r => !r.Found, timeout, cancellationToken).ConfigureAwait(false)).Met;

    /// <summary>Searches now and again whenever the screen changes, until <paramref name="met"/> or the timeout; returns the last search.</summary>
    private async Task<(FindResult Result, bool Met)> SearchUntilAsync(Locator locator, Func<FindResult, bool> met, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        while (true)
        {
            // Captured before the search, so a change during it still ends the wait below.
            using var baseline = _desktop.Screen.Capture();
            FindResult result;
            try
            {
                result = await FindAllAsync(locator, cancellationToken).ConfigureAwait(false);
            }
            catch (AccessibilityException) when (timeout - _time.GetElapsedTime(start) > s_registrationPoll)
            {
                // A window shows a moment before its app is on the accessibility bus, and registering changes no pixel:
                // look again shortly instead of waiting for the screen.
                await Task.Delay(s_registrationPoll, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (met(result))
            {
                return (result, true);
            }
            var remaining = timeout - _time.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                return (result, false);
            }
            await _desktop.Watcher.WaitForChangeAsync(null, remaining, baseline, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SearchAccessibilityAsync(Locator locator, WindowInfo? window, Rect region, List<ElementMatch> matches, List<NearMiss> misses, CancellationToken cancellationToken)
    {
        UiTree tree;
        try
        {
            tree = await _desktop.Accessibility.SnapshotAsync(
                window is null ? UiScope.Desktop : window.ProcessId is { } pid ? UiScope.Process(pid) : UiScope.Window(window.Title),
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (AccessibilityException inaccessible) when (!NeedsAccessibility(locator))
        {
            // text= also reads the pixels; say in the result why this channel had nothing, and let OCR answer.
            misses.Add(new NearMiss(MatchChannel.Accessibility, $"nothing accessible: {inaccessible.Message}", 0, null));
            return;
        }
        var near = new List<NearMiss>();
        foreach (var node in tree.Nodes)
        {
            if (node.Bounds is not { } bounds || !bounds.IntersectsWith(region) || !node.IsShowing)
            {
                continue;
            }
            var roleOk = locator.Role is null || string.Equals(node.Role, locator.Role, StringComparison.OrdinalIgnoreCase);
            var statesOk = (node.States & locator.States) == locator.States;
            var labels = node.Labels;
            var nameScore = locator.Name is { } name ? labels.DefaultIfEmpty("").Max(l => TextSimilarity.Score(name, l)) : 1;
            var textScore = locator.Text is { } text && !IsContainer(node) ? labels.DefaultIfEmpty("").Max(l => TextSimilarity.Score(text, l)) : locator.Text is null ? 1 : 0;
            var descriptionScore = locator.Description is { } description ? TextSimilarity.Score(description, node.Description) : 1;
            var score = Math.Min(Math.Min(nameScore, textScore), descriptionScore);
            var label = $"{node.Role} \"{(labels.Count > 0 ? labels[0] : "")}\"";
            if (roleOk && statesOk && score >= 1)
            {
                matches.Add(new ElementMatch(MatchChannel.Accessibility, bounds, 1, label, node) { Tree = tree });
            }
            else if ((locator.Role is null || roleOk) && score > 0.3)
            {
                near.Add(new NearMiss(MatchChannel.Accessibility, label + (roleOk ? "" : " (other role)") + (statesOk ? "" : " (lacks a state)"),
                    roleOk && statesOk ? score : score * 0.8, bounds));
            }
        }
        misses.AddRange(near.OrderByDescending(m => m.Score).Take(NearMissesPerChannel));
    }

    private static bool NeedsAccessibility(Locator locator) =>
        locator.Role is not null || locator.Name is not null || locator.Description is not null || locator.States != UiStates.None;

    private static bool IsContainer(UiNode node) => node.Role is "frame" or "panel" or "filler" or "application" or "scroll pane" or "window";

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
    /// reading of text the accessibility tree already matched.
    /// </summary>
    private static List<ElementMatch> Deduplicate(List<ElementMatch> matches)
    {
        var accessible = matches.Where(m => m.Channel == MatchChannel.Accessibility).ToList();
        return matches.Where(m =>
            m.Channel switch
            {
                MatchChannel.Accessibility => !(m.Node!.Actions.Count == 0 && accessible.Any(o => o != m && o.Node!.Actions.Count > 0 && o.Bounds.Contains(m.Bounds))),
                MatchChannel.Ocr => !accessible.Any(a => a.Bounds.Inflate(2).Contains(m.Bounds)),
                _ => true,
            }).ToList();
    }

}
