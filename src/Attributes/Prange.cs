using System;

namespace AutoParallel;

/// <summary>
/// numba's <c>prange</c>: <c>foreach (var i in Prange.Range(0, n))</c> inside a <see cref="ParalleliseAttribute"/> method
/// marks that loop as the one to parallelise, instead of the automatic choice.
/// </summary>
/// <remarks>
/// In the user's own (sequential) method the range is a plain, allocation-free counting loop: the enumerables are structs
/// with struct enumerators. A <c>Prange</c> loop nested inside another parallel one runs sequentially, as in numba, unless
/// <see cref="ParalleliseAttribute.Collapse"/> fuses them.
/// </remarks>
public static class Prange
{
    /// <summary><c>0, 1, …, to - 1</c>.</summary>
    public static RangeEnumerable Range(int to) => new(0, to, 1);

    /// <summary><c>from, from + step, …</c> while below <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive.</exception>
    public static RangeEnumerable Range(int from, int to, int step = 1) => new(from, to, step);

    /// <summary><c>0, 1, …, to - 1</c>.</summary>
    public static LongRangeEnumerable Range(long to) => new(0, to, 1);

    /// <summary><c>from, from + step, …</c> while below <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive.</exception>
    public static LongRangeEnumerable Range(long from, long to, long step = 1) => new(from, to, step);

    internal static ulong CountOf(long from, long to, long step)
    {
        if (step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A Prange step must be positive.");
        }

        if (to <= from)
        {
            return 0;
        }

        // Unsigned arithmetic: to - from may not fit in a long (long.MinValue .. long.MaxValue).
        ulong span = unchecked((ulong)to - (ulong)from);
        return ((span - 1) / (ulong)step) + 1;
    }
}

/// <summary>The <see cref="int"/> range of <see cref="Prange.Range(int, int, int)"/>: a struct, enumerated without allocation.</summary>
public readonly struct RangeEnumerable
{
    internal RangeEnumerable(int from, int to, int step)
    {
        Count = (int)Prange.CountOf(from, to, step);
        From = from;
        Step = step;
    }

    /// <summary>The first value.</summary>
    public int From { get; }

    /// <summary>The distance between consecutive values (positive).</summary>
    public int Step { get; }

    /// <summary>How many values the range holds.</summary>
    public int Count { get; }

    /// <summary>Returns the struct enumerator <c>foreach</c> uses.</summary>
    public Enumerator GetEnumerator() => new(From, Step, Count);

    /// <summary>Enumerates the range.</summary>
    public struct Enumerator
    {
        private readonly int _step;
        private int _remaining;
        private int _current;

        internal Enumerator(int from, int step, int count)
        {
            _step = step;
            _remaining = count;
            _current = unchecked(from - step);
        }

        /// <summary>The current value.</summary>
        public readonly int Current => _current;

        /// <summary>Moves to the next value.</summary>
        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            _remaining--;
            _current = unchecked(_current + _step);
            return true;
        }
    }
}

/// <summary>The <see cref="long"/> range of <see cref="Prange.Range(long, long, long)"/>: a struct, enumerated without allocation.</summary>
public readonly struct LongRangeEnumerable
{
    internal LongRangeEnumerable(long from, long to, long step)
    {
        Count = Prange.CountOf(from, to, step);
        From = from;
        Step = step;
    }

    /// <summary>The first value.</summary>
    public long From { get; }

    /// <summary>The distance between consecutive values (positive).</summary>
    public long Step { get; }

    /// <summary>How many values the range holds.</summary>
    public ulong Count { get; }

    /// <summary>Returns the struct enumerator <c>foreach</c> uses.</summary>
    public Enumerator GetEnumerator() => new(From, Step, Count);

    /// <summary>Enumerates the range.</summary>
    public struct Enumerator
    {
        private readonly long _step;
        private ulong _remaining;
        private long _current;

        internal Enumerator(long from, long step, ulong count)
        {
            _step = step;
            _remaining = count;
            _current = unchecked(from - step);
        }

        /// <summary>The current value.</summary>
        public readonly long Current => _current;

        /// <summary>Moves to the next value.</summary>
        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            _remaining--;
            _current = unchecked(_current + _step);
            return true;
        }
    }
}
