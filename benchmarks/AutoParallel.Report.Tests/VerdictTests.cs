using AutoParallel.Report.Analysis;

namespace AutoParallel.Report.Tests;

public sealed class VerdictTests
{
    [Fact]
    public void An_upper_bound_that_holds_is_met()
        => Assert.Equal("met", Verdict.AtMost(1.05, 1.05).ToString());

    [Fact]
    public void An_upper_bound_missed_says_by_how_much_relative_to_the_bound()
        => Assert.Equal("**missed by 10 %**", Verdict.AtMost(1.155, 1.05).ToString());

    [Fact]
    public void A_lower_bound_missed_says_by_how_much_relative_to_the_bound()
        => Assert.Equal("**missed by 20 %**", Verdict.AtLeast(1.48, 1.85).ToString());

    [Fact]
    public void Nothing_measured_is_neither_met_nor_missed()
        => Assert.Equal("not measured", Verdict.NotMeasured.ToString());
}
