using System.Security.Cryptography;
using System.Text;
using Dispatch.Engine.Capture;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Actions;

/// <summary>
/// What makes a step the same step a person approved: the action, the window (id and bounds), the element (role,
/// name, path, bounds) and how the target looks. Pixels are compared with caret-sized changes ignored, so a blinking
/// caret does not turn an approved step into a new one; anything else that changed does. Owns its pixels: dispose it.
/// </summary>
public sealed class StepIdentity : IDisposable
{
    /// <summary>The widest change, in pixels, taken for a blinking caret.</summary>
    public const int CaretMaxWidth = ScreenWatcher.DefaultCaretMaxWidth;

    /// <summary>The tallest change, in pixels, taken for a blinking caret.</summary>
    public const int CaretMaxHeight = ScreenWatcher.DefaultCaretMaxHeight;

    // Keyed per process: a fingerprint binds an approval within this run, and must not let anyone who sees it test
    // guesses of a typed secret offline.
    private static readonly byte[] s_key = RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// Creates an identity from the describing parts (shown in explanations, so without typed text), the action's exact
    /// JSON (hashed only: it may hold a secret) and the target's pixels (owned; may be null).
    /// </summary>
    public StepIdentity(string description, string action, Frame? pixels)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(action);
        Description = description;
        Pixels = pixels;
        using var hash = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, s_key);
        var key = Encoding.UTF8.GetBytes(action + "\n" + description);
        hash.AppendData(key);
        Key = Convert.ToHexStringLower(hash.GetHashAndReset());
        hash.AppendData(key);
        if (pixels is not null)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(pixels.Bounds.ToString()));
            for (var y = 0; y < pixels.Height; y++)
            {
                hash.AppendData(pixels.Row(y));
            }
        }
        Fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The describing parts, e.g. <c>left_click|window 0x1200007 @100,100 400x200|push button "Yes" 42:0/1/3 @…</c>.</summary>
    public string Description { get; }

    /// <summary>HMAC-SHA-256 (hex, keyed per process) of the action and <see cref="Description"/>: equal for the same action on the same element in the same place.</summary>
    public string Key { get; }

    /// <summary>HMAC-SHA-256 (hex, keyed per process) of the action, the description and the target's pixels when perceived: what an approval is bound to.</summary>
    public string Fingerprint { get; }

    /// <summary>The target's pixels when perceived, or null when the step has no on-screen target.</summary>
    public Frame? Pixels { get; }

    /// <summary>
    /// True when <paramref name="now"/> is the same step: the same description, and pixels that differ at most by
    /// caret-sized changes (at most <see cref="CaretMaxWidth"/> wide and <see cref="CaretMaxHeight"/> tall).
    /// </summary>
    public bool Matches(StepIdentity now) => Explain(now) is null;

    /// <summary>Why <paramref name="now"/> is not the same step, or null when it is.</summary>
    public string? Explain(StepIdentity now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (now.Key != Key)
        {
            return $"the target is now {now.Description}, was {Description}";
        }
        if (Pixels is null || now.Pixels is null)
        {
            return Pixels is null && now.Pixels is null ? null : "the target's picture appeared or vanished";
        }
        if (Pixels.Bounds != now.Pixels.Bounds)
        {
            return $"the target moved from {Pixels.Bounds} to {now.Pixels.Bounds}";
        }
        var changed = FrameDiff.Compare(Pixels, now.Pixels).Changed.Where(r => r.Width > CaretMaxWidth || r.Height > CaretMaxHeight).ToList();
        return changed.Count == 0 ? null : $"the target's picture changed at {string.Join(", ", changed)}";
    }

    /// <summary>Releases the pixels.</summary>
    public void Dispose() => Pixels?.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"{Fingerprint[..12]} {Description}";
}
