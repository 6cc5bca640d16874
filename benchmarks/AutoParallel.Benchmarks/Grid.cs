namespace AutoParallel.Benchmarks;

/// <summary>The peers' inputs (../shared/peers/README.md), identical in every language.</summary>
public static class Grid
{
    // The seed notebook's window: centre X + iY, half-width R.
    private const double X = -0.235, Y = 0.827, R = 0.4;

    /// <summary>The Mandelbrot grid: <c>re = linspace(X - R, X + R, n)</c> along rows, <c>im</c> down them, flattened row by row.</summary>
    public static (double[] Re, double[] Im) Mandelbrot(int n)
    {
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

    /// <summary>
    /// The same grid's two axes, for the row-by-row kernels: point <c>(r, c)</c> is <c>Re[c] + i·Im[r]</c>.
    /// </summary>
    public static (double[] Re, double[] Im) MandelbrotAxes(int n)
    {
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++)
        {
            re[i] = Linspace(X - R, X + R, n, i);
            im[i] = Linspace(Y - R, Y + R, n, i);
        }

        return (re, im);
    }

    /// <summary>numpy's linspace: <c>i * step + start</c> with two roundings, exactly <c>stop</c> at the end.</summary>
    private static double Linspace(double start, double stop, int n, int i)
        => i == n - 1 ? stop : (i * ((stop - start) / (n - 1))) + start;
}
