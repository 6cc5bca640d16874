using System;
using BenchmarkDotNet.Attributes;

namespace AutoParallel.Benchmarks;

/// <summary>
/// Issue 6, target 1 where it is hardest: the sum called from the caller's own loop, <c>total += Sum(x)</c>, 16 calls per
/// invocation, at the small sizes where a call's fixed cost is all there is. Unlike <see cref="SumSweep"/>'s lone call, the
/// caller's loop carries a <see langword="double"/> across the call, which is what RyuJIT treats differently when the
/// method called contains a call of its own (the generated one does: its parallel path).
/// </summary>
[MemoryDiagnoser]
public class SumInLoop
{
    /// <summary>Calls per invocation: BenchmarkDotNet reports the time of one.</summary>
    public const int Calls = 16;

    private double[] _x = Array.Empty<double>();

    /// <summary>Elements summed per call: the first <c>Length</c> LCG values.</summary>
    [Params(0, 1, 10, 100, 1_000)]
    public int Length { get; set; }

    /// <summary>Builds the input; checks that both loops give the same total.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _x = Lcg.Values(Length);
        PeerChecksums.Expect(Variant.Generated, Sequential(), Generated());
    }

    [Benchmark(Baseline = true, Description = Variant.Sequential, OperationsPerInvoke = Calls)]
    public double Sequential()
    {
        double total = 0;
        for (int call = 0; call < Calls; call++)
        {
            total += ParallelKernels.Sum(_x);
        }

        return total;
    }

    [Benchmark(Description = Variant.Generated, OperationsPerInvoke = Calls)]
    public double Generated()
    {
        double total = 0;
        for (int call = 0; call < Calls; call++)
        {
            total += ParallelKernels.SumParallel(_x);
        }

        return total;
    }
}
