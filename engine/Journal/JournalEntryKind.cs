namespace Dispatch.Engine.Journal;

/// <summary>Which half of a step an entry records.</summary>
public enum JournalEntryKind
{
    /// <summary>Written before acting: what, where, the risk and the decision. A step killed mid-way leaves this.</summary>
    Intent,

    /// <summary>Written after: the outcome (or typed error), what changed, thumbnails.</summary>
    Outcome,
}
