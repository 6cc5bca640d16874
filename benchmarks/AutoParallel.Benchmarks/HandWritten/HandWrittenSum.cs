using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;

namespace AutoParallel.Benchmarks;

/// <summary>The sum written by hand with the .NET parallel libraries, as a user would without AutoParallel.</summary>
public static class HandWrittenSum
{
    /// <summary><c>Parallel.For</c> over the elements, one delegate call each, with thread-local partial sums.</summary>
    public static double PerElement(double[] x)
    {
        var total = new Total();
        Parallel.For(0, x.Length, () => 0.0, (i, _, local) => local + x[i], total.Add);
        return total.Value;
    }

    /// <summary>PLINQ's <c>Sum</c>.</summary>
    public static double Plinq(double[] x) => x.AsParallel().Sum();

    /// <summary><c>Parallel.ForEach</c> over <c>Partitioner.Create(0, n)</c> ranges, a plain loop per range, thread-local partial sums.</summary>
    public static double Chunked(double[] x)
    {
        var total = new Total();
        Parallel.ForEach(
            Partitioner.Create(0, x.Length),
            () => 0.0,
            (range, _, local) =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    local += x[i];
                }

                return local;
            },
            total.Add);
        return total.Value;
    }

    /// <summary>The shared total that each thread's partial sum is added into once, under a lock.</summary>
    private sealed class Total
    {
        private readonly object _gate = new();

        public double Value { get; private set; }

        public void Add(double partial)
        {
            lock (_gate)
            {
                Value += partial;
            }
        }
    }
}
