namespace AutoParallel;

/// <summary>
/// The body of a generated parallel loop without reductions: a struct whose <see cref="Execute"/> runs the user's loop
/// body over one chunk of iterations as a plain sequential loop.
/// </summary>
/// <remarks>Implemented by generated code; called by <see cref="ParallelRuntime.For{TBody}(long, long, long, in LoopOptions, ref TBody)"/>.</remarks>
public interface IChunkBody
{
    /// <summary>
    /// Runs the iterations <c>i = fromInclusive; i &lt; toExclusive; i += step</c> (the loop's own step) on the calling thread.
    /// </summary>
    void Execute(long fromInclusive, long toExclusive);
}

/// <summary>
/// The body of a generated parallel loop with reductions. Each chunk accumulates into a private accumulator that starts at
/// the operators' identities; the runtime folds the accumulators into the running total with <see cref="Combine"/>.
/// </summary>
/// <typeparam name="TAccumulator">The reduction variables (and private copies of reduced arrays), usually a generated struct.</typeparam>
/// <remarks>Implemented by generated code; called by <see cref="ParallelRuntime.Reduce{TBody, TAccumulator}(long, long, long, in LoopOptions, ref TBody, TAccumulator)"/>.</remarks>
public interface IReductionBody<TAccumulator>
{
    /// <summary>A fresh accumulator holding each reduction operator's identity (0 for +, 1 for *, +∞ for min …).</summary>
    TAccumulator CreateAccumulator();

    /// <summary>Runs the iterations <c>[fromInclusive, toExclusive)</c> (the loop's own step), accumulating into <paramref name="accumulator"/>.</summary>
    void Execute(long fromInclusive, long toExclusive, ref TAccumulator accumulator);

    /// <summary>Folds a chunk's accumulator into the total (for <c>-=</c> that is <c>+</c>, for <c>/=</c> it is <c>/</c> by the product …).</summary>
    void Combine(ref TAccumulator total, ref TAccumulator chunk);

    /// <summary>
    /// Whether <see cref="Execute"/> may accumulate straight into <paramref name="total"/> and give the bits that a fresh
    /// accumulator, run and then folded in with <see cref="Combine"/>, gives. True when every reduction variable of the total
    /// holds its operator's identity (for a floating-point sum, either zero: a sum started from +0.0 is +0.0 plus the same sum
    /// started from −0.0). A loop that runs as one chunk then costs what the user's loop costs: no second accumulator, no
    /// combine step.
    /// </summary>
    bool CanExecuteInto(in TAccumulator total);
}

/// <summary>An <see cref="IChunkBody"/> whose loop uses spans: the runtime pins them and passes them to every chunk.</summary>
public interface ISpanChunkBody
{
    /// <summary>Runs the iterations <c>[fromInclusive, toExclusive)</c> (the loop's own step); <paramref name="spans"/> holds the loop's spans.</summary>
    void Execute(long fromInclusive, long toExclusive, in PinnedSpans spans);
}

/// <summary>An <see cref="IReductionBody{TAccumulator}"/> whose loop uses spans.</summary>
/// <typeparam name="TAccumulator">The reduction variables.</typeparam>
public interface ISpanReductionBody<TAccumulator>
{
    /// <summary>A fresh accumulator holding each reduction operator's identity.</summary>
    TAccumulator CreateAccumulator();

    /// <summary>Runs the iterations <c>[fromInclusive, toExclusive)</c>, accumulating into <paramref name="accumulator"/>.</summary>
    void Execute(long fromInclusive, long toExclusive, in PinnedSpans spans, ref TAccumulator accumulator);

    /// <summary>Folds a chunk's accumulator into the total.</summary>
    void Combine(ref TAccumulator total, ref TAccumulator chunk);

    /// <summary>As <see cref="IReductionBody{TAccumulator}.CanExecuteInto"/>: whether a chunk may accumulate straight into <paramref name="total"/>.</summary>
    bool CanExecuteInto(in TAccumulator total);
}
