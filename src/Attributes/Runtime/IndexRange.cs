using System;
using System.Runtime.CompilerServices;

namespace AutoParallel;

/// <summary>
/// The values an <see langword="int"/> index expression of a generated chunk can take, as an interval: what lets a chunk check
/// its array indices once, before it runs, instead of once per element. Generated code builds one range per loop variable
/// (<see cref="Counter"/>), combines them as the index expression does (<c>__range_i * n + __range_j</c>) and asks
/// <see cref="IsWithin"/> of each array.
/// </summary>
/// <remarks>
/// <para>Interval arithmetic over-approximates: a chunk whose indices are all in range may fail the check (it then runs as
/// written, with a bounds check per element), but one with an index out of range never passes it.</para>
/// <para>A range whose bounds leave the range of <see langword="int"/> is unbounded and never within an array: the user's
/// <see langword="int"/> arithmetic would wrap there. A range with no values (a loop that never runs) is within every array:
/// an index inside that loop is never computed.</para>
/// </remarks>
public readonly struct IndexRange
{
    private readonly long _min;
    private readonly long _max;
    private readonly Kind _kind;

    private IndexRange(long min, long max, Kind kind)
    {
        _min = min;
        _max = max;
        _kind = kind;
    }

    private enum Kind : byte
    {
        Values,
        Empty,
        Unbounded,
    }

    /// <summary>The smallest value (meaningless when <see cref="IsEmpty"/> or <see cref="IsUnbounded"/>).</summary>
    public long Min => _min;

    /// <summary>The largest value (meaningless when <see cref="IsEmpty"/> or <see cref="IsUnbounded"/>).</summary>
    public long Max => _max;

    /// <summary>No values: the loop variable's loop never runs.</summary>
    public bool IsEmpty => _kind == Kind.Empty;

    /// <summary>Some value may lie outside the range of <see langword="int"/>.</summary>
    public bool IsUnbounded => _kind == Kind.Unbounded;

    /// <summary>The single value <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IndexRange Of(long value) => Bounded(value, value);

    /// <summary>The single value <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator IndexRange(long value) => Of(value);

    /// <summary>
    /// The values of an <see langword="int"/> loop variable in <c>for (v = from; v &lt; toExclusive; v += step)</c>, over every
    /// value of the bounds in their ranges: <c>[from.Min, toExclusive.Max - 1]</c>, empty when that is. Unbounded when the last
    /// increment could wrap past <see cref="int.MaxValue"/>, where the loop would not stop.
    /// </summary>
    /// <param name="from">The first value.</param>
    /// <param name="toExclusive">The bound the variable stays below.</param>
    /// <param name="step">The (positive) increment.</param>
    public static IndexRange Counter(IndexRange from, IndexRange toExclusive, long step)
    {
        if (from.IsEmpty || toExclusive.IsEmpty)
        {
            return Empty;
        }

        if (from.IsUnbounded || toExclusive.IsUnbounded || step <= 0 || toExclusive._max - 1 + step > int.MaxValue)
        {
            return Unbounded;
        }

        long last = toExclusive._max - 1;
        return from._min > last ? Empty : Bounded(from._min, last);
    }

    /// <summary>Whether every value is a valid index of an array or span of <paramref name="length"/> elements.</summary>
    /// <param name="length">The array's length.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsWithin(int length) => _kind == Kind.Empty || (_kind == Kind.Values && _min >= 0 && _max < length);

    /// <summary>
    /// Whether every value is a valid index of <paramref name="array"/>; false when it is <see langword="null"/> (a chunk
    /// whose indices pass is about to take a reference to its first element).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="array">The array the indices go to.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsWithin<T>(T[]? array) => array is not null && IsWithin(array.Length);

    /// <summary>The sums of a value of each.</summary>
    public static IndexRange operator +(IndexRange left, IndexRange right)
        => Combine(left, right, out IndexRange special) ? Bounded(left._min + right._min, left._max + right._max) : special;

    /// <summary>The differences of a value of each.</summary>
    public static IndexRange operator -(IndexRange left, IndexRange right)
        => Combine(left, right, out IndexRange special) ? Bounded(left._min - right._max, left._max - right._min) : special;

    /// <summary>The negated values.</summary>
    public static IndexRange operator -(IndexRange range)
        => range._kind == Kind.Values ? Bounded(-range._max, -range._min) : range;

    /// <summary>The products of a value of each (bounds within <see langword="int"/>, so no product overflows).</summary>
    public static IndexRange operator *(IndexRange left, IndexRange right)
    {
        if (!Combine(left, right, out IndexRange special))
        {
            return special;
        }

        long a = left._min * right._min, b = left._min * right._max, c = left._max * right._min, d = left._max * right._max;
        return Bounded(Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Max(Math.Max(a, b), Math.Max(c, d)));
    }

    /// <inheritdoc/>
    public override string ToString() => _kind switch
    {
        Kind.Empty => "[]",
        Kind.Unbounded => "[unbounded]",
        _ => $"[{_min}, {_max}]",
    };

    /// <summary>Whether both are plain intervals; otherwise the result: empty wins (the code never runs), then unbounded.</summary>
    private static bool Combine(IndexRange left, IndexRange right, out IndexRange special)
    {
        if (left._kind == Kind.Values && right._kind == Kind.Values)
        {
            special = default;
            return true;
        }

        special = left.IsEmpty || right.IsEmpty ? Empty : Unbounded;
        return false;
    }

    private static IndexRange Empty => new(0, 0, Kind.Empty);

    private static IndexRange Unbounded => new(0, 0, Kind.Unbounded);

    private static IndexRange Bounded(long min, long max)
        => min < int.MinValue || max > int.MaxValue ? Unbounded : new IndexRange(min, max, Kind.Values);
}
