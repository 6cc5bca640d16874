using System;
using System.Globalization;

namespace AutoParallel.Benchmarks;

/// <summary>
/// The peers' checksums (../shared/peers/README.md), by kernel and size label. Every variant is run once in
/// <c>[GlobalSetup]</c> and must reproduce them exactly: the sums are exact in any order, Mandelbrot counts are integers,
/// and the distance and table values are bit-identical in every implementation.
/// </summary>
public static class PeerChecksums
{
    /// <summary><c>Σ x[i]</c> over the first 10⁴ LCG values.</summary>
    public const double Sum1e4 = 4970.168618857861;

    /// <summary><c>Σ x[i]</c> over the first 10⁷ LCG values.</summary>
    public const double Sum1e7 = 4999554.6820629835;

    /// <summary>The sum of the 2000×2000 distance matrix, row-major, left to right.</summary>
    public const double Distances = 4510663.8332414655;

    /// <summary>The sum of the 4000×4000 <c>i·j</c> table.</summary>
    public const double Table = 63968004000000;

    /// <summary>The sum of the escape counts for a Mandelbrot size label (<c>N100-it20</c>, <c>N1000-it20</c>, <c>N1000-it500</c>).</summary>
    public static long Mandelbrot(string size) => size switch
    {
        "N100-it20" => 37851,
        "N1000-it20" => 3801682,
        "N1000-it500" => 8543663,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Not one of the peers' Mandelbrot sizes."),
    };

    /// <summary>The checksum rule for array outputs: a plain left-to-right float64 sum.</summary>
    public static double Checksum(double[] values)
    {
        double s = 0;
        foreach (double v in values)
        {
            s += v;
        }

        return s;
    }

    /// <summary>The checksum rule for Mandelbrot counts: an integer sum.</summary>
    public static long Checksum(int[] counts)
    {
        long s = 0;
        foreach (int c in counts)
        {
            s += c;
        }

        return s;
    }

    /// <summary>Throws unless <paramref name="actual"/> has exactly the bits of <paramref name="expected"/>.</summary>
    /// <exception cref="InvalidOperationException">The variant gave another result.</exception>
    public static void Expect(string variant, double expected, double actual)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"{variant}: checksum {actual:R}, the peers' is {expected:R}."));
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <exception cref="InvalidOperationException">The variant gave another result.</exception>
    public static void Expect(string variant, long expected, long actual)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"{variant}: checksum {actual}, the peers' is {expected}."));
        }
    }
}
