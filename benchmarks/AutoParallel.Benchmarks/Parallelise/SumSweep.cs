using System;
using BenchmarkDotNet.Attributes;

namespace AutoParallel.Benchmarks;

/// <summary>
/// Issue 6, target 1 ("never slower than sequential"): the generated sum against the user's loop at every size from 0 to 10⁷,
/// across the threshold where the runtime switches from the sequential fall-back to threads.
/// </summary>
[MemoryDiagnoser]
public class SumSweep
{
    private double[] _x = Array.Empty<double>();

    /// <summary>Elements summed: the first <c>Length</c> LCG values.</summary>
    [Params(0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000)]
    public int Length { get; set; }

    /// <summary>Builds the input; checks the generated sum against the sequential one (and the peers' checksum at 10⁴ and 10⁷).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _x = Lcg.Values(Length);
        double sequential = Sequential();
        PeerChecksums.Expect(Variant.Generated, sequential, Generated());
        if (Length == 10_000)
        {
            PeerChecksums.Expect(Variant.Sequential, PeerChecksums.Sum1e4, sequential);
        }
        else if (Length == 10_000_000)
        {
            PeerChecksums.Expect(Variant.Sequential, PeerChecksums.Sum1e7, sequential);
        }
    }

    [Benchmark(Baseline = true, Description = Variant.Sequential)]
    public double Sequential() => ParallelKernels.Sum(_x);

    [Benchmark(Description = Variant.Generated)]
    public double Generated() => ParallelKernels.SumParallel(_x);
}
