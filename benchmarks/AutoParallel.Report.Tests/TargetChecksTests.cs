using System.Collections.Generic;
using System.Linq;
using AutoParallel.Report.Analysis;
using AutoParallel.Report.Input;

namespace AutoParallel.Report.Tests;

public sealed class TargetChecksTests
{
    [Fact]
    public void The_size_sweep_target_is_judged_on_the_worst_size()
    {
        var m = Measure(
            Case("SumSweep", Variants.Sequential, "Length", "10", 100),
            Case("SumSweep", Variants.Generated, "Length", "10", 104),
            Case("SumSweep", Variants.Sequential, "Length", "100", 1000),
            Case("SumSweep", Variants.Generated, "Length", "100", 1100));
        TargetResult sweep = TargetChecks.Evaluate(m).Single(t => t.Number == "1");
        Assert.Equal(false, sweep.Verdict.Met);
        Assert.Equal(100.0 * ((1.10 / 1.05) - 1), sweep.Verdict.MissedByPercent!.Value, 6);
        Assert.StartsWith("alone: worst 1.10× at n = 100, +100 ns per call", sweep.Measured);
    }

    [Fact]
    public void Calls_from_the_callers_loop_count_for_the_size_sweep_target()
    {
        var m = Measure(
            Case("SumSweep", Variants.Sequential, "Length", "1", 10),
            Case("SumSweep", Variants.Generated, "Length", "1", 9),
            Case("SumInLoop", Variants.Sequential, "Length", "1", 10),
            Case("SumInLoop", Variants.Generated, "Length", "1", 20));
        TargetResult sweep = TargetChecks.Evaluate(m).Single(t => t.Number == "1");
        Assert.Equal(false, sweep.Verdict.Met);
        Assert.Equal(100.0 * ((2.0 / 1.05) - 1), sweep.Verdict.MissedByPercent!.Value, 6);
        Assert.Equal("alone: worst 0.90× at n = 1, −1.00 ns per call (1: 0.90×); in a loop: worst 2.00× at n = 1, +10.0 ns per call (1: 2.00×)", sweep.Measured);
    }

    [Fact]
    public void Two_times_of_zero_in_the_sweep_are_the_same_time()
    {
        var m = Measure(
            Case("SumSweep", Variants.Sequential, "Length", "0", 0),
            Case("SumSweep", Variants.Generated, "Length", "0", 0),
            Case("SumSweep", Variants.Sequential, "Length", "10", 100),
            Case("SumSweep", Variants.Generated, "Length", "10", 90));
        TargetResult sweep = TargetChecks.Evaluate(m).Single(t => t.Number == "1");
        Assert.Equal(true, sweep.Verdict.Met);
        Assert.Contains("0: 1.00×", sweep.Measured);
        Assert.DoesNotContain("NaN", sweep.Measured);
    }

    [Fact]
    public void The_OpenMP_target_takes_the_faster_Mandelbrot_schedule()
    {
        var peers = new List<PeerResult>
        {
            new("mandel", "N1000-it500", "c-omp-static", 2, 400_000, 0, 1),
            new("mandel", "N1000-it500", "c-omp-dynamic", 2, 200_000, 0, 1),
        };
        var m = new Measurements(new[] { Case("MandelbrotKernel", Variants.Generated, "Size", "N1000-it500", 230_000_000) }, peers, null, PeerInfo.None);
        TargetResult omp = TargetChecks.Evaluate(m).Single(t => t.Number == "4b");
        Assert.Equal(true, omp.Verdict.Met);
        Assert.Contains("c-omp-dynamic", omp.Measured);
    }

    [Fact]
    public void The_nested_target_pairs_nested_with_flat_within_each_round_and_takes_the_median()
    {
        // Round 1 alone would miss (1.04), the pooled times would miss too (nested 31.0 ms, flat 30.8 ms); the rounds' median,
        // 0.99, holds.
        var m = Measure(
            Case("NestedRegions", Variants.Flat, "Round", "1", 10_000_000),
            Case("NestedRegions", Variants.Nested, "Round", "1", 10_400_000),
            Case("NestedRegions", Variants.Flat, "Round", "2", 10_800_000),
            Case("NestedRegions", Variants.Nested, "Round", "2", 10_584_000),
            Case("NestedRegions", Variants.Flat, "Round", "3", 10_000_000),
            Case("NestedRegions", Variants.Nested, "Round", "3", 9_900_000));
        TargetResult nested = TargetChecks.Evaluate(m).Single(t => t.Number == "6");
        Assert.Equal(true, nested.Verdict.Met);
        Assert.StartsWith("median of 3 rounds' nested ÷ flat: 0.990× (rounds: 1.040×, 0.980×, 0.990×)", nested.Measured);
    }

    [Fact]
    public void A_nested_median_above_one_is_a_miss_by_its_excess()
    {
        var m = Measure(
            Case("NestedRegions", Variants.Flat, "Round", "1", 10_000_000),
            Case("NestedRegions", Variants.Nested, "Round", "1", 10_300_000),
            Case("NestedRegions", Variants.Flat, "Round", "2", 10_000_000),
            Case("NestedRegions", Variants.Nested, "Round", "2", 9_800_000),
            Case("NestedRegions", Variants.Flat, "Round", "3", 10_000_000),
            Case("NestedRegions", Variants.Nested, "Round", "3", 10_100_000),
            Case("NestedRegions", Variants.Flat, "Round", "4", 10_000_000));
        TargetResult nested = TargetChecks.Evaluate(m).Single(t => t.Number == "6");
        Assert.Equal(false, nested.Verdict.Met);
        Assert.Equal(1.0, nested.Verdict.MissedByPercent!.Value, 6);
        Assert.StartsWith("median of 3 rounds'", nested.Measured);
    }

    [Fact]
    public void Nested_results_without_rounds_are_one_pair()
    {
        var m = Measure(
            new CsResult("NestedRegions", "Flat", Variants.Flat, new Dictionary<string, string>(), 10_000_000, 0, 0, "job", "AVX2"),
            new CsResult("NestedRegions", "Nested", Variants.Nested, new Dictionary<string, string>(), 9_990_000, 0, 0, "job", "AVX2"));
        TargetResult nested = TargetChecks.Evaluate(m).Single(t => t.Number == "6");
        Assert.Equal(true, nested.Verdict.Met);
        Assert.Equal("nested 9.99 ms, flat 10.0 ms: 0.999×", nested.Measured);
    }

    [Fact]
    public void Targets_without_measurements_are_reported_as_not_measured()
        => Assert.All(TargetChecks.Evaluate(Measure()), t => Assert.Null(t.Verdict.Met));

    private static Measurements Measure(params CsResult[] cases) => new(cases, new List<PeerResult>(), null, PeerInfo.None);

    private static CsResult Case(string type, string description, string parameter, string value, double medianNs)
        => new(type, description, description, new Dictionary<string, string> { [parameter] = value }, medianNs, 0, 0, "job", "AVX2");
}
