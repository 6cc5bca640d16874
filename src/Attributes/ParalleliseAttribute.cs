using System;

namespace AutoParallel;

/// <summary>
/// Asks the AutoParallel generator for a parallel version of this method, named <c>&lt;Method&gt;Parallel</c>
/// (or <see cref="Name"/>), with the same parameters, return type, accessibility, static-ness and type parameters.
/// </summary>
/// <remarks>
/// <para>
/// The method itself is left untouched and stays the sequential reference: the generated method returns what it
/// returns (bit for bit, except floating-point reductions, which may be reassociated; see <see cref="Deterministic"/>).
/// The containing type, and every type it is nested in, must be <c>partial</c> (AP0001).
/// </para>
/// <para>
/// Which loop is parallelised: the outermost <c>for</c>/<c>foreach</c> whose iterations are independent, or the loops
/// written with <see cref="Prange.Range(int, int, int)"/>. A loop-carried dependency is a compile error (AP0003), never
/// a silent wrong answer; the analyzer explains every decision.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ParalleliseAttribute : Attribute
{
    /// <summary>
    /// <see langword="true"/> (default): parallelise the outermost loop that can be parallelised.
    /// <see langword="false"/>: the innermost loop instead (the analyzer warns with AP0005 when an outer loop could
    /// carry the parallelism).
    /// </summary>
    public bool Outer { get; set; } = true;

    /// <summary>
    /// The most threads this loop may use. 0 (default): the runtime's thread count
    /// (<see cref="ParallelRuntime.NumThreads"/>). <c>n &gt; 0</c>: at most <c>n</c>. <c>n &lt; 0</c>: joblib's
    /// <c>n_jobs</c> convention, <c>cores + 1 + n</c> (-1: every core, -2: all but one). Always capped by the
    /// runtime's thread count.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; }

    /// <summary>How iterations are handed to threads; <see cref="Schedule.Auto"/> by default.</summary>
    public Schedule Schedule { get; set; } = Schedule.Auto;

    /// <summary>Iterations per chunk; 0 (default) lets the runtime choose from the iteration count and the body's cost.</summary>
    public int ChunkSize { get; set; }

    /// <summary>
    /// Fuse this many perfectly nested, rectangular loops into one iteration space (OpenMP's <c>collapse</c>), so an outer
    /// loop shorter than the core count still keeps every core busy. 1 (default): no fusion. AP0012 when the nest does not qualify.
    /// </summary>
    public int Collapse { get; set; } = 1;

    /// <summary>
    /// Below this many iterations the loop runs sequentially on the calling thread. 0 (default): chosen at run time from
    /// the generator's estimate of the body's cost, so that small inputs never pay for threads.
    /// </summary>
    public long MinIterations { get; set; }

    /// <summary>
    /// <see langword="true"/> (default): floating-point reductions give bit-identical results at every thread count and on
    /// every run, the sequential fall-back for small inputs included: chunk boundaries and the order partial results are
    /// combined in do not depend on the number of threads. <see langword="false"/>: partial results are combined in
    /// whatever order threads finish (slightly less overhead, not reproducible).
    /// </summary>
    public bool Deterministic { get; set; } = true;

    /// <summary>The generated method's name; <see langword="null"/> (default): <c>&lt;Method&gt;Parallel</c>.</summary>
    public string? Name { get; set; }
}
