namespace Dispatch.Engine.Journal;

/// <summary>The result of checking a journal's hash chain.</summary>
/// <param name="IsIntact">True when every entry is unchanged, present and in order.</param>
/// <param name="Entries">How many entries were read.</param>
/// <param name="FirstBadEntry">The 1-based line of the first entry that fails, or null.</param>
/// <param name="Problem">What is wrong with it, or null.</param>
public sealed record JournalVerification(bool IsIntact, int Entries, int? FirstBadEntry, string? Problem)
{
    /// <inheritdoc/>
    public override string ToString() => IsIntact ? $"intact: {Entries} entries" : $"broken at entry {FirstBadEntry}: {Problem}";
}
