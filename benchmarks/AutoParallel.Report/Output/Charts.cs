using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutoParallel.Report.Analysis;
using AutoParallel.Report.Input;

namespace AutoParallel.Report.Output;

/// <summary>The report's two charts: time against size for the sum, time against point-iterations for Mandelbrot.</summary>
public static class Charts
{
    /// <summary>The sum chart's file name, beside the document.</summary>
    public const string SumFile = "benchmarks-sum.png";

    /// <summary>The Mandelbrot chart's file name, beside the document.</summary>
    public const string MandelbrotFile = "benchmarks-mandelbrot.png";

    private static readonly Dictionary<string, double> SumSizes = new() { ["1e4"] = 1e4, ["1e7"] = 1e7 };

    /// <summary>
    /// The sum: the size sweep's sequential and generated lines, the other C# variants and the peers at 10⁴ and 10⁷.
    /// Returns whether there was anything to draw (and so a file was written).
    /// </summary>
    public static bool WriteSum(Measurements m, string path)
    {
        var chart = new LogLogChart("sum: time per call against n (log-log)", "n (elements)", "median time per call (µs)");
        foreach (string variant in new[] { Variants.Sequential, Variants.Generated })
        {
            var points = m.OfType(TargetChecks.SumSweep)
                .Where(r => r.Description == variant && r.MedianNs is not null)
                .Select(r => (double.Parse(r.Parameter("Length") ?? "0", CultureInfo.InvariantCulture), r.MedianNs!.Value / 1e3));
            chart.Add($"C# {variant}", points);
        }

        KernelSpec sum = KernelSpec.Sum;
        foreach (var variant in m.OfType(sum.BenchmarkType).Where(r => r.Description is not (Variants.Sequential or Variants.Generated)).GroupBy(r => r.Description))
        {
            chart.Add($"C# {variant.Key}", variant.Where(r => r.MedianNs is not null).Select(r => (SizeOf(r.Parameter("Size")), r.MedianNs!.Value / 1e3)), dashed: true);
        }

        foreach (var peer in PeerSeries(m, sum.Peer))
        {
            chart.Add(peer.Key, peer.Select(p => (SizeOf(p.Size), p.MedianUs)), markersOnly: true);
        }

        return Save(chart, path);
    }

    /// <summary>Mandelbrot: every C# variant and every peer (at 2 threads, sequential ones at 1) against N²·iterations.</summary>
    public static bool WriteMandelbrot(Measurements m, string path)
    {
        var chart = new LogLogChart("Mandelbrot: time per call against N² × max iterations (log-log)", "point-iterations (N² × max iterations)", "median time per call (ms)");
        KernelSpec mandel = KernelSpec.Mandelbrot;
        foreach (var variant in m.OfType(mandel.BenchmarkType).GroupBy(r => r.Description))
        {
            chart.Add($"C# {variant.Key}", variant.Where(r => r.MedianNs is not null).Select(r => (PointIterations(r.Parameter("Size")), r.MedianNs!.Value / 1e6)));
        }

        foreach (var peer in PeerSeries(m, mandel.Peer))
        {
            chart.Add(peer.Key, peer.Select(p => (PointIterations(p.Size), p.MedianUs / 1e3)), dashed: true);
        }

        return Save(chart, path);
    }

    /// <summary>Each peer impl at its highest thread count (the sequential ones at 1), labelled with it.</summary>
    private static IEnumerable<IGrouping<string, PeerResult>> PeerSeries(Measurements m, string kernel)
    {
        var results = m.Peers.Where(p => p.Kernel == kernel).ToList();
        return results
            .Where(p => p.Threads == results.Where(q => q.Impl == p.Impl).Max(q => q.Threads))
            .GroupBy(p => $"{p.Impl} ({p.Threads} thr)");
    }

    private static bool Save(LogLogChart chart, string path)
    {
        if (!chart.HasSeries)
        {
            return false;
        }

        chart.SavePng(path);
        return true;
    }

    private static double SizeOf(string? label) => label is not null && SumSizes.TryGetValue(label, out double n) ? n : 0;

    /// <summary><c>N1000-it500</c> → 1000² × 500.</summary>
    private static double PointIterations(string? label)
    {
        string[] parts = (label ?? "").TrimStart('N').Split("-it");
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out double n)
            && double.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out double iterations)
            ? n * n * iterations
            : 0;
    }
}
