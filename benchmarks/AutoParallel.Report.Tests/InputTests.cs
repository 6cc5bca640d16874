using System.Linq;
using AutoParallel.Report.Input;

namespace AutoParallel.Report.Tests;

public sealed class InputTests
{
    private const string Export = """
        {"Title":"t","HostEnvironmentInfo":{"OsVersion":"Debian 12","ProcessorName":"AMD EPYC","PhysicalCoreCount":2,"LogicalCoreCount":2,
         "RuntimeVersion":".NET 10.0.12","BenchmarkDotNetVersion":"0.14.0","DotNetCliVersion":"10.0.401"},
         "Benchmarks":[{"DisplayInfo":"SumKernel.'generated [Parallelise]': ShortRun(IterationCount=3) [Size=1e7]","Type":"SumKernel",
         "Method":"Generated","MethodTitle":"'generated [Parallelise]'","Parameters":"Size=1e7&Threads=2","HardwareIntrinsics":"AVX2",
         "Statistics":{"Median":4200000.5,"StandardDeviation":10,"Skewness":""},"Memory":{"BytesAllocatedPerOperation":312}},
         {"DisplayInfo":"X.y: Dry","Type":"X","Method":"Y","MethodTitle":"Y","Parameters":"","Statistics":null}]}
        """;

    [Fact]
    public void A_benchmark_export_gives_unquoted_descriptions_parameters_medians_and_allocations()
    {
        (HostInfo host, var results) = BdnReader.Parse(Export);
        Assert.Equal(2, host.LogicalCores);
        CsResult generated = results[0];
        Assert.Equal("generated [Parallelise]", generated.Description);
        Assert.Equal("1e7", generated.Parameter("Size"));
        Assert.Equal("2", generated.Parameter("Threads"));
        Assert.Equal(4200000.5, generated.MedianNs);
        Assert.Equal(312, generated.AllocatedBytes);
        Assert.Equal("ShortRun(IterationCount=3)", generated.Job);
        Assert.Null(results[1].MedianNs);
    }

    [Fact]
    public void Repeated_peer_rows_are_reduced_to_their_median()
    {
        string[] lines =
        {
            "machine: 2 cpus",
            """{"kernel": "sum", "size": "1e4", "impl": "c-omp", "threads": 2, "median_us": 5.0, "checksum": 4970.168618857861}""",
            """{"kernel": "sum", "size": "1e4", "impl": "c-omp", "threads": 2, "median_us": 9.0, "checksum": 4970.168618857861}""",
            """{"kernel": "sum", "size": "1e4", "impl": "c-omp", "threads": 2, "median_us": 6.0, "checksum": 4970.168618857861}""",
            """{"kernel": "sum", "size": "1e4", "impl": "c-omp", "threads": 1, "median_us": 8.0, "checksum": 4970.168618857861}""",
        };
        var results = PeerReader.Parse(lines);
        PeerResult two = results.Single(r => r.Threads == 2);
        Assert.Equal(6.0, two.MedianUs);
        Assert.Equal(3, two.Runs);
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public void The_peers_stderr_gives_the_machine_once_and_counts_the_guards_retakes()
    {
        string[] stderr =
        {
            "machine: 2 cpus, AMD EPYC", "gcc: 12.2.0, flags: -O3", "machine: 2 cpus, AMD EPYC",
            "sum 1e4 c-seq threads=1: 13 measurement(s) retaken, 0 kept although other processes were busy",
            "mandel N100-it20 numba-prange threads=2: 2 measurement(s) retaken, 1 kept although other processes were busy",
        };
        PeerInfo info = PeerReader.ParseInfo(stderr);
        Assert.Equal(new[] { "machine: 2 cpus, AMD EPYC", "gcc: 12.2.0, flags: -O3" }, info.Machine);
        Assert.Equal(15, info.Retaken);
        Assert.Equal(1, info.Disturbed);
    }
}
