using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutoParallel;

/// <summary>
/// SIMD reductions for generated <c>[Parallelise]</c> chunks whose body is <c>s += x[i]</c>. The order of the additions
/// depends only on the span's length (and the machine's <see cref="Vector{T}.Count"/>), never on addresses or threads, so a
/// deterministic parallel sum gives the same bits at every thread count.
/// </summary>
public static class VectorReduction
{
    private const int Accumulators = 4;

    /// <summary>
    /// <paramref name="total"/> plus every element of <paramref name="values"/>: element <c>k</c> of each block of
    /// <c>4 * Vector&lt;T&gt;.Count</c> goes to partial sum <c>k</c>; the four vectors of partial sums are added pairwise,
    /// then their lanes in lane order, then the elements after the last whole block one by one.
    /// </summary>
    /// <typeparam name="T"><c>double</c>, <c>float</c>, <c>int</c> or <c>long</c> (integers wrap, as unchecked <c>+=</c> does).</typeparam>
    /// <param name="values">The elements to add.</param>
    /// <param name="total">The running total they are added to.</param>
    public static T Sum<T>(ReadOnlySpan<T> values, T total)
        where T : unmanaged, INumberBase<T>
    {
        int k = 0;
        int block = Accumulators * Vector<T>.Count;
        if (Vector.IsHardwareAccelerated && values.Length >= block)
        {
            // -0.0 in every lane, the identity of floating-point addition (+0.0 would turn a sum of -0.0s into +0.0).
            var identity = new Vector<T>(-T.Zero);
            Vector<T> s0 = identity, s1 = identity, s2 = identity, s3 = identity;
            ref T first = ref MemoryMarshal.GetReference(values);
            for (; k <= values.Length - block; k += block)
            {
                s0 += Vector.LoadUnsafe(ref first, (nuint)k);
                s1 += Vector.LoadUnsafe(ref first, (nuint)(k + Vector<T>.Count));
                s2 += Vector.LoadUnsafe(ref first, (nuint)(k + (2 * Vector<T>.Count)));
                s3 += Vector.LoadUnsafe(ref first, (nuint)(k + (3 * Vector<T>.Count)));
            }

            total = AddLanes(total, (s0 + s1) + (s2 + s3));
        }

        for (; k < values.Length; k++)
        {
            total += values[k];
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T AddLanes<T>(T total, Vector<T> lanes)
        where T : unmanaged, INumberBase<T>
    {
        for (int lane = 0; lane < Vector<T>.Count; lane++)
        {
            total += lanes[lane];
        }

        return total;
    }
}
