using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace AutoParallel;

/// <summary>
/// Two <see cref="Vector{T}"/>s that generated <c>[Vectorise]</c> kernels compute side by side: <see cref="First"/> holds elements
/// <c>k … k + Count - 1</c>, <see cref="Second"/> the next <c>Count</c>. Every operator and every <see cref="VectorPair"/> function
/// applies the <see cref="Vector"/> operation to both halves, so the two halves' instructions are independent and the CPU
/// overlaps them: a kernel whose lanes wait on a chain of dependent operations (a loop like Mandelbrot's) runs up to twice as fast.
/// </summary>
/// <typeparam name="T">The lane type.</typeparam>
/// <param name="first">The lanes of the first vector.</param>
/// <param name="second">The lanes of the second vector.</param>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
public readonly struct VectorPair<T>(Vector<T> first, Vector<T> second) : IEquatable<VectorPair<T>>
    where T : struct
{
    /// <summary>Every lane of both halves set to <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public VectorPair(T value)
        : this(new Vector<T>(value), new Vector<T>(value))
    {
    }

    /// <summary>The lanes of elements <c>k … k + Vector&lt;T&gt;.Count - 1</c>.</summary>
    public Vector<T> First { get; } = first;

    /// <summary>The lanes of the next <c>Vector&lt;T&gt;.Count</c> elements.</summary>
    public Vector<T> Second { get; } = second;

    /// <summary>Every lane zero.</summary>
    [SuppressMessage("Design", "CA1000", Justification = "As Vector<T>.Zero: generated code names both the same way.")]
    public static VectorPair<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => default;
    }

    /// <summary>Every lane one.</summary>
    [SuppressMessage("Design", "CA1000", Justification = "As Vector<T>.One: generated code names both the same way.")]
    public static VectorPair<T> One
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector<T>.One, Vector<T>.One);
    }

    /// <summary>Every bit of every lane set (a mask with every lane on).</summary>
    [SuppressMessage("Design", "CA1000", Justification = "As Vector<T>.AllBitsSet: generated code names both the same way.")]
    public static VectorPair<T> AllBitsSet
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector<T>.AllBitsSet, Vector<T>.AllBitsSet);
    }

#pragma warning disable CS1591 // The operators are Vector<T>'s, applied to both halves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> operator +(VectorPair<T> x, VectorPair<T> y) => new(x.First + y.First, x.Second + y.Second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> operator -(VectorPair<T> x, VectorPair<T> y) => new(x.First - y.First, x.Second - y.Second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> operator *(VectorPair<T> x, VectorPair<T> y) => new(x.First * y.First, x.Second * y.Second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> operator /(VectorPair<T> x, VectorPair<T> y) => new(x.First / y.First, x.Second / y.Second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> operator &(VectorPair<T> x, VectorPair<T> y) => new(x.First & y.First, x.Second & y.Second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> operator |(VectorPair<T> x, VectorPair<T> y) => new(x.First | y.First, x.Second | y.Second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> operator ^(VectorPair<T> x, VectorPair<T> y) => new(x.First ^ y.First, x.Second ^ y.Second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> operator -(VectorPair<T> x) => new(-x.First, -x.Second);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<T> operator ~(VectorPair<T> x) => new(~x.First, ~x.Second);

    /// <summary>Whether every lane of both halves is equal (as <see cref="Vector{T}"/>'s <c>==</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(VectorPair<T> x, VectorPair<T> y) => x.First == y.First && x.Second == y.Second;

    /// <summary>Whether any lane differs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator !=(VectorPair<T> x, VectorPair<T> y) => !(x == y);
#pragma warning restore CS1591

    /// <inheritdoc/>
    public bool Equals(VectorPair<T> other) => this == other;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VectorPair<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(First, Second);

    /// <inheritdoc/>
    public override string ToString() => $"{First} {Second}";
}
