using AutoParallel;

namespace AutoParallel.Sample;

/// <summary>The seed notebook's examples, written as ordinary C# loops and marked for parallelisation.</summary>
public static partial class Kernels
{
    /// <summary>
    /// The notebook's <c>x[i][j] = i * j</c> table. The outer loop is parallelised (the notebook's first lesson: move the
    /// parallelism to the outer loop), and each row belongs to exactly one iteration, so the writes are disjoint.
    /// </summary>
    [Parallelise]
    public static void Table(double[][] x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double[] row = x[i];
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = (double)i * j;
            }
        }
    }

    /// <summary>
    /// The notebook's array sum: a reduction. Each chunk sums privately and the chunks are combined in a fixed order, so every
    /// thread count gives the same bits; below the cost threshold (the notebook's 10 000 numbers) it runs sequentially.
    /// </summary>
    [Parallelise]
    public static double Sum(double[] values)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}
