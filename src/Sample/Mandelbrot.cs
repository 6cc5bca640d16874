using AutoParallel;

namespace AutoParallel.Sample;

/// <summary>
/// The seed notebook's <c>@vectorize</c> example: the Mandelbrot escape count of one point, a scalar function the generator turns
/// into span overloads that compute <c>Vector&lt;double&gt;.Count</c> points at once (and, with <c>Target = Parallel</c>, on
/// every core). Points escape at different iterations: lanes that are done are masked off until every lane is.
/// </summary>
public static partial class Mandelbrot
{
    /// <summary>Iterations of <c>z = z² + c</c> from <c>z = c</c> until <c>|z| ≥ 4</c>, or -1 if it stays inside for <paramref name="maxIterations"/>.</summary>
    [Vectorise]
    public static int EscapeCount(double re, double im, [Scalar] int maxIterations)
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

    /// <summary>The same kernel, with the spans also split across cores (numba's <c>target='parallel'</c>).</summary>
    [Vectorise(Target = VectoriseTarget.Parallel)]
    public static int EscapeCountParallel(double re, double im, [Scalar] int maxIterations)
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

    /// <summary>The peers' grid (../shared/peers): <c>re = linspace(X - R, X + R, n)</c> along a row, <c>im</c> likewise down the rows, flattened row by row.</summary>
    public static (double[] Re, double[] Im) Grid(int n)
    {
        const double X = -0.235, Y = 0.827, R = 0.4;
        double[] re = new double[n * n], im = new double[n * n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                re[(r * n) + c] = Linspace(X - R, X + R, n, c);
                im[(r * n) + c] = Linspace(Y - R, Y + R, n, r);
            }
        }

        return (re, im);
    }

    /// <summary>numpy's linspace: <c>i * step + start</c> with two roundings, and exactly <c>stop</c> at the end.</summary>
    private static double Linspace(double start, double stop, int n, int i)
    {
        if (i == n - 1)
        {
            return stop;
        }

        double step = (stop - start) / (n - 1);
        double scaled = i * step;
        return scaled + start;
    }
}
