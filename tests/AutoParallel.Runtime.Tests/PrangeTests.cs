using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace AutoParallel.Runtime.Tests;

public sealed class PrangeTests
{
    [Fact]
    public void Range_counts_like_a_for_loop()
    {
        Gen.Select(Gen.Int[-50, 50], Gen.Int[-50, 50], Gen.Int[1, 9]).Sample((from, to, step) =>
        {
            var expected = new List<int>();
            for (int i = from; i < to; i += step)
            {
                expected.Add(i);
            }

            var actual = new List<int>();
            foreach (int i in Prange.Range(from, to, step))
            {
                actual.Add(i);
            }

            Assert.Equal(expected, actual);
            Assert.Equal(expected.Count, Prange.Range(from, to, step).Count);
        });
    }

    [Fact]
    public void Range_of_one_argument_starts_at_zero()
    {
        var values = new List<long>();
        foreach (long i in Prange.Range(4L))
        {
            values.Add(i);
        }

        Assert.Equal(new long[] { 0, 1, 2, 3 }, values);
    }

    [Fact]
    public void Ranges_near_the_end_of_the_type_stop_without_overflowing()
    {
        int count = 0;
        foreach (int i in Prange.Range(int.MaxValue - 5, int.MaxValue, 2))
        {
            Assert.True(i >= int.MaxValue - 5);
            count++;
        }

        Assert.Equal(3, count);
        Assert.Equal(3UL, Prange.Range(long.MaxValue - 3, long.MaxValue, 1).Count);
        Assert.Equal(ulong.MaxValue, Prange.Range(long.MinValue, long.MaxValue, 1).Count);
    }

    [Fact]
    public void Non_positive_steps_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Prange.Range(0, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Prange.Range(0L, 10L, -1L));
    }

    [Fact]
    public void Enumerating_a_range_does_not_allocate()
    {
        long sum = 0;
        foreach (int i in Prange.Range(0, 10))
        {
            sum += i;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (int i in Prange.Range(0, 1000, 3))
        {
            sum += i;
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}
