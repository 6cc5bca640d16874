using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace AutoParallel.Benchmarks;

/// <summary>
/// [Vectorise] targets (issue 4): the seed's Mandelbrot through the generated span overload against a scalar loop calling the
/// kernel, <c>Target = Parallel</c> against <c>Cpu</c>; axpy against <c>TensorPrimitives</c>.
/// </summary>
[MemoryDiagnoser]
public class VectoriseMandelbrot
{
    private double[] _re = Array.Empty<double>();
    private double[] _im = Array.Empty<double>();
    private int[] _counts = Array.Empty<int>();

    [Params(20, 500)]
    public int Iterations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_re, _im) = Grid.Mandelbrot(1000);
        _counts = new int[_re.Length];
    }

    [Benchmark(Baseline = true, Description = "scalar loop calling the kernel")]
    public void ScalarLoop()
    {
        for (int k = 0; k < _re.Length; k++)
        {
            _counts[k] = Kernels.Mandel(_re[k], _im[k], Iterations);
        }
    }

    [Benchmark(Description = "[Vectorise] Cpu")]
    public void Simd() => Kernels.Mandel(_re, _im, Iterations, _counts);

    [Benchmark(Description = "[Vectorise] Parallel")]
    public void SimdParallel() => Kernels.MandelParallel(_re, _im, Iterations, _counts);
}

/// <summary>axpy (<c>a * x + y</c>) through the generated span overload and through <c>TensorPrimitives.MultiplyAdd</c>.</summary>
[MemoryDiagnoser]
public class VectoriseAxpy
{
    private float[] _x = Array.Empty<float>();
    private float[] _y = Array.Empty<float>();
    private float[] _result = Array.Empty<float>();

    [Params(1_000, 100_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new float[Length];
        _y = new float[Length];
        _result = new float[Length];
        for (int k = 0; k < Length; k++)
        {
            _x[k] = (float)random.NextDouble();
            _y[k] = (float)random.NextDouble();
        }
    }

    [Benchmark(Baseline = true, Description = "TensorPrimitives.MultiplyAdd")]
    public void Tensor() => TensorPrimitives.MultiplyAdd(_x, 2.5f, _y, _result);

    [Benchmark(Description = "[Vectorise] Cpu")]
    public void Simd() => Kernels.Axpy(2.5f, _x, _y, _result);

    [Benchmark(Description = "scalar loop calling the kernel")]
    public void ScalarLoop()
    {
        for (int k = 0; k < _x.Length; k++)
        {
            _result[k] = Kernels.Axpy(2.5f, _x[k], _y[k]);
        }
    }
}
