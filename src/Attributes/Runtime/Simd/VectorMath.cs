using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace AutoParallel;

/// <summary>
/// Lane-wise forms of the <see cref="System.Math"/> functions whose <see cref="Vector"/> counterparts on .NET 8 do not give
/// exactly the scalar result, for generated <c>[Vectorise]</c> kernels: each returns, in every lane, the bits the scalar
/// function returns for that lane's inputs.
/// </summary>
public static class VectorMath
{
    /// <summary><c>-x</c> in every lane: flips the sign bit, so <c>-(+0.0)</c> is <c>-0.0</c> as in scalar code.</summary>
    /// <param name="x">The values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Negate(Vector<double> x) => Vector.Xor(x, new Vector<double>(-0.0));

    /// <summary><c>-x</c> in every lane: flips the sign bit, so <c>-(+0f)</c> is <c>-0f</c> as in scalar code.</summary>
    /// <param name="x">The values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Negate(Vector<float> x) => Vector.Xor(x, new Vector<float>(-0f));

    /// <summary>
    /// <see cref="System.Math.Min(double, double)"/> in every lane (IEEE 754-2019 <c>minimum</c>): a NaN input gives NaN and
    /// <c>-0.0</c> is less than <c>+0.0</c>. <see cref="Vector.Min{T}(Vector{T}, Vector{T})"/> follows the x86 <c>minpd</c> rules on .NET 8.
    /// </summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Min(Vector<double> x, Vector<double> y)
    {
        Vector<long> different = ~Vector.Equals(x, y);
        Vector<long> xIsNaN = ~Vector.Equals(x, x);
        Vector<double> ordered = Vector.ConditionalSelect(Vector.LessThan(x, y), x, y);
        Vector<double> unequal = Vector.ConditionalSelect(xIsNaN, x, ordered);
        Vector<double> equal = Vector.ConditionalSelect(Vector.LessThan(Vector.AsVectorInt64(x), Vector<long>.Zero), x, y);
        return Vector.ConditionalSelect(different, unequal, equal);
    }

    /// <summary><see cref="System.Math.Max(double, double)"/> in every lane (IEEE 754-2019 <c>maximum</c>).</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Max(Vector<double> x, Vector<double> y)
    {
        Vector<long> different = ~Vector.Equals(x, y);
        Vector<long> xIsNaN = ~Vector.Equals(x, x);
        Vector<double> ordered = Vector.ConditionalSelect(Vector.LessThan(y, x), x, y);
        Vector<double> unequal = Vector.ConditionalSelect(xIsNaN, x, ordered);
        Vector<double> equal = Vector.ConditionalSelect(Vector.LessThan(Vector.AsVectorInt64(y), Vector<long>.Zero), x, y);
        return Vector.ConditionalSelect(different, unequal, equal);
    }

    /// <summary><see cref="System.Math.Min(float, float)"/> in every lane (IEEE 754-2019 <c>minimum</c>).</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Min(Vector<float> x, Vector<float> y)
    {
        Vector<int> different = ~Vector.Equals(x, y);
        Vector<int> xIsNaN = ~Vector.Equals(x, x);
        Vector<float> ordered = Vector.ConditionalSelect(Vector.LessThan(x, y), x, y);
        Vector<float> unequal = Vector.ConditionalSelect(xIsNaN, x, ordered);
        Vector<float> equal = Vector.ConditionalSelect(Vector.LessThan(Vector.AsVectorInt32(x), Vector<int>.Zero), x, y);
        return Vector.ConditionalSelect(different, unequal, equal);
    }

    /// <summary><see cref="System.Math.Max(float, float)"/> in every lane (IEEE 754-2019 <c>maximum</c>).</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Max(Vector<float> x, Vector<float> y)
    {
        Vector<int> different = ~Vector.Equals(x, y);
        Vector<int> xIsNaN = ~Vector.Equals(x, x);
        Vector<float> ordered = Vector.ConditionalSelect(Vector.LessThan(y, x), x, y);
        Vector<float> unequal = Vector.ConditionalSelect(xIsNaN, x, ordered);
        Vector<float> equal = Vector.ConditionalSelect(Vector.LessThan(Vector.AsVectorInt32(y), Vector<int>.Zero), x, y);
        return Vector.ConditionalSelect(different, unequal, equal);
    }

    /// <summary><see cref="System.Math.FusedMultiplyAdd(double, double, double)"/> in every lane: <c>x * y + z</c> rounded once.</summary>
    /// <param name="x">The first factors.</param>
    /// <param name="y">The second factors.</param>
    /// <param name="z">The addends.</param>
    public static Vector<double> FusedMultiplyAdd(Vector<double> x, Vector<double> y, Vector<double> z)
    {
        if (Fma.IsSupported && Vector<double>.Count == Vector256<double>.Count)
        {
            return Fma.MultiplyAdd(x.AsVector256(), y.AsVector256(), z.AsVector256()).AsVector();
        }

        if (Avx512F.IsSupported && Vector<double>.Count == Vector512<double>.Count)
        {
            return Avx512F.FusedMultiplyAdd(x.AsVector512(), y.AsVector512(), z.AsVector512()).AsVector();
        }

        if (AdvSimd.Arm64.IsSupported && Vector<double>.Count == Vector128<double>.Count)
        {
            return AdvSimd.Arm64.FusedMultiplyAdd(z.AsVector128(), x.AsVector128(), y.AsVector128()).AsVector();
        }

        return PerLane(x, y, z);

        [SkipLocalsInit]
        static Vector<double> PerLane(Vector<double> x, Vector<double> y, Vector<double> z)
        {
            System.Span<double> lanes = stackalloc double[Vector<double>.Count];
            for (int lane = 0; lane < lanes.Length; lane++)
            {
                lanes[lane] = System.Math.FusedMultiplyAdd(x[lane], y[lane], z[lane]);
            }

            return new Vector<double>(lanes);
        }
    }

    /// <summary><see cref="System.MathF.FusedMultiplyAdd(float, float, float)"/> in every lane: <c>x * y + z</c> rounded once.</summary>
    /// <param name="x">The first factors.</param>
    /// <param name="y">The second factors.</param>
    /// <param name="z">The addends.</param>
    public static Vector<float> FusedMultiplyAdd(Vector<float> x, Vector<float> y, Vector<float> z)
    {
        if (Fma.IsSupported && Vector<float>.Count == Vector256<float>.Count)
        {
            return Fma.MultiplyAdd(x.AsVector256(), y.AsVector256(), z.AsVector256()).AsVector();
        }

        if (Avx512F.IsSupported && Vector<float>.Count == Vector512<float>.Count)
        {
            return Avx512F.FusedMultiplyAdd(x.AsVector512(), y.AsVector512(), z.AsVector512()).AsVector();
        }

        if (AdvSimd.IsSupported && Vector<float>.Count == Vector128<float>.Count)
        {
            return AdvSimd.FusedMultiplyAdd(z.AsVector128(), x.AsVector128(), y.AsVector128()).AsVector();
        }

        return PerLane(x, y, z);

        [SkipLocalsInit]
        static Vector<float> PerLane(Vector<float> x, Vector<float> y, Vector<float> z)
        {
            System.Span<float> lanes = stackalloc float[Vector<float>.Count];
            for (int lane = 0; lane < lanes.Length; lane++)
            {
                lanes[lane] = System.MathF.FusedMultiplyAdd(x[lane], y[lane], z[lane]);
            }

            return new Vector<float>(lanes);
        }
    }

    /// <summary><see cref="Negate(Vector{double})"/> on both halves of a <see cref="VectorPair{T}"/>.</summary>
    /// <param name="x">The values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<double> Negate(VectorPair<double> x) => new(Negate(x.First), Negate(x.Second));

    /// <summary><see cref="Negate(Vector{float})"/> on both halves of a <see cref="VectorPair{T}"/>.</summary>
    /// <param name="x">The values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<float> Negate(VectorPair<float> x) => new(Negate(x.First), Negate(x.Second));

    /// <summary><see cref="Min(Vector{double}, Vector{double})"/> on both halves of a <see cref="VectorPair{T}"/>.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<double> Min(VectorPair<double> x, VectorPair<double> y) => new(Min(x.First, y.First), Min(x.Second, y.Second));

    /// <summary><see cref="Min(Vector{float}, Vector{float})"/> on both halves of a <see cref="VectorPair{T}"/>.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<float> Min(VectorPair<float> x, VectorPair<float> y) => new(Min(x.First, y.First), Min(x.Second, y.Second));

    /// <summary><see cref="Max(Vector{double}, Vector{double})"/> on both halves of a <see cref="VectorPair{T}"/>.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<double> Max(VectorPair<double> x, VectorPair<double> y) => new(Max(x.First, y.First), Max(x.Second, y.Second));

    /// <summary><see cref="Max(Vector{float}, Vector{float})"/> on both halves of a <see cref="VectorPair{T}"/>.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<float> Max(VectorPair<float> x, VectorPair<float> y) => new(Max(x.First, y.First), Max(x.Second, y.Second));

    /// <summary><see cref="FusedMultiplyAdd(Vector{double}, Vector{double}, Vector{double})"/> on both halves of a <see cref="VectorPair{T}"/>.</summary>
    /// <param name="x">The first factors.</param>
    /// <param name="y">The second factors.</param>
    /// <param name="z">The addends.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<double> FusedMultiplyAdd(VectorPair<double> x, VectorPair<double> y, VectorPair<double> z)
        => new(FusedMultiplyAdd(x.First, y.First, z.First), FusedMultiplyAdd(x.Second, y.Second, z.Second));

    /// <summary><see cref="FusedMultiplyAdd(Vector{float}, Vector{float}, Vector{float})"/> on both halves of a <see cref="VectorPair{T}"/>.</summary>
    /// <param name="x">The first factors.</param>
    /// <param name="y">The second factors.</param>
    /// <param name="z">The addends.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorPair<float> FusedMultiplyAdd(VectorPair<float> x, VectorPair<float> y, VectorPair<float> z)
        => new(FusedMultiplyAdd(x.First, y.First, z.First), FusedMultiplyAdd(x.Second, y.Second, z.Second));
}
