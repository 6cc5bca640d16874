using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace AutoParallel;

/// <summary>
/// The <see cref="Vector"/> functions generated <c>[Vectorise]</c> kernels use, on <see cref="VectorPair{T}"/>s: each applies the
/// same-named <see cref="Vector"/> function to both halves. Also the loads and stores between spans and pairs.
/// </summary>
public static class VectorPair
{
    /// <summary>A pair whose halves are both <paramref name="lanes"/>: a kernel's last whole vector, computed once more in the second half, which is then ignored.</summary>
    /// <typeparam name="T">The lane type.</typeparam>
    /// <param name="lanes">The lanes.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> Twice<T>(Vector<T> lanes)
        where T : struct => new(lanes, lanes);

    /// <summary>The two vectors at <paramref name="source"/> + <paramref name="index"/> (as <c>Vector.LoadUnsafe</c>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The first element of the span.</param>
    /// <param name="index">The index of the first element loaded; <c>2 * Vector&lt;T&gt;.Count</c> elements from it must exist.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> LoadUnsafe<T>(ref T source, nuint index)
        where T : struct => new(Vector.LoadUnsafe(ref source, index), Vector.LoadUnsafe(ref source, index + (nuint)Vector<T>.Count));

    /// <summary>Stores both halves at <paramref name="destination"/> + <paramref name="index"/> (as <c>Vector.StoreUnsafe</c>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="lanes">The lanes.</param>
    /// <param name="destination">The first element of the span.</param>
    /// <param name="index">The index of the first element stored; <c>2 * Vector&lt;T&gt;.Count</c> elements from it must exist.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe<T>(VectorPair<T> lanes, ref T destination, nuint index)
        where T : struct
    {
        Vector.StoreUnsafe(lanes.First, ref destination, index);
        Vector.StoreUnsafe(lanes.Second, ref destination, index + (nuint)Vector<T>.Count);
    }

    /// <summary>The first <c>2 * Vector&lt;TLane&gt;.Count</c> elements of <paramref name="source"/>, widened (<see cref="VectorLanes.Widen{TSource, TLane}"/>).</summary>
    /// <typeparam name="TSource">The element type of the span.</typeparam>
    /// <typeparam name="TLane">The (wider, same signedness) lane type.</typeparam>
    /// <param name="source">At least <c>2 * Vector&lt;TLane&gt;.Count</c> elements.</param>
    public static VectorPair<TLane> Widen<TSource, TLane>(ReadOnlySpan<TSource> source)
        where TSource : unmanaged, INumberBase<TSource>
        where TLane : unmanaged, INumberBase<TLane>
        => new(VectorLanes.Widen<TSource, TLane>(source), VectorLanes.Widen<TSource, TLane>(source.Slice(Vector<TLane>.Count)));

    /// <summary>Writes both halves to <paramref name="destination"/>, narrowed (<see cref="VectorLanes.Narrow{TLane, TTarget}"/>).</summary>
    /// <typeparam name="TLane">The (wider) lane type.</typeparam>
    /// <typeparam name="TTarget">The element type of the span.</typeparam>
    /// <param name="lanes">The values, already within the range of <typeparamref name="TTarget"/>.</param>
    /// <param name="destination">At least <c>2 * Vector&lt;TLane&gt;.Count</c> elements.</param>
    public static void Narrow<TLane, TTarget>(VectorPair<TLane> lanes, Span<TTarget> destination)
        where TLane : unmanaged, INumberBase<TLane>
        where TTarget : unmanaged, INumberBase<TTarget>
    {
        VectorLanes.Narrow(lanes.First, destination);
        VectorLanes.Narrow(lanes.Second, destination.Slice(Vector<TLane>.Count));
    }

    /// <summary>The first <c>2 * Vector&lt;TMask&gt;.Count</c> booleans of <paramref name="source"/> as a lane mask (<see cref="VectorLanes.Mask{TMask}"/>).</summary>
    /// <typeparam name="TMask">The signed integer type of the kernel's lane width.</typeparam>
    /// <param name="source">At least <c>2 * Vector&lt;TMask&gt;.Count</c> elements.</param>
    public static VectorPair<TMask> Mask<TMask>(ReadOnlySpan<bool> source)
        where TMask : unmanaged, IBinaryInteger<TMask>
        => new(VectorLanes.Mask<TMask>(source), VectorLanes.Mask<TMask>(source.Slice(Vector<TMask>.Count)));

    /// <summary>Writes a lane mask as booleans (<see cref="VectorLanes.Store{TMask}"/>).</summary>
    /// <typeparam name="TMask">The signed integer type of the kernel's lane width.</typeparam>
    /// <param name="mask">The mask.</param>
    /// <param name="destination">At least <c>2 * Vector&lt;TMask&gt;.Count</c> elements.</param>
    public static void Store<TMask>(VectorPair<TMask> mask, Span<bool> destination)
        where TMask : unmanaged, IBinaryInteger<TMask>
    {
        VectorLanes.Store(mask.First, destination);
        VectorLanes.Store(mask.Second, destination.Slice(Vector<TMask>.Count));
    }

#pragma warning disable CS1591 // Each function is the same-named Vector function, applied to both halves.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> Equals(VectorPair<double> x, VectorPair<double> y) => new(Vector.Equals(x.First, y.First), Vector.Equals(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> Equals(VectorPair<float> x, VectorPair<float> y) => new(Vector.Equals(x.First, y.First), Vector.Equals(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> Equals<T>(VectorPair<T> x, VectorPair<T> y)
        where T : struct => new(Vector.Equals(x.First, y.First), Vector.Equals(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> LessThan(VectorPair<double> x, VectorPair<double> y) => new(Vector.LessThan(x.First, y.First), Vector.LessThan(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> LessThan(VectorPair<float> x, VectorPair<float> y) => new(Vector.LessThan(x.First, y.First), Vector.LessThan(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> LessThan<T>(VectorPair<T> x, VectorPair<T> y)
        where T : struct => new(Vector.LessThan(x.First, y.First), Vector.LessThan(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> LessThanOrEqual(VectorPair<double> x, VectorPair<double> y) => new(Vector.LessThanOrEqual(x.First, y.First), Vector.LessThanOrEqual(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> LessThanOrEqual(VectorPair<float> x, VectorPair<float> y) => new(Vector.LessThanOrEqual(x.First, y.First), Vector.LessThanOrEqual(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> LessThanOrEqual<T>(VectorPair<T> x, VectorPair<T> y)
        where T : struct => new(Vector.LessThanOrEqual(x.First, y.First), Vector.LessThanOrEqual(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> GreaterThan(VectorPair<double> x, VectorPair<double> y) => new(Vector.GreaterThan(x.First, y.First), Vector.GreaterThan(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> GreaterThan(VectorPair<float> x, VectorPair<float> y) => new(Vector.GreaterThan(x.First, y.First), Vector.GreaterThan(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> GreaterThan<T>(VectorPair<T> x, VectorPair<T> y)
        where T : struct => new(Vector.GreaterThan(x.First, y.First), Vector.GreaterThan(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> GreaterThanOrEqual(VectorPair<double> x, VectorPair<double> y) => new(Vector.GreaterThanOrEqual(x.First, y.First), Vector.GreaterThanOrEqual(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> GreaterThanOrEqual(VectorPair<float> x, VectorPair<float> y) => new(Vector.GreaterThanOrEqual(x.First, y.First), Vector.GreaterThanOrEqual(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> GreaterThanOrEqual<T>(VectorPair<T> x, VectorPair<T> y)
        where T : struct => new(Vector.GreaterThanOrEqual(x.First, y.First), Vector.GreaterThanOrEqual(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<double> ConditionalSelect(VectorPair<long> mask, VectorPair<double> x, VectorPair<double> y) => new(Vector.ConditionalSelect(mask.First, x.First, y.First), Vector.ConditionalSelect(mask.Second, x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<float> ConditionalSelect(VectorPair<int> mask, VectorPair<float> x, VectorPair<float> y) => new(Vector.ConditionalSelect(mask.First, x.First, y.First), Vector.ConditionalSelect(mask.Second, x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> ConditionalSelect<T>(VectorPair<T> mask, VectorPair<T> x, VectorPair<T> y)
        where T : struct => new(Vector.ConditionalSelect(mask.First, x.First, y.First), Vector.ConditionalSelect(mask.Second, x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> AndNot<T>(VectorPair<T> x, VectorPair<T> y)
        where T : struct => new(Vector.AndNot(x.First, y.First), Vector.AndNot(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> Abs<T>(VectorPair<T> x)
        where T : struct => new(Vector.Abs(x.First), Vector.Abs(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> SquareRoot<T>(VectorPair<T> x)
        where T : struct => new(Vector.SquareRoot(x.First), Vector.SquareRoot(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> Min<T>(VectorPair<T> x, VectorPair<T> y)
        where T : struct => new(Vector.Min(x.First, y.First), Vector.Min(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> Max<T>(VectorPair<T> x, VectorPair<T> y)
        where T : struct => new(Vector.Max(x.First, y.First), Vector.Max(x.Second, y.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<double> Floor(VectorPair<double> x) => new(Vector.Floor(x.First), Vector.Floor(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<float> Floor(VectorPair<float> x) => new(Vector.Floor(x.First), Vector.Floor(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<double> Ceiling(VectorPair<double> x) => new(Vector.Ceiling(x.First), Vector.Ceiling(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<float> Ceiling(VectorPair<float> x) => new(Vector.Ceiling(x.First), Vector.Ceiling(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<double> AsVectorDouble<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorDouble(x.First), Vector.AsVectorDouble(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<float> AsVectorSingle<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorSingle(x.First), Vector.AsVectorSingle(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> AsVectorInt64<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorInt64(x.First), Vector.AsVectorInt64(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<ulong> AsVectorUInt64<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorUInt64(x.First), Vector.AsVectorUInt64(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> AsVectorInt32<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorInt32(x.First), Vector.AsVectorInt32(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<uint> AsVectorUInt32<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorUInt32(x.First), Vector.AsVectorUInt32(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<short> AsVectorInt16<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorInt16(x.First), Vector.AsVectorInt16(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<ushort> AsVectorUInt16<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorUInt16(x.First), Vector.AsVectorUInt16(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<sbyte> AsVectorSByte<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorSByte(x.First), Vector.AsVectorSByte(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<byte> AsVectorByte<T>(VectorPair<T> x)
        where T : struct => new(Vector.AsVectorByte(x.First), Vector.AsVectorByte(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<double> ConvertToDouble(VectorPair<long> x) => new(Vector.ConvertToDouble(x.First), Vector.ConvertToDouble(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<float> ConvertToSingle(VectorPair<int> x) => new(Vector.ConvertToSingle(x.First), Vector.ConvertToSingle(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> ConvertToInt64(VectorPair<double> x) => new(Vector.ConvertToInt64(x.First), Vector.ConvertToInt64(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> ConvertToInt32(VectorPair<float> x) => new(Vector.ConvertToInt32(x.First), Vector.ConvertToInt32(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<byte> ShiftLeft(VectorPair<byte> x, int shiftCount) => new(Vector.ShiftLeft(x.First, shiftCount), Vector.ShiftLeft(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<sbyte> ShiftLeft(VectorPair<sbyte> x, int shiftCount) => new(Vector.ShiftLeft(x.First, shiftCount), Vector.ShiftLeft(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<short> ShiftLeft(VectorPair<short> x, int shiftCount) => new(Vector.ShiftLeft(x.First, shiftCount), Vector.ShiftLeft(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<ushort> ShiftLeft(VectorPair<ushort> x, int shiftCount) => new(Vector.ShiftLeft(x.First, shiftCount), Vector.ShiftLeft(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> ShiftLeft(VectorPair<int> x, int shiftCount) => new(Vector.ShiftLeft(x.First, shiftCount), Vector.ShiftLeft(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<uint> ShiftLeft(VectorPair<uint> x, int shiftCount) => new(Vector.ShiftLeft(x.First, shiftCount), Vector.ShiftLeft(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> ShiftLeft(VectorPair<long> x, int shiftCount) => new(Vector.ShiftLeft(x.First, shiftCount), Vector.ShiftLeft(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<ulong> ShiftLeft(VectorPair<ulong> x, int shiftCount) => new(Vector.ShiftLeft(x.First, shiftCount), Vector.ShiftLeft(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<sbyte> ShiftRightArithmetic(VectorPair<sbyte> x, int shiftCount) => new(Vector.ShiftRightArithmetic(x.First, shiftCount), Vector.ShiftRightArithmetic(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<short> ShiftRightArithmetic(VectorPair<short> x, int shiftCount) => new(Vector.ShiftRightArithmetic(x.First, shiftCount), Vector.ShiftRightArithmetic(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> ShiftRightArithmetic(VectorPair<int> x, int shiftCount) => new(Vector.ShiftRightArithmetic(x.First, shiftCount), Vector.ShiftRightArithmetic(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> ShiftRightArithmetic(VectorPair<long> x, int shiftCount) => new(Vector.ShiftRightArithmetic(x.First, shiftCount), Vector.ShiftRightArithmetic(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<byte> ShiftRightLogical(VectorPair<byte> x, int shiftCount) => new(Vector.ShiftRightLogical(x.First, shiftCount), Vector.ShiftRightLogical(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<sbyte> ShiftRightLogical(VectorPair<sbyte> x, int shiftCount) => new(Vector.ShiftRightLogical(x.First, shiftCount), Vector.ShiftRightLogical(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<short> ShiftRightLogical(VectorPair<short> x, int shiftCount) => new(Vector.ShiftRightLogical(x.First, shiftCount), Vector.ShiftRightLogical(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<ushort> ShiftRightLogical(VectorPair<ushort> x, int shiftCount) => new(Vector.ShiftRightLogical(x.First, shiftCount), Vector.ShiftRightLogical(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<int> ShiftRightLogical(VectorPair<int> x, int shiftCount) => new(Vector.ShiftRightLogical(x.First, shiftCount), Vector.ShiftRightLogical(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<uint> ShiftRightLogical(VectorPair<uint> x, int shiftCount) => new(Vector.ShiftRightLogical(x.First, shiftCount), Vector.ShiftRightLogical(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<long> ShiftRightLogical(VectorPair<long> x, int shiftCount) => new(Vector.ShiftRightLogical(x.First, shiftCount), Vector.ShiftRightLogical(x.Second, shiftCount));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<ulong> ShiftRightLogical(VectorPair<ulong> x, int shiftCount) => new(Vector.ShiftRightLogical(x.First, shiftCount), Vector.ShiftRightLogical(x.Second, shiftCount));
#pragma warning restore CS1591
}
