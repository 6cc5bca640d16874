using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace AutoParallel.Report.Input;

/// <summary>
/// Reads BenchmarkDotNet's full JSON exports (<c>--exporters json</c>: one <c>&lt;Namespace.Class&gt;-report-full-compressed.json</c>
/// per class in <c>BenchmarkDotNet.Artifacts/results/</c>).
/// </summary>
public static class BdnReader
{
    /// <summary>The file pattern BenchmarkDotNet 0.14 gives its <c>json</c> exporter's output.</summary>
    public const string FilePattern = "*-report-full-compressed.json";

    /// <summary>Every benchmark case in the JSON exports of <paramref name="directory"/>, and the host of the first file.</summary>
    /// <exception cref="FileNotFoundException">The directory holds no JSON export.</exception>
    public static (HostInfo? Host, IReadOnlyList<CsResult> Results) ReadDirectory(string directory)
    {
        string[] files = Directory.Exists(directory)
            ? Directory.GetFiles(directory, FilePattern).OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No BenchmarkDotNet JSON export ({FilePattern}) in {directory}; run it with --exporters json.");
        }

        HostInfo? host = null;
        var results = new List<CsResult>();
        foreach (string file in files)
        {
            (HostInfo fileHost, IReadOnlyList<CsResult> fileResults) = Parse(File.ReadAllText(file));
            host ??= fileHost;
            results.AddRange(fileResults);
        }

        return (host, results);
    }

    /// <summary>Parses one export.</summary>
    public static (HostInfo Host, IReadOnlyList<CsResult> Results) Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        HostInfo host = ParseHost(root.GetProperty("HostEnvironmentInfo"));
        var results = new List<CsResult>();
        foreach (JsonElement benchmark in root.GetProperty("Benchmarks").EnumerateArray())
        {
            results.Add(ParseBenchmark(benchmark));
        }

        return (host, results);
    }

    private static HostInfo ParseHost(JsonElement host) => new(
        Text(host, "OsVersion"),
        Text(host, "ProcessorName"),
        Integer(host, "PhysicalCoreCount") ?? 0,
        Integer(host, "LogicalCoreCount") ?? 0,
        Text(host, "RuntimeVersion"),
        Text(host, "BenchmarkDotNetVersion"),
        Text(host, "DotNetCliVersion"));

    private static CsResult ParseBenchmark(JsonElement benchmark)
    {
        string method = Text(benchmark, "Method");
        string title = Text(benchmark, "MethodTitle");
        double? median = null, stdDev = null;
        if (benchmark.TryGetProperty("Statistics", out JsonElement statistics) && statistics.ValueKind == JsonValueKind.Object)
        {
            median = Number(statistics, "Median");
            stdDev = Number(statistics, "StandardDeviation");
        }

        long? allocated = null;
        if (benchmark.TryGetProperty("Memory", out JsonElement memory) && memory.ValueKind == JsonValueKind.Object)
        {
            allocated = Long(memory, "BytesAllocatedPerOperation");
        }

        return new CsResult(
            Text(benchmark, "Type"),
            method,
            title.Length == 0 ? method : Unquote(title),
            ParseParameters(Text(benchmark, "Parameters")),
            median,
            stdDev,
            allocated,
            JobOf(Text(benchmark, "DisplayInfo")),
            Text(benchmark, "HardwareIntrinsics"));
    }

    /// <summary><c>Size=1e4&amp;Threads=2</c> → { Size: 1e4, Threads: 2 }.</summary>
    internal static IReadOnlyDictionary<string, string> ParseParameters(string parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in parameters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        return values;
    }

    /// <summary>
    /// The job part of <c>DisplayInfo</c>, <c>Class.Method: Job(…) [Params]</c>; the method title may itself contain
    /// <c>": "</c>, so the job is the text after the last <c>": "</c> before the parameters.
    /// </summary>
    private static string JobOf(string displayInfo)
    {
        int parameters = displayInfo.LastIndexOf(" [", StringComparison.Ordinal);
        string head = parameters >= 0 ? displayInfo[..parameters] : displayInfo;
        int colon = head.LastIndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? head[(colon + 2)..] : head;
    }

    /// <summary>BenchmarkDotNet quotes a <c>Description</c> that has spaces or brackets: <c>'generated [Parallelise]'</c>.</summary>
    internal static string Unquote(string title)
        => title.Length >= 2 && title[0] == '\'' && title[^1] == '\'' ? title[1..^1] : title;

    private static string Text(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    // BenchmarkDotNet writes NaN statistics as empty strings: anything but a number reads as missing.
    private static double? Number(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static long? Long(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long l) ? l : null;

    private static int? Integer(JsonElement element, string name)
        => element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int i) ? i : null;
}
