using System;
using AutoParallel.Report.Analysis;

namespace AutoParallel.Report.Tests;

public sealed class StatisticsTests
{
    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 4.0 }, 4.0)]
    [InlineData(new[] { 4.0, 1.0, 2.0, 10.0 }, 3.0)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones(double[] values, double median)
        => Assert.Equal(median, Statistics.Median(values));

    [Fact]
    public void No_values_have_no_median()
        => Assert.Throws<ArgumentException>(() => Statistics.Median(Array.Empty<double>()));
}
