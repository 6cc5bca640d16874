using System;
using System.Collections.Generic;
using System.Linq;

namespace AutoParallel.Runtime.Tests;

/// <summary>
/// <see cref="IndexRange"/> is what lets generated chunks drop their bounds checks, so it must never claim an index is in range
/// when one is not: every operation is checked against brute force over small intervals, and the edges of int against the
/// rule that a range leaving int is unbounded.
/// </summary>
public sealed class IndexRangeTests
{
    private static readonly (long Min, long Max)[] Intervals =
        (from a in Enumerable.Range(-3, 7) from b in Enumerable.Range(-3, 7) where a <= b select ((long)a, (long)b)).ToArray();

    [Fact]
    public void Sums_differences_products_and_negations_are_the_exact_hull_of_the_values()
    {
        foreach (var left in Intervals)
        {
            foreach (var right in Intervals)
            {
                AssertHull(Of(left) + Of(right), Values(left, right, (a, b) => a + b));
                AssertHull(Of(left) - Of(right), Values(left, right, (a, b) => a - b));
                AssertHull(Of(left) * Of(right), Values(left, right, (a, b) => a * b));
            }

            AssertHull(-Of(left), Values(left, (0, 0), (a, _) => -a));
        }
    }

    [Fact]
    public void A_counter_holds_every_value_its_loop_takes_and_is_empty_exactly_when_the_loop_never_runs()
    {
        foreach (var from in Intervals)
        {
            foreach (var to in Intervals)
            {
                foreach (long step in new long[] { 1, 2, 3 })
                {
                    var taken = new List<long>();
                    for (long f = from.Min; f <= from.Max; f++)
                    {
                        for (long t = to.Min; t <= to.Max; t++)
                        {
                            for (long v = f; v < t; v += step)
                            {
                                taken.Add(v);
                            }
                        }
                    }

                    IndexRange counter = IndexRange.Counter(Of(from), Of(to), step);
                    Assert.Equal(taken.Count == 0, counter.IsEmpty);
                    Assert.All(taken, v => Assert.InRange(v, counter.Min, counter.Max));
                }
            }
        }
    }

    [Fact]
    public void Only_a_range_inside_the_array_is_within_it()
    {
        Assert.True(IndexRange.Counter(0, 10, 1).IsWithin(10));
        Assert.False(IndexRange.Counter(0, 11, 1).IsWithin(10));
        Assert.False(IndexRange.Counter(-1, 5, 1).IsWithin(10));
        Assert.True(IndexRange.Counter(0, 10, 1).IsWithin(new int[10]));
        Assert.False(IndexRange.Counter(0, 10, 1).IsWithin((int[]?)null));

        // A loop that never runs computes no index: within every array, but never a null one (the chunk takes a reference to it).
        IndexRange never = IndexRange.Counter(5, 5, 1);
        Assert.True(never.IsEmpty);
        Assert.True((never * 1000 + 7).IsWithin(0));
        Assert.False(never.IsWithin((double[]?)null));
    }

    [Fact]
    public void A_range_that_leaves_int_is_unbounded_and_never_within_an_array()
    {
        IndexRange rows = IndexRange.Counter(0, 65_537, 1);
        Assert.True((rows * 65_536 * 65_536).IsUnbounded);
        Assert.False((rows * 65_536 * 65_536 - (rows * 65_536 * 65_536)).IsWithin(int.MaxValue));
        Assert.True((IndexRange.Of(int.MaxValue) + 1).IsUnbounded);
        Assert.True((IndexRange.Of(int.MinValue) - 1).IsUnbounded);
        Assert.True((-IndexRange.Of(int.MinValue)).IsUnbounded);
        Assert.True(IndexRange.Of(int.MaxValue).IsWithin(int.MaxValue) is false);

        // i <= int.MaxValue never ends (i wraps), and neither does i < int.MaxValue stepping by 2 from an even start.
        Assert.True(IndexRange.Counter(0, IndexRange.Of(int.MaxValue) + 1, 1).IsUnbounded);
        Assert.True(IndexRange.Counter(0, int.MaxValue, 2).IsUnbounded);
        Assert.False(IndexRange.Counter(0, int.MaxValue, 1).IsUnbounded);

        // Empty wins over unbounded: code inside a loop that never runs computes nothing.
        Assert.True((IndexRange.Counter(1, 0, 1) * (IndexRange.Of(int.MaxValue) + 1)).IsEmpty);
    }

    private static IndexRange Of((long Min, long Max) interval) => IndexRange.Counter(interval.Min, interval.Max + 1, 1);

    private static List<long> Values((long Min, long Max) left, (long Min, long Max) right, Func<long, long, long> operation)
    {
        var values = new List<long>();
        for (long a = left.Min; a <= left.Max; a++)
        {
            for (long b = right.Min; b <= right.Max; b++)
            {
                values.Add(operation(a, b));
            }
        }

        return values;
    }

    private static void AssertHull(IndexRange range, List<long> values)
    {
        Assert.False(range.IsEmpty || range.IsUnbounded);
        Assert.Equal(values.Min(), range.Min);
        Assert.Equal(values.Max(), range.Max);
    }
}
