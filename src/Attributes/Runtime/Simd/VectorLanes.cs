using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace AutoParallel;

/// <summary>
/// Loads and stores between spans and <see cref="Vector{T}"/> lanes of another width, for generated <c>[Vectorise]</c> kernels
/// whose values do not all have the same size (an <c>int</c> result of a <c>double</c> kernel lives in <c>long</c> lanes).
/// </summary>
/// <remarks>
/// Kernels compute every value in lanes of one width, the widest type they use; narrower integers are kept in wider lanes,
/// sign- or zero-extended, so that converting them back is exact. These helpers move such values lane by lane.
/// </remarks>
public static class VectorLanes
{
    /// <summary>The first <c>Vector&lt;TLane&gt;.Count</c> elements of <paramref name="source"/>, each widened to <typeparamref name="TLane"/>.</summary>
    /// <typeparam name="TSource">The element type of the span.</typeparam>
    /// <typeparam name="TLane">The (wider, same signedness) lane type.</typeparam>
    /// <param name="source">At least <c>Vector&lt;TLane&gt;.Count</c> elements.</param>
    [SkipLocalsInit]
    public static Vector<TLane> Widen<TSource, TLane>(ReadOnlySpan<TSource> source)
        where TSource : unmanaged, INumberBase<TSource>
        where TLane : unmanaged, INumberBase<TLane>
    {
        Span<TLane> lanes = stackalloc TLane[Vector<TLane>.Count];
        for (int lane = 0; lane < lanes.Length; lane++)
        {
            lanes[lane] = TLane.CreateTruncating(source[lane]);
        }

        return new Vector<TLane>(lanes);
    }

    /// <summary>Writes each lane of <paramref name="lanes"/>, which holds values of <typeparamref name="TTarget"/>'s range, to <paramref name="destination"/>.</summary>
    /// <typeparam name="TLane">The (wider) lane type.</typeparam>
    /// <typeparam name="TTarget">The element type of the span.</typeparam>
    /// <param name="lanes">The values, already within the range of <typeparamref name="TTarget"/>.</param>
    /// <param name="destination">At least <c>Vector&lt;TLane&gt;.Count</c> elements.</param>
    public static void Narrow<TLane, TTarget>(Vector<TLane> lanes, Span<TTarget> destination)
        where TLane : unmanaged, INumberBase<TLane>
        where TTarget : unmanaged, INumberBase<TTarget>
    {
        Span<TTarget> target = destination.Slice(0, Vector<TLane>.Count);
        for (int lane = 0; lane < target.Length; lane++)
        {
            target[lane] = TTarget.CreateTruncating(lanes[lane]);
        }
    }

    /// <summary>The first <c>Vector&lt;TMask&gt;.Count</c> booleans of <paramref name="source"/> as a lane mask: all bits set for <see langword="true"/>.</summary>
    /// <typeparam name="TMask">The signed integer type of the kernel's lane width.</typeparam>
    /// <param name="source">At least <c>Vector&lt;TMask&gt;.Count</c> elements.</param>
    [SkipLocalsInit]
    public static Vector<TMask> Mask<TMask>(ReadOnlySpan<bool> source)
        where TMask : unmanaged, IBinaryInteger<TMask>
    {
        Span<TMask> lanes = stackalloc TMask[Vector<TMask>.Count];
        for (int lane = 0; lane < lanes.Length; lane++)
        {
            lanes[lane] = source[lane] ? TMask.AllBitsSet : TMask.Zero;
        }

        return new Vector<TMask>(lanes);
    }

    /// <summary>Writes a lane mask as booleans: <see langword="true"/> where a lane has any bit set.</summary>
    /// <typeparam name="TMask">The signed integer type of the kernel's lane width.</typeparam>
    /// <param name="mask">The mask.</param>
    /// <param name="destination">At least <c>Vector&lt;TMask&gt;.Count</c> elements.</param>
    public static void Store<TMask>(Vector<TMask> mask, Span<bool> destination)
        where TMask : unmanaged, IBinaryInteger<TMask>
    {
        Span<bool> target = destination.Slice(0, Vector<TMask>.Count);
        for (int lane = 0; lane < target.Length; lane++)
        {
            target[lane] = mask[lane] != TMask.Zero;
        }
    }
}
