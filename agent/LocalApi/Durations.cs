using System.Globalization;

namespace Dispatch.Agent.LocalApi;

/// <summary>The one check of every duration a person or a client gives: seconds, finite, at least 0, bounded.</summary>
public static class Durations
{
    /// <summary>
    /// Seconds as a time span: finite, at least 0, at most <paramref name="maximum"/> (a day unless told).
    /// </summary>
    /// <exception cref="ArgumentException">The value is NaN, infinite, negative or too large; the message names it.</exception>
    public static TimeSpan Seconds(double value, string option, double maximum = 86_400)
    {
        if (!double.IsFinite(value) || value < 0 || value > maximum)
        {
            throw new ArgumentException($"{option} {value.ToString(CultureInfo.InvariantCulture)} is out of range; expected seconds from 0 to {maximum.ToString(CultureInfo.InvariantCulture)}.");
        }
        return TimeSpan.FromSeconds(value);
    }
}
