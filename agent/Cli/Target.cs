using System.Globalization;
using Dispatch.Engine.Geometry;

namespace Dispatch.Agent.Cli;

/// <summary>
/// Where a command acts, as a person writes it on the command line: a screen point (<c>640 400</c> or <c>640,400</c>) or a
/// locator (<c>'role=button name="OK"'</c>).
/// </summary>
/// <param name="Point">The point, in screen pixels; null for a locator.</param>
/// <param name="Locator">The locator; null for a point.</param>
internal sealed record Target(Point? Point, string? Locator)
{
    /// <summary>
    /// Reads exactly <paramref name="count"/> targets from <paramref name="tokens"/>: two whole numbers in a row, or one
    /// <c>x,y</c>, make a point; any other word is a locator.
    /// </summary>
    /// <exception cref="ArgumentException">There are more or fewer targets, or a lone number; the message shows the usage.</exception>
    public static IReadOnlyList<Target> Parse(IReadOnlyList<string> tokens, int count, string usage)
    {
        var targets = new List<Target>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Number(tokens[i]) is { } x)
            {
                if (i + 1 >= tokens.Count || Number(tokens[i + 1]) is not { } y)
                {
                    throw new ArgumentException($"'{tokens[i]}' is a lone number; expected a point as 'x y' or 'x,y', or a locator: {usage}");
                }
                targets.Add(new Target(new Point(x, y), null));
                i++;
            }
            else if (tokens[i].Split(',') is [var left, var right] && Number(left) is { } px && Number(right) is { } py)
            {
                targets.Add(new Target(new Point(px, py), null));
            }
            else if (string.IsNullOrWhiteSpace(tokens[i]))
            {
                throw new ArgumentException($"An empty locator names nothing; expected {usage}");
            }
            else
            {
                targets.Add(new Target(null, tokens[i]));
            }
        }
        return targets.Count == count
            ? targets
            : throw new ArgumentException($"'{string.Join(' ', tokens)}' names {targets.Count} place(s); expected {count}: {usage}");
    }

    private static int? Number(string token) =>
        int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <inheritdoc/>
    public override string ToString() => Point is { } p ? $"{p.X},{p.Y}" : Locator!;
}
