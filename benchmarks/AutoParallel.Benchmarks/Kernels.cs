using AutoParallel;

namespace AutoParallel.Benchmarks;

/// <summary>The benchmarked kernels, written as a user would write them.</summary>
public static partial class Kernels
{
    /// <summary>The peers' Mandelbrot escape count (../shared/peers/README.md): <c>z = c</c>, <c>|z|² ≥ 16</c>, no FMA.</summary>
    [Vectorise]
    public static int Mandel(double re, double im, [Scalar] int maxIterations)
    {
        double zr = re, zi = im;
        for (int i = 0; i < maxIterations; i++)
        {
            if (zr * zr + zi * zi >= 16)
            {
                return i;
            }

            double t = zr * zr - zi * zi + re;
            zi = zr * zi + zi * zr + im;
            zr = t;
        }

        return -1;
    }

    /// <summary><see cref="Mandel(double, double, int)"/> on every core.</summary>
    [Vectorise(Target = VectoriseTarget.Parallel)]
    public static int MandelParallel(double re, double im, [Scalar] int maxIterations)
    {
        double zr = re, zi = im;
        for (int i = 0; i < maxIterations; i++)
        {
            if (zr * zr + zi * zi >= 16)
            {
                return i;
            }

            double t = zr * zr - zi * zi + re;
            zi = zr * zi + zi * zr + im;
            zr = t;
        }

        return -1;
    }

    /// <summary><c>a * x + y</c>, BLAS's axpy, for <c>TensorPrimitives.MultiplyAdd</c>.</summary>
    [Vectorise]
    public static float Axpy([Scalar] float a, float x, float y) => a * x + y;
}
