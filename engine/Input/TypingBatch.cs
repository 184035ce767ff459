namespace Dispatch.Engine.Input;

/// <summary>
/// A run of text typed with one keyboard mapping: the characters from <see cref="Start"/> to <see cref="End"/>
/// (exclusive, in symbols) and the symbols the layout lacks among them, which are bound to spare keys before the run
/// and stay bound until it has been typed and read.
/// </summary>
/// <param name="Start">Index of the run's first symbol.</param>
/// <param name="End">Index after the run's last symbol.</param>
/// <param name="Missing">The distinct symbols of the run the layout lacks, in order of first use.</param>
internal sealed record TypingBatch(int Start, int End, IReadOnlyList<ulong> Missing)
{
    /// <summary>
    /// Splits <paramref name="symbols"/> into the fewest runs each needing at most <paramref name="capacity"/> symbols the
    /// layout lacks (greedy longest runs are the fewest: ending a run early never lets a later one hold more).
    /// </summary>
    /// <param name="symbols">The text as keysyms.</param>
    /// <param name="inLayout">True for a symbol some key of the layout already types.</param>
    /// <param name="capacity">How many symbols can be bound at once (spare keys × levels); at least 1 when any is missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">A symbol is missing and <paramref name="capacity"/> is below 1.</exception>
    public static List<TypingBatch> Split(IReadOnlyList<ulong> symbols, Func<ulong, bool> inLayout, int capacity)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(inLayout);
        var batches = new List<TypingBatch>();
        var start = 0;
        var missing = new List<ulong>();
        var seen = new HashSet<ulong>();
        for (var i = 0; i < symbols.Count; i++)
        {
            var symbol = symbols[i];
            if (inLayout(symbol) || seen.Contains(symbol))
            {
                continue;
            }
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                    $"The symbol 0x{symbol:x} at index {i} is not in the layout and no spare key is free to bind it; expected at least one spare key.");
            }
            if (missing.Count == capacity)
            {
                batches.Add(new TypingBatch(start, i, missing));
                (start, missing) = (i, []);
                seen.Clear();
            }
            missing.Add(symbol);
            seen.Add(symbol);
        }
        if (start < symbols.Count || batches.Count == 0)
        {
            batches.Add(new TypingBatch(start, symbols.Count, missing));
        }
        return batches;
    }
}
