using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        if (Unsafe.SizeOf<TLane>() == 2 * Unsafe.SizeOf<TTarget>() && Vector.IsHardwareAccelerated)
        {
            // Halving the width: one vector narrow, then half a vector's bytes stored (the values are in range, so truncating is exact).
            Vector<TTarget> narrowed = NarrowHalf<TLane, TTarget>(lanes);
            Unsafe.CopyBlockUnaligned(
                ref Unsafe.As<TTarget, byte>(ref MemoryMarshal.GetReference(target)),
                ref Unsafe.As<Vector<TTarget>, byte>(ref narrowed),
                (uint)(Vector<byte>.Count / 2));
            return;
        }

        for (int lane = 0; lane < target.Length; lane++)
        {
            target[lane] = TTarget.CreateTruncating(lanes[lane]);
        }
    }

    /// <summary><see cref="Vector.Narrow(Vector{long}, Vector{long})"/> and its kin for a lane type twice the target's size; the low half holds <paramref name="lanes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<TTarget> NarrowHalf<TLane, TTarget>(Vector<TLane> lanes)
        where TLane : unmanaged
        where TTarget : unmanaged
    {
        if (typeof(TLane) == typeof(long) || typeof(TLane) == typeof(ulong))
        {
            Vector<ulong> wide = Vector.AsVectorUInt64(lanes);
            return Vector.As<uint, TTarget>(Vector.Narrow(wide, wide));
        }

        if (typeof(TLane) == typeof(int) || typeof(TLane) == typeof(uint))
        {
            Vector<uint> wide = Vector.AsVectorUInt32(lanes);
            return Vector.As<ushort, TTarget>(Vector.Narrow(wide, wide));
        }

        Vector<ushort> halves = Vector.AsVectorUInt16(lanes);
        return Vector.As<byte, TTarget>(Vector.Narrow(halves, halves));
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
