namespace Dispatch.Engine.Journal;

/// <summary>The result of checking a journal against a trusted key.</summary>
/// <param name="IsIntact">
/// True when every entry is unchanged, present and in order. For schema 1 this only means the hash chain holds: anyone
/// who can write the file can forge such a chain, so check <see cref="IsSigned"/>.
/// </param>
/// <param name="Entries">How many entries (not counting the header) were read before the first bad one.</param>
/// <param name="FirstBadEntry">The 1-based line of the first entry that fails (one past the end when entries are missing there), or null.</param>
/// <param name="Problem">What is wrong, or null.</param>
/// <param name="Schema">1 (hash chain only), 2 (signed, with a head), or 0 when the first line could not be read or names another schema.</param>
/// <param name="KeyFingerprint">The fingerprint of the key the journal's header names, or null (schema 1).</param>
public sealed record JournalVerification(bool IsIntact, int Entries, int? FirstBadEntry, string? Problem, int Schema, string? KeyFingerprint)
{
    /// <summary>True when the journal is intact and every entry and its head were signed by the trusted key.</summary>
    public bool IsSigned => IsIntact && Schema >= 2;

    /// <inheritdoc/>
    public override string ToString() => (IsIntact, Schema) switch
    {
        (true, 1) => $"hash chain intact: {Entries} entries; schema 1 (hash chain only, unsigned: forgery is not detectable)",
        (true, _) => $"intact: {Entries} entries, schema {Schema}, signed by the trusted key {KeyFingerprint}",
        _ when FirstBadEntry is { } line => $"broken at line {line}: {Problem}",
        _ => $"broken: {Problem}",
    };
}
