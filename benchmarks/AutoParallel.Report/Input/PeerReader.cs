using System;
using System.Collections.Generic;
using System.IO;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoParallel.Report.Analysis;

namespace AutoParallel.Report.Input;

/// <summary>Reads the peers' JSON lines (the stdout of <c>run.sh</c>) and the machine lines of its stderr.</summary>
public static partial class PeerReader
{
    /// <summary>
    /// The results in <paramref name="lines"/>, one per (kernel, size, impl, threads): the median of the runs when
    /// <c>run.sh</c> was run several times into the same file, as <c>summary.py</c> does. Lines that are not JSON objects are skipped.
    /// </summary>
    public static IReadOnlyList<PeerResult> Parse(IEnumerable<string> lines)
    {
        var samples = new List<(string Kernel, string Size, string Impl, int Threads, double Us, double Checksum)>();
        foreach (string line in lines)
        {
            string trimmed = line.Trim();
            if (!trimmed.StartsWith('{'))
            {
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(trimmed);
            JsonElement e = document.RootElement;
            samples.Add((
                e.GetProperty("kernel").GetString() ?? "",
                e.GetProperty("size").GetString() ?? "",
                e.GetProperty("impl").GetString() ?? "",
                e.GetProperty("threads").GetInt32(),
                e.GetProperty("median_us").GetDouble(),
                e.TryGetProperty("checksum", out JsonElement checksum) && checksum.ValueKind == JsonValueKind.Number ? checksum.GetDouble() : double.NaN));
        }

        return samples
            .GroupBy(s => (s.Kernel, s.Size, s.Impl, s.Threads))
            .Select(g => new PeerResult(g.Key.Kernel, g.Key.Size, g.Key.Impl, g.Key.Threads, Statistics.Median(g.Select(s => s.Us)), g.First().Checksum, g.Count()))
            .ToList();
    }

    /// <summary>Reads <paramref name="path"/> with <see cref="Parse"/>.</summary>
    public static IReadOnlyList<PeerResult> ReadFile(string path) => Parse(File.ReadLines(path));

    /// <summary>
    /// What <c>run.sh</c> says about the machine on stderr (<c>machine:</c>, <c>gcc:</c>, <c>C peers:</c>, <c>python … numba …</c>),
    /// once each, and how many measurements its quiet-machine guard took again or kept although the machine was busy.
    /// </summary>
    public static PeerInfo ParseInfo(IEnumerable<string> stderr)
    {
        var machine = new List<string>();
        int retaken = 0, disturbed = 0;
        foreach (string line in stderr)
        {
            string trimmed = line.Trim();
            Match guard = GuardLine().Match(trimmed);
            if (guard.Success)
            {
                retaken += int.Parse(guard.Groups[1].Value, CultureInfo.InvariantCulture);
                disturbed += int.Parse(guard.Groups[2].Value, CultureInfo.InvariantCulture);
            }
            else if (DescribesMachine(trimmed) && !machine.Contains(trimmed))
            {
                machine.Add(trimmed);
            }
        }

        return new PeerInfo(machine, retaken, disturbed);
    }

    private static bool DescribesMachine(string line)
        => line.StartsWith("machine:", StringComparison.Ordinal)
            || line.StartsWith("gcc:", StringComparison.Ordinal)
            || line.StartsWith("C peers:", StringComparison.Ordinal)
            || (line.StartsWith("python ", StringComparison.Ordinal) && line.Contains("numba", StringComparison.Ordinal));

    [GeneratedRegex(@"(\d+) measurement\(s\) retaken, (\d+) kept")]
    private static partial Regex GuardLine();
}
