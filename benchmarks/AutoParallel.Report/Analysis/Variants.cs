using System.Collections.Generic;

namespace AutoParallel.Report.Analysis;

/// <summary>
/// The benchmark <c>Description</c>s the report keys on: the same strings as <c>AutoParallel.Benchmarks.Variant</c>
/// (benchmarks/AutoParallel.Benchmarks/Variant.cs); change them together.
/// </summary>
public static class Variants
{
    /// <summary>The user's <c>[Parallelise]</c> method: the sequential reference.</summary>
    public const string Sequential = "sequential";

    /// <summary>The generated <c>…Parallel</c> twin.</summary>
    public const string Generated = "generated [Parallelise]";

    /// <summary><c>TensorPrimitives.Sum</c>.</summary>
    public const string TensorSum = "TensorPrimitives.Sum";

    /// <summary>The <c>[Vectorise]</c> span overload on one core.</summary>
    public const string VectoriseCpu = "[Vectorise] Cpu";

    /// <summary>The <c>[Vectorise]</c> span overload on every core.</summary>
    public const string VectoriseParallel = "[Vectorise] Parallel";

    /// <summary>A generated method forced parallel on a tiny array.</summary>
    public const string ForcedParallel = "generated, forced parallel";

    /// <summary>A generated method below its threshold: the sequential fall-back.</summary>
    public const string FallBack = "generated, sequential fall-back";

    /// <summary>A generated parallel loop calling a sequential method.</summary>
    public const string Flat = "flat: generated outer loop, sequential row inside";

    /// <summary>A generated parallel loop calling another generated parallel method.</summary>
    public const string Nested = "nested: generated outer loop, generated parallel row inside";

    /// <summary>A sequential loop that starts one generated parallel region per iteration.</summary>
    public const string InnerOnly = "inner only: sequential outer loop, generated parallel row inside";

    /// <summary>The baselines of the classes the report does not know (the <c>[Vectorise]</c> suite).</summary>
    public static IReadOnlyList<string> OtherBaselines { get; } = new[] { Sequential, "scalar loop calling the kernel", "TensorPrimitives.MultiplyAdd" };

    /// <summary>Whether a C# variant runs on one thread (the others use every core).</summary>
    public static bool IsSingleThreaded(string description)
        => description is Sequential or TensorSum or VectoriseCpu or FallBack or "scalar loop calling the kernel" or "TensorPrimitives.MultiplyAdd";
}
