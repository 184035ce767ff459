using System.Globalization;

namespace Dispatch.Agent.Tests;

/// <summary>One process as <c>/proc/PID/stat</c> describes it.</summary>
internal sealed record ProcessEntry(int Id, string Name, char State, int ParentId, int GroupId, int SessionId)
{
    /// <summary>Running or sleeping; a zombie is gone but for its exit status, which nobody may collect here.</summary>
    public bool IsAlive => State != 'Z' && State != 'X';

    /// <summary>Every process now, read from <c>/proc</c>; one that ends while being read is left out.</summary>
    public static List<ProcessEntry> All()
    {
        var entries = new List<ProcessEntry>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
            }
            catch (Exception ended) when (ended is IOException or UnauthorizedAccessException)
            {
                continue; // it ended between the listing and the read
            }
            // "pid (name) state ppid pgrp session …": the name may hold spaces and parentheses, so split after the last ')'.
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            entries.Add(new ProcessEntry(id, stat[(stat.IndexOf('(') + 1)..close], fields[0][0],
                int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture),
                int.Parse(fields[3], CultureInfo.InvariantCulture)));
        }
        return entries;
    }

    /// <summary>Every descendant of <paramref name="ancestor"/> in <paramref name="all"/>.</summary>
    public static List<ProcessEntry> DescendantsOf(int ancestor, List<ProcessEntry> all)
    {
        var found = new List<ProcessEntry>();
        var parents = new Queue<int>([ancestor]);
        while (parents.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(e => e.ParentId == parent))
            {
                found.Add(child);
                parents.Enqueue(child.Id);
            }
        }
        return found;
    }
}
