using System.Globalization;

namespace Dispatch.Engine.Accessibility;

/// <summary>
/// Where an element sits: its application's process and the child index at each level below the application's
/// root, e.g. <c>4242:0/3/1</c>. Used to find the live element again before acting on it.
/// </summary>
/// <param name="ProcessId">The application's process id.</param>
/// <param name="Indices">Child indices from the application root down.</param>
public sealed record UiPath(int ProcessId, IReadOnlyList<int> Indices)
{
    /// <summary>The path of a child of this element.</summary>
    public UiPath Child(int index) => new(ProcessId, [.. Indices, index]);

    /// <summary>True when this is <paramref name="ancestor"/> or an element below it.</summary>
    public bool IsWithin(UiPath ancestor)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        return ancestor.ProcessId == ProcessId && Indices.Count >= ancestor.Indices.Count
            && Indices.Take(ancestor.Indices.Count).SequenceEqual(ancestor.Indices);
    }

    /// <summary>How many levels below the application root.</summary>
    public int Depth => Indices.Count;

    /// <inheritdoc/>
    public bool Equals(UiPath? other) => other is not null && other.ProcessId == ProcessId && other.Indices.SequenceEqual(Indices);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ProcessId, Indices.Count, Indices.Count > 0 ? Indices[^1] : -1);

    /// <inheritdoc/>
    public override string ToString() => $"{ProcessId.ToString(CultureInfo.InvariantCulture)}:{string.Join('/', Indices)}";
}
