using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AutoParallel.Report.Analysis;
using AutoParallel.Report.Input;

namespace AutoParallel.Report.Output;

/// <summary>The tables of the three target benchmarks: the sum size sweep, the region overhead, the nested regions.</summary>
public static class TargetSections
{
    /// <summary>Appends the <c>SumSweep</c> and <c>SumInLoop</c> tables (target 1).</summary>
    public static void WriteSumSweep(StringBuilder text, Measurements m)
    {
        Section(text, SweepTable(m, TargetChecks.SumSweep), "Sum size sweep (target 1)",
            "`SumParallel` against the user's `Sum` from 0 to 10⁷ elements, one call at a time: below the runtime's threshold the generated method runs its sequential fall-back (same grains, same bits), above it the threads.");
        Section(text, SweepTable(m, TargetChecks.SumInLoop), "Sum called in the caller's loop (target 1)",
            "`total += SumParallel(x)` against `total += Sum(x)`, 16 calls per invocation, time per call: the caller's loop carries a `double` across the call, which RyuJIT keeps in memory when the method called contains a call (the generated one does: its parallel path).");
    }

    private static MarkdownTable SweepTable(Measurements m, string benchmark)
    {
        var table = new MarkdownTable(">n", ">sequential", ">generated", ">generated ÷ sequential", ">allocated (generated)");
        foreach (CsResult generated in m.OfType(benchmark).Where(r => r.Description == Variants.Generated))
        {
            string length = generated.Parameter("Length") ?? "?";
            CsResult? sequential = m.Find(benchmark, Variants.Sequential, "Length", length);
            table.Add(
                Format.Count(long.Parse(length, CultureInfo.InvariantCulture)), Format.Time(sequential?.MedianNs, "–"), Format.Time(generated.MedianNs, "–"),
                Format.Ratio(generated.MedianNs, sequential?.MedianNs), Format.Bytes(generated.AllocatedBytes));
        }

        return table;
    }

    /// <summary>Appends the <c>RegionOverhead</c> table (target 5).</summary>
    public static void WriteRegionOverhead(StringBuilder text, Measurements m)
    {
        var table = new MarkdownTable(">iterations", ">sequential", ">forced parallel", ">difference", ">fall-back", ">allocated (parallel)", ">allocated (fall-back)");
        foreach (CsResult forced in m.OfType(TargetChecks.RegionOverhead).Where(r => r.Description == Variants.ForcedParallel))
        {
            string length = forced.Parameter("Length") ?? "?";
            CsResult? sequential = m.Find(TargetChecks.RegionOverhead, Variants.Sequential, "Length", length);
            CsResult? fallBack = m.OfType(TargetChecks.RegionOverhead).FirstOrDefault(r => r.Description == Variants.FallBack && r.Parameter("Length") == length);
            string difference = forced.MedianNs is double f && sequential?.MedianNs is double s ? Format.SignedMicroseconds(f - s) : "";
            table.Add(
                length, Format.Time(sequential?.MedianNs, "–"), Format.Time(forced.MedianNs, "–"), difference, Format.Time(fallBack?.MedianNs, "–"),
                Format.Bytes(forced.AllocatedBytes), Format.Bytes(fallBack?.AllocatedBytes));
        }

        Section(text, table, "Region overhead (target 5)",
            "`a[i] = i` on a tiny array: the user's loop; the generated method forced parallel (`MinIterations = 1`, `Schedule.Static`: one block per core, so both cores take part); and the generated method with the default threshold, which keeps it on the calling thread.");
    }

    /// <summary>Appends the <c>NestedRegions</c> table (target 6): one row per round, then the medians.</summary>
    public static void WriteNested(StringBuilder text, Measurements m)
    {
        IReadOnlyList<NestedRound> rounds = NestedRounds.Of(m);
        var table = new MarkdownTable(">round", ">sequential", ">flat", ">nested", ">inner only", ">nested ÷ flat", ">allocated (nested)");
        foreach (NestedRound round in rounds)
        {
            table.Add(
                round.Round.Length == 0 ? "–" : round.Round, Format.Time(round.Sequential?.MedianNs, "–"), Format.Time(round.Flat?.MedianNs, "–"),
                Format.Time(round.Nested?.MedianNs, "–"), Format.Time(round.InnerOnly?.MedianNs, "–"),
                round.NestedOverFlat is double ratio ? Format.FineRatio(ratio) : "", Format.Bytes(round.Nested?.AllocatedBytes));
        }

        double[] ratios = rounds.Select(r => r.NestedOverFlat).OfType<double>().ToArray();
        if (rounds.Count > 1 && ratios.Length > 0)
        {
            table.Add(
                "**median**", Format.Time(NestedRounds.MedianTime(rounds, r => r.Sequential), "–"), Format.Time(NestedRounds.MedianTime(rounds, r => r.Flat), "–"),
                Format.Time(NestedRounds.MedianTime(rounds, r => r.Nested), "–"), Format.Time(NestedRounds.MedianTime(rounds, r => r.InnerOnly), "–"),
                $"**{Format.FineRatio(Statistics.Median(ratios))}**", "");
        }

        Section(text, table, "Nested regions (target 6)",
            "The 1000×1000 Mandelbrot grid, 20 iterations, rows in parallel. *Nested*: the parallel loop's body calls the generated `MandelbrotRowParallel`, a parallel region inside a parallel region, which the runtime's guard runs sequentially on the worker; *flat*: it calls the user's `MandelbrotRow`. Both run the same inner code. *Inner only*: a sequential loop starting one parallel region per row; *sequential*: the user's loop of rows. "
            + "The two differ by less than this shared host drifts between two BenchmarkDotNet processes, so the class runs in rounds: every variant once per round, in declared order in odd rounds and reversed in even ones. Target 6 takes the median of the rounds' nested ÷ flat ratios.");
    }

    /// <summary>Appends a plain table for every benchmark class the report does not otherwise know (the <c>[Vectorise]</c> suite).</summary>
    public static void WriteOtherClasses(StringBuilder text, Measurements m, ISet<string> known)
    {
        foreach (string type in m.Cs.Select(r => r.Type).Distinct().Where(t => !known.Contains(t)))
        {
            var cases = m.OfType(type).ToList();
            var table = new MarkdownTable("parameters", "variant", ">time", ">÷ baseline", ">allocated");
            foreach (CsResult cs in cases)
            {
                CsResult? baseline = cases.FirstOrDefault(r => Variants.OtherBaselines.Contains(r.Description)
                    && r.Parameters.Count == cs.Parameters.Count && r.Parameters.All(p => cs.Parameter(p.Key) == p.Value));
                string parameters = string.Join(", ", cs.Parameters.Select(p => $"{p.Key} = {p.Value}"));
                table.Add(parameters, cs.Description, Format.Time(cs.MedianNs, "–"), Format.Ratio(cs.MedianNs, baseline?.MedianNs), Format.Bytes(cs.AllocatedBytes));
            }

            Section(text, table, $"`{type}`", "The baseline is the class's `Baseline = true` method.");
        }
    }

    private static void Section(StringBuilder text, MarkdownTable table, string title, string intro)
    {
        if (!table.HasRows)
        {
            return;
        }

        text.AppendLine($"### {title}").AppendLine().AppendLine(intro).AppendLine();
        table.WriteTo(text);
        text.AppendLine();
    }
}
