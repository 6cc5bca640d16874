namespace AutoParallel;

/// <summary>Where a <see cref="VectoriseAttribute"/> kernel runs, like numba's <c>@vectorize(target=…)</c>.</summary>
public enum VectoriseTarget
{
    /// <summary>SIMD (<c>Vector&lt;T&gt;</c>) on the calling thread.</summary>
    Cpu = 0,

    /// <summary>SIMD, with the spans also split across the runtime's threads.</summary>
    Parallel = 1,
}
