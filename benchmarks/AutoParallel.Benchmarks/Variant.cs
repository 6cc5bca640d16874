namespace AutoParallel.Benchmarks;

/// <summary>
/// The benchmarks' <c>Description</c>s. The report (benchmarks/AutoParallel.Report) keys on these strings: change them
/// together with its <c>Variants</c> class.
/// </summary>
public static class Variant
{
    /// <summary>The user's <c>[Parallelise]</c> method itself: the sequential reference and every class's baseline.</summary>
    public const string Sequential = "sequential";

    /// <summary>The generated <c>…Parallel</c> twin.</summary>
    public const string Generated = "generated [Parallelise]";

    /// <summary><c>Parallel.For</c> with one delegate call per element (sum: with thread-local accumulators).</summary>
    public const string NaivePerElement = "Parallel.For per element";

    /// <summary><c>Parallel.For</c> with one delegate call per outer iteration (a row).</summary>
    public const string NaivePerRow = "Parallel.For per row";

    /// <summary>PLINQ: <c>AsParallel().Sum()</c>, or <c>ParallelEnumerable.Range(…).ForAll</c> over rows.</summary>
    public const string Plinq = "PLINQ";

    /// <summary><c>Parallel.ForEach</c> over <c>Partitioner.Create(0, n)</c> ranges (sum: thread-local accumulators).</summary>
    public const string Chunked = "Parallel.ForEach over Partitioner ranges";

    /// <summary><c>System.Numerics.Tensors.TensorPrimitives.Sum</c>: SIMD on one core.</summary>
    public const string TensorSum = "TensorPrimitives.Sum";

    /// <summary>The <c>[Vectorise]</c> span overload, <c>Target = Cpu</c>.</summary>
    public const string VectoriseCpu = "[Vectorise] Cpu";

    /// <summary>The <c>[Vectorise]</c> span overload, <c>Target = Parallel</c>.</summary>
    public const string VectoriseParallel = "[Vectorise] Parallel";

    /// <summary>A generated method forced parallel (<c>MinIterations = 1</c>) on a tiny array.</summary>
    public const string ForcedParallel = "generated, forced parallel";

    /// <summary>A generated method on an input below its threshold: the sequential fall-back.</summary>
    public const string FallBack = "generated, sequential fall-back";

    /// <summary>A generated parallel loop whose body calls a sequential method.</summary>
    public const string Flat = "flat: generated outer loop, sequential row inside";

    /// <summary>A generated parallel loop whose body calls another generated parallel method (the guard runs it sequentially).</summary>
    public const string Nested = "nested: generated outer loop, generated parallel row inside";

    /// <summary>A sequential loop whose body calls a generated parallel method.</summary>
    public const string InnerOnly = "inner only: sequential outer loop, generated parallel row inside";
}
