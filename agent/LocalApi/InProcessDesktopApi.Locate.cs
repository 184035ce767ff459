using System.Diagnostics;
using Dispatch.Engine;
using Dispatch.Engine.Locators;
using Dispatch.Engine.Vision;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Agent.LocalApi;

/// <summary>Finding the one element a command acts at or reads.</summary>
public sealed partial class InProcessDesktopApi
{
    /// <inheritdoc/>
    public async Task<LocateReply> LocateAsync(LocateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var finder = services.GetRequiredService<ElementFinder>();
        var wait = Durations.Seconds(request.WaitSeconds, "--wait", maximum: 3600);
        var watch = Stopwatch.StartNew();
        if (wait > TimeSpan.Zero)
        {
            await finder.WaitAsync(request.Locator, wait, cancellationToken);
        }
        var result = await finder.FindAllAsync(request.Locator, cancellationToken);
        if (!result.Found)
        {
            throw new ElementNotFoundException(result);
        }
        // Acting on the first of several would be a silent guess: the person chooses with #n, or says the first will do.
        if (result.Matches.Count > 1 && !request.First)
        {
            throw new DispatchException($"'{request.Locator}' matches {result.Matches.Count} elements: " +
                string.Join("; ", result.Matches.Select((m, i) => $"#{i + 1} {m}")) + "; add #n to the locator to choose one, or --first for the best");
        }
        var match = result.Matches[0];
        var (text, source) = request.ReadText ? TextOf(match) : (null, null);
        return new LocateReply(new MatchDto(match.Channel.ToString(), match.Description, match.Score, BoundsDto.From(match.Bounds), match.ToString()),
            text, source, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>What a person reads on the element: its accessible text, else its accessible name, else OCR of its place.</summary>
    private (string Text, string Source) TextOf(ElementMatch match)
    {
        if (match.Node is { } node)
        {
            return !string.IsNullOrEmpty(node.Text) ? (node.Text, "accessible text") : (node.Label, "accessible name");
        }
        var screen = Desktop.Screen;
        using var frame = screen.Capture(match.Bounds.Inflate(4).Intersect(screen.Bounds));
        return (services.GetRequiredService<OcrEngine>().Recognize(frame).Text.Trim(), "ocr");
    }
}
