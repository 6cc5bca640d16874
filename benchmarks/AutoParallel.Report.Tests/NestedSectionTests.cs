using System.Collections.Generic;
using System.Linq;
using System.Text;
using AutoParallel.Report.Analysis;
using AutoParallel.Report.Input;
using AutoParallel.Report.Output;

namespace AutoParallel.Report.Tests;

public sealed class NestedSectionTests
{
    [Fact]
    public void The_nested_table_has_a_row_per_round_and_a_row_of_medians()
    {
        var m = new Measurements(
            new[]
            {
                Case(Variants.Flat, "1", 10_000_000), Case(Variants.Nested, "1", 10_200_000),
                Case(Variants.Flat, "2", 12_000_000), Case(Variants.Nested, "2", 11_760_000),
                Case(Variants.Flat, "3", 11_000_000), Case(Variants.Nested, "3", 11_000_000),
            },
            new List<PeerResult>(), null, PeerInfo.None);
        var text = new StringBuilder();
        TargetSections.WriteNested(text, m);
        string[] rows = text.ToString().Split('\n').Where(line => line.StartsWith("| ", System.StringComparison.Ordinal)).ToArray();

        Assert.Equal(6, rows.Length); // the header and its rule, then rounds 1, 2, 3 and the medians
        Assert.StartsWith("| round |", rows[0]);
        Assert.StartsWith("| 1 | – | 10.0 ms | 10.2 ms | – | 1.020× |", rows[2]);
        Assert.StartsWith("| 2 | – | 12.0 ms | 11.8 ms | – | 0.980× |", rows[3]);
        Assert.StartsWith("| **median** | – | 11.0 ms | 11.0 ms | – | **1.000×** |", rows[5]);
    }

    private static CsResult Case(string description, string round, double medianNs)
        => new("NestedRegions", description, description, new Dictionary<string, string> { ["Round"] = round }, medianNs, 0, 0, "job", "AVX2");
}
