using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace AutoParallel.Benchmarks;

/// <summary>
/// The peers' <c>sum</c> kernel at their two sizes: the generated deterministic reduction against the user's loop, the
/// hand-written .NET ways, and <c>TensorPrimitives.Sum</c> (SIMD, one core).
/// </summary>
[MemoryDiagnoser]
public class SumKernel
{
    private double[] _x = Array.Empty<double>();

    /// <summary>The peers' size label: <c>1e4</c> or <c>1e7</c> elements.</summary>
    [Params("1e4", "1e7")]
    public string Size { get; set; } = "1e4";

    /// <summary>Builds the input and checks that every variant gives the peers' checksum, bit for bit.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (int length, double expected) = Size switch
        {
            "1e4" => (10_000, PeerChecksums.Sum1e4),
            "1e7" => (10_000_000, PeerChecksums.Sum1e7),
            _ => throw new InvalidOperationException($"Unknown size {Size}."),
        };
        _x = Lcg.Values(length);
        PeerChecksums.Expect(Variant.Sequential, expected, Sequential());
        PeerChecksums.Expect(Variant.Generated, expected, Generated());
        PeerChecksums.Expect(Variant.NaivePerElement, expected, PerElement());
        PeerChecksums.Expect(Variant.Plinq, expected, Plinq());
        PeerChecksums.Expect(Variant.Chunked, expected, Chunked());
        PeerChecksums.Expect(Variant.TensorSum, expected, Tensor());
    }

    [Benchmark(Baseline = true, Description = Variant.Sequential)]
    public double Sequential() => ParallelKernels.Sum(_x);

    [Benchmark(Description = Variant.Generated)]
    public double Generated() => ParallelKernels.SumParallel(_x);

    [Benchmark(Description = Variant.NaivePerElement)]
    public double PerElement() => HandWrittenSum.PerElement(_x);

    [Benchmark(Description = Variant.Plinq)]
    public double Plinq() => HandWrittenSum.Plinq(_x);

    [Benchmark(Description = Variant.Chunked)]
    public double Chunked() => HandWrittenSum.Chunked(_x);

    [Benchmark(Description = Variant.TensorSum)]
    public double Tensor() => TensorPrimitives.Sum<double>(_x);
}
