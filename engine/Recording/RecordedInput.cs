using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Recording;

/// <summary>One device event a person made, as it happened.</summary>
/// <param name="Kind">Key, button or motion.</param>
/// <param name="Code">The button number, or the key's code on this server (meaningless elsewhere: see <paramref name="KeyName"/>).</param>
/// <param name="KeyName">The key's name as the key action takes it (<c>Return</c>, <c>a</c>, <c>Shift_L</c>), for keys.</param>
/// <param name="Text">What the key types with the modifiers held (one character), or null for keys that type nothing.</param>
/// <param name="Point">Where the pointer was on the screen.</param>
/// <param name="Modifiers">The modifiers held just before the event.</param>
/// <param name="Milliseconds">The server's clock, in milliseconds (for ordering and intervals only; it wraps after 49 days).</param>
public readonly record struct RecordedInput(RecordedInputKind Kind, int Code, string? KeyName, string? Text, Point Point, RecordedModifiers Modifiers,
    long Milliseconds);
