namespace AutoParallel.Benchmarks;

/// <summary>
/// The peers' input data (../shared/peers/README.md): a 64-bit LCG, seed 42, value <c>i</c> is <c>(state &gt;&gt; 40) · 2⁻²⁴</c>
/// after the (i+1)-th step. Every value is a multiple of 2⁻²⁴ in [0, 1), so sums of up to 2²⁴ of them are exact in
/// any order: every sum variant must give the peers' checksum bit for bit.
/// </summary>
public static class Lcg
{
    private const ulong Multiplier = 6364136223846793005;
    private const ulong Increment = 1442695040888963407;
    private const ulong Seed = 42;
    private const double Scale = 1.0 / (1 << 24);

    /// <summary>The first <paramref name="count"/> values of the sequence.</summary>
    public static double[] Values(int count)
    {
        var values = new double[count];
        ulong state = Seed;
        for (int i = 0; i < count; i++)
        {
            state = unchecked((state * Multiplier) + Increment);
            values[i] = (state >> 40) * Scale;
        }

        return values;
    }
}
