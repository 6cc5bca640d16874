using System;
using System.Collections.Generic;
using System.IO;
using AutoParallel.Report.Analysis;
using AutoParallel.Report.Input;
using AutoParallel.Report.Output;

namespace AutoParallel.Report;

/// <summary>
/// <c>AutoParallel.Report --bdn DIR [--peers FILE] [--peers-info FILE] [--doc FILE]</c>: reads BenchmarkDotNet's JSON exports and
/// the peers' JSON lines, rewrites the generated part of the document and writes the charts beside it.
/// </summary>
public static class Program
{
    private const string Usage = "usage: AutoParallel.Report --bdn <BenchmarkDotNet results dir> [--peers <peers.jsonl>] [--peers-info <run.sh stderr>] [--doc docs/benchmarks.md]";

    /// <summary>Runs the report; returns 0, or 2 on a usage error, 1 when an input is missing.</summary>
    public static int Main(string[] args)
    {
        Dictionary<string, string> options;
        try
        {
            options = ParseOptions(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        string bdn = options.GetValueOrDefault("--bdn", Path.Combine("BenchmarkDotNet.Artifacts", "results"));
        string doc = options.GetValueOrDefault("--doc", Path.Combine("docs", "benchmarks.md"));
        try
        {
            (HostInfo? host, IReadOnlyList<CsResult> cs) = BdnReader.ReadDirectory(bdn);
            IReadOnlyList<PeerResult> peers = options.TryGetValue("--peers", out string? peerFile) ? PeerReader.ReadFile(peerFile) : Array.Empty<PeerResult>();
            PeerInfo info = options.TryGetValue("--peers-info", out string? infoFile) && File.Exists(infoFile)
                ? PeerReader.ParseInfo(File.ReadLines(infoFile))
                : PeerInfo.None;
            var measurements = new Measurements(cs, peers, host, info);
            Write(measurements, doc);
            Console.WriteLine($"{doc}: {cs.Count} C# cases, {peers.Count} peer results.");
            return 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or FormatException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"AutoParallel.Report: {e.Message}");
            return 1;
        }
    }

    private static void Write(Measurements measurements, string doc)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(doc))!;
        Directory.CreateDirectory(directory);
        var charts = new List<(string File, string Caption)>();
        if (Charts.WriteSum(measurements, Path.Combine(directory, Charts.SumFile)))
        {
            charts.Add((Charts.SumFile, "sum: time against n, C# variants and peers"));
        }

        if (Charts.WriteMandelbrot(measurements, Path.Combine(directory, Charts.MandelbrotFile)))
        {
            charts.Add((Charts.MandelbrotFile, "Mandelbrot: time against point-iterations, C# variants and peers"));
        }

        IReadOnlyList<TargetResult> targets = TargetChecks.Evaluate(measurements);
        string generated = ReportWriter.Compose(measurements, targets, charts, DateTime.UtcNow);
        string existing = File.Exists(doc) ? File.ReadAllText(doc) : "# Benchmarks\n";
        File.WriteAllText(doc, DocumentSplicer.Splice(existing, generated));
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var known = new HashSet<string> { "--bdn", "--peers", "--peers-info", "--doc" };
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException(known.Contains(args[i]) ? $"{args[i]} needs a value." : $"Unknown argument '{args[i]}'.");
            }

            options[args[i]] = args[++i];
        }

        return options;
    }
}
