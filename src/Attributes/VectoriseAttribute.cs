using System;

namespace AutoParallel;

/// <summary>
/// Asks the AutoParallel generator for a SIMD span overload of this scalar kernel, like numba's <c>@vectorize</c>.
/// </summary>
/// <remarks>
/// On <c>static R F(T1 a, T2 b, …)</c> (primitive numeric or <see langword="bool"/> types) the generator adds
/// <c>static void F(ReadOnlySpan&lt;T1&gt; a, ReadOnlySpan&lt;T2&gt; b, …, Span&lt;R&gt; result)</c>, which computes
/// <c>result[k] = F(a[k], b[k], …)</c> with <c>Vector&lt;T&gt;</c> arithmetic where the body can be translated, and as a
/// tight scalar loop (with an AP0011 message saying why) where it cannot. Parameters marked <see cref="ScalarAttribute"/>
/// stay single values. Spans of different lengths throw <see cref="ArgumentException"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class VectoriseAttribute : Attribute
{
    /// <summary><see cref="VectoriseTarget.Cpu"/> (default): SIMD on one core. <see cref="VectoriseTarget.Parallel"/>: SIMD on every core.</summary>
    public VectoriseTarget Target { get; set; } = VectoriseTarget.Cpu;
}
