namespace Dispatch.Engine.Input;

/// <summary>What <see cref="IInput.TypeAsync"/> typed and what it took.</summary>
/// <param name="Characters">Characters typed (Unicode scalar values; "\r\n" counts once).</param>
/// <param name="Batches">Runs typed with one keyboard mapping each (the app was waited for between them).</param>
/// <param name="BoundSymbols">Distinct characters the layout lacks, bound to spare keys for the moment.</param>
/// <param name="KeymapChanges">Keyboard mapping changes made, binding and unbinding (each one notification to every client).</param>
/// <param name="ModifiersReleased">Modifier keys another program held down, released while typing and pressed again after it.</param>
public sealed record TypingReport(int Characters, int Batches, int BoundSymbols, int KeymapChanges, IReadOnlyList<string> ModifiersReleased);
