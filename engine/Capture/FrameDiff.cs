using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Capture;

/// <summary>
/// Finds what changed between two frames: tiles of a grid aligned to the screen origin are compared row by row
/// with vectorised span compares (an unchanged row costs one SIMD pass), each dirty tile is narrowed to the exact
/// pixels that differ, and touching tiles are merged into a few rectangles.
/// </summary>
public static class FrameDiff
{
    /// <summary>The default tile edge in pixels.</summary>
    public const int DefaultTileSize = 64;

    /// <summary>Compares the pixels the two frames share (intersected with <paramref name="area"/> when given).</summary>
    /// <param name="before">The earlier frame.</param>
    /// <param name="after">The later frame.</param>
    /// <param name="area">Screen area to compare; null compares all the frames share.</param>
    /// <param name="tileSize">Tile edge in pixels (8–512).</param>
    /// <returns>The changed rectangles, in screen coordinates, exact to the pixel.</returns>
    public static FrameDifference Compare(Frame before, Frame after, Rect? area = null, int tileSize = DefaultTileSize)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (tileSize is < 8 or > 512)
        {
            throw new ArgumentOutOfRangeException(nameof(tileSize), tileSize, "The tile size must be within 8..512 pixels.");
        }
        var shared = before.Bounds.Intersect(after.Bounds);
        if (area is { } requested)
        {
            shared = shared.Intersect(requested);
        }
        if (shared.IsEmpty)
        {
            return FrameDifference.None;
        }
        var grid = new TileGrid(shared, tileSize);
        ScanRows(before, after, shared, grid);
        return grid.DirtyCount == 0 ? FrameDifference.None : new FrameDifference(grid.Merge(), grid.DirtyCount);
    }

    private static void ScanRows(Frame before, Frame after, Rect shared, TileGrid grid)
    {
        var width = shared.Width * Frame.BytesPerPixel;
        var beforeOffset = (shared.X - before.Bounds.X) * Frame.BytesPerPixel;
        var afterOffset = (shared.X - after.Bounds.X) * Frame.BytesPerPixel;
        for (var y = shared.Y; y < shared.Bottom; y++)
        {
            var a = before.Row(y - before.Bounds.Y).Slice(beforeOffset, width);
            var b = after.Row(y - after.Bounds.Y).Slice(afterOffset, width);
            var first = a.CommonPrefixLength(b);
            if (first == width)
            {
                continue;
            }
            // Tile columns are aligned to the screen grid, so the first one may be partial.
            var column = grid.ColumnOf(shared.X + first / Frame.BytesPerPixel);
            while (true)
            {
                var (left, right) = grid.ColumnSpan(column);
                var start = (left - shared.X) * Frame.BytesPerPixel;
                var length = (right - left) * Frame.BytesPerPixel;
                var segmentA = a.Slice(start, length);
                var segmentB = b.Slice(start, length);
                var prefix = segmentA.CommonPrefixLength(segmentB);
                if (prefix < length)
                {
                    var last = LastDifference(segmentA, segmentB);
                    grid.Mark(column, y, left + prefix / Frame.BytesPerPixel, left + last / Frame.BytesPerPixel);
                }
                // Jump to the tile of the next difference in the rest of the row, skipping clean tiles in one pass.
                var restStart = start + length;
                var next = restStart < width ? a[restStart..].CommonPrefixLength(b[restStart..]) : 0;
                if (restStart + next >= width)
                {
                    break;
                }
                column = grid.ColumnOf(shared.X + (restStart + next) / Frame.BytesPerPixel);
            }
        }
    }

    /// <summary>The byte index of the last difference between two equal-length spans known to differ.</summary>
    private static int LastDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var i = a.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            while (i >= Vector256<byte>.Count)
            {
                var va = Vector256.Create(a.Slice(i - Vector256<byte>.Count, Vector256<byte>.Count));
                var vb = Vector256.Create(b.Slice(i - Vector256<byte>.Count, Vector256<byte>.Count));
                var mask = Vector256.Equals(va, vb).ExtractMostSignificantBits();
                if (mask != uint.MaxValue)
                {
                    return i - Vector256<byte>.Count + 31 - System.Numerics.BitOperations.LeadingZeroCount(~mask);
                }
                i -= Vector256<byte>.Count;
            }
        }
        while (--i >= 0)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }
        throw new InvalidOperationException("The spans are equal.");
    }

    /// <summary>Dirty tiles with the exact bounds of their changed pixels.</summary>
    private sealed class TileGrid
    {
        private readonly Rect _area;
        private readonly int _firstColumnX;
        private readonly int _firstRowY;
        private readonly Rect[] _dirty;

        public TileGrid(Rect area, int tileSize)
        {
            _area = area;
            TileSize = tileSize;
            _firstColumnX = area.X / tileSize * tileSize;
            _firstRowY = area.Y / tileSize * tileSize;
            Columns = (area.Right - 1 - _firstColumnX) / tileSize + 1;
            Rows = (area.Bottom - 1 - _firstRowY) / tileSize + 1;
            _dirty = new Rect[Columns * Rows];
        }

        public int TileSize { get; }

        public int Columns { get; }

        public int Rows { get; }

        public int DirtyCount { get; private set; }

        public int ColumnOf(int x) => (x - _firstColumnX) / TileSize;

        public (int Left, int Right) ColumnSpan(int column)
        {
            var left = Math.Max(_area.X, _firstColumnX + column * TileSize);
            var right = Math.Min(_area.Right, _firstColumnX + (column + 1) * TileSize);
            return (left, right);
        }

        public void Mark(int column, int y, int firstX, int lastX)
        {
            ref var tile = ref _dirty[(y - _firstRowY) / TileSize * Columns + column];
            if (tile.IsEmpty)
            {
                DirtyCount++;
            }
            tile = tile.Union(Rect.FromEdges(firstX, y, lastX + 1, y + 1));
        }

        /// <summary>Unions each group of touching dirty tiles (8-connected), then unions groups whose bounds overlap.</summary>
        public List<Rect> Merge()
        {
            var seen = new bool[_dirty.Length];
            var merged = new List<Rect>();
            var stack = new Stack<int>();
            for (var start = 0; start < _dirty.Length; start++)
            {
                if (_dirty[start].IsEmpty || seen[start])
                {
                    continue;
                }
                var bounds = default(Rect);
                stack.Push(start);
                seen[start] = true;
                while (stack.TryPop(out var index))
                {
                    bounds = bounds.Union(_dirty[index]);
                    var row = index / Columns;
                    var column = index % Columns;
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var r = row + dy;
                            var c = column + dx;
                            if (r < 0 || r >= Rows || c < 0 || c >= Columns)
                            {
                                continue;
                            }
                            var neighbour = r * Columns + c;
                            if (!seen[neighbour] && !_dirty[neighbour].IsEmpty)
                            {
                                seen[neighbour] = true;
                                stack.Push(neighbour);
                            }
                        }
                    }
                }
                merged.Add(bounds);
            }
            return MergeOverlapping(merged);
        }
    }

    internal static List<Rect> MergeOverlapping(List<Rect> rects)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = 0; i < rects.Count && !changed; i++)
            {
                for (var j = i + 1; j < rects.Count; j++)
                {
                    if (rects[i].IntersectsWith(rects[j]))
                    {
                        rects[i] = rects[i].Union(rects[j]);
                        rects.RemoveAt(j);
                        changed = true;
                        break;
                    }
                }
            }
        }
        rects.Sort(static (p, q) => p.Y != q.Y ? p.Y.CompareTo(q.Y) : p.X.CompareTo(q.X));
        return rects;
    }
}
