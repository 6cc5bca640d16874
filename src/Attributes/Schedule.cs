namespace AutoParallel;

/// <summary>
/// How the iterations of a parallel loop are handed to threads. The names and meanings follow OpenMP's
/// <c>schedule</c> clause; <see cref="Auto"/> is AutoParallel's own default.
/// </summary>
public enum Schedule
{
    /// <summary>
    /// Fixed-size chunks, claimed dynamically by whichever thread is free. Chunk boundaries depend only on the
    /// iteration count, never on the thread count, so reductions are reproducible while uneven loops
    /// (Mandelbrot rows) still balance.
    /// </summary>
    Auto = 0,

    /// <summary>
    /// OpenMP <c>schedule(static)</c>: without a chunk size, each thread gets one contiguous block of about
    /// equal size; with <see cref="ParalleliseAttribute.ChunkSize"/>, chunks are dealt round-robin.
    /// Cheapest to schedule, but loses on uneven loops.
    /// </summary>
    Static = 1,

    /// <summary>
    /// OpenMP <c>schedule(dynamic)</c>: threads claim chunks of <see cref="ParalleliseAttribute.ChunkSize"/>
    /// iterations (1 if unset) one after another. Best balance for very uneven iterations (triangular loops).
    /// </summary>
    Dynamic = 2,

    /// <summary>
    /// OpenMP <c>schedule(guided)</c>: claimed chunks start large and shrink in proportion to the remaining
    /// iterations, never below <see cref="ParalleliseAttribute.ChunkSize"/>.
    /// </summary>
    Guided = 3,
}
