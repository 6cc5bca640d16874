using System;
using System.Collections.Generic;
using System.Linq;
using AutoParallel.Report.Input;

namespace AutoParallel.Report.Analysis;

/// <summary>
/// One round of the <c>NestedRegions</c> class: each variant measured once, in processes that ran one after another.
/// </summary>
/// <param name="Round">The round's <c>Round</c> parameter; empty for results of a class without rounds.</param>
/// <param name="Sequential">The user's loop of rows.</param>
/// <param name="Flat">The generated outer loop calling the user's row method.</param>
/// <param name="Nested">The generated outer loop calling the generated parallel row method.</param>
/// <param name="InnerOnly">The user's outer loop calling the generated parallel row method.</param>
public sealed record NestedRound(string Round, CsResult? Sequential, CsResult? Flat, CsResult? Nested, CsResult? InnerOnly)
{
    /// <summary>Nested time ÷ flat time within this round, or <see langword="null"/> when either did not run.</summary>
    public double? NestedOverFlat => Nested?.MedianNs is double n && Flat?.MedianNs is double f && f > 0 ? n / f : null;
}

/// <summary>
/// Target 6 compares two variants that run the same row code, so their difference is smaller than the drift of a shared
/// host between two BenchmarkDotNet processes. The benchmark therefore measures them in rounds, side by side, and the
/// report pairs them within each round and takes the median of the rounds' ratios.
/// </summary>
public static class NestedRounds
{
    /// <summary>The rounds of <c>NestedRegions</c> in <paramref name="m"/>, in round order.</summary>
    public static IReadOnlyList<NestedRound> Of(Measurements m)
        => m.OfType(TargetChecks.NestedRegions)
            .GroupBy(r => r.Parameter("Round") ?? "")
            .OrderBy(g => int.TryParse(g.Key, out int round) ? round : 0)
            .Select(g => new NestedRound(g.Key, Pick(g, Variants.Sequential), Pick(g, Variants.Flat), Pick(g, Variants.Nested), Pick(g, Variants.InnerOnly)))
            .ToList();

    /// <summary>The median over <paramref name="rounds"/> of the time <paramref name="variant"/> took, or <see langword="null"/>.</summary>
    public static double? MedianTime(IEnumerable<NestedRound> rounds, Func<NestedRound, CsResult?> variant)
    {
        double[] times = rounds.Select(variant).Where(r => r?.MedianNs is not null).Select(r => r!.MedianNs!.Value).ToArray();
        return times.Length == 0 ? null : Statistics.Median(times);
    }

    private static CsResult? Pick(IEnumerable<CsResult> round, string description)
        => round.FirstOrDefault(r => r.Description == description && r.MedianNs is not null);
}
