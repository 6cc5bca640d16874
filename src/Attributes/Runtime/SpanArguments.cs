using System;
using System.Runtime.InteropServices;

namespace AutoParallel;

/// <summary>
/// The spans a parallel loop's body uses, handed to <see cref="ParallelRuntime"/> as bytes (up to eight). Spans cannot be stored
/// in a struct or captured by a lambda, so the runtime pins them for the duration of the loop and gives every worker a
/// <see cref="PinnedSpans"/> to rebuild them from: the user's project needs no unsafe code.
/// </summary>
/// <remarks>Built by generated code: <c>new SpanArguments(SpanArguments.Bytes(a), SpanArguments.Bytes(b))</c>.</remarks>
public readonly ref struct SpanArguments
{
    /// <summary>The most spans one loop can pass.</summary>
    public const int MaxCount = 8;

    /// <summary>One span.</summary>
    public SpanArguments(Span<byte> span0)
        : this(1, span0, default, default, default, default, default, default, default)
    {
    }

    /// <summary>Two spans.</summary>
    public SpanArguments(Span<byte> span0, Span<byte> span1)
        : this(2, span0, span1, default, default, default, default, default, default)
    {
    }

    /// <summary>Three spans.</summary>
    public SpanArguments(Span<byte> span0, Span<byte> span1, Span<byte> span2)
        : this(3, span0, span1, span2, default, default, default, default, default)
    {
    }

    /// <summary>Four spans.</summary>
    public SpanArguments(Span<byte> span0, Span<byte> span1, Span<byte> span2, Span<byte> span3)
        : this(4, span0, span1, span2, span3, default, default, default, default)
    {
    }

    /// <summary>Five spans.</summary>
    public SpanArguments(Span<byte> span0, Span<byte> span1, Span<byte> span2, Span<byte> span3, Span<byte> span4)
        : this(5, span0, span1, span2, span3, span4, default, default, default)
    {
    }

    /// <summary>Six spans.</summary>
    public SpanArguments(Span<byte> span0, Span<byte> span1, Span<byte> span2, Span<byte> span3, Span<byte> span4, Span<byte> span5)
        : this(6, span0, span1, span2, span3, span4, span5, default, default)
    {
    }

    /// <summary>Seven spans.</summary>
    public SpanArguments(Span<byte> span0, Span<byte> span1, Span<byte> span2, Span<byte> span3, Span<byte> span4, Span<byte> span5, Span<byte> span6)
        : this(7, span0, span1, span2, span3, span4, span5, span6, default)
    {
    }

    /// <summary>Eight spans.</summary>
    public SpanArguments(
        Span<byte> span0, Span<byte> span1, Span<byte> span2, Span<byte> span3, Span<byte> span4, Span<byte> span5, Span<byte> span6, Span<byte> span7)
        : this(8, span0, span1, span2, span3, span4, span5, span6, span7)
    {
    }

    private SpanArguments(
        int count, Span<byte> span0, Span<byte> span1, Span<byte> span2, Span<byte> span3, Span<byte> span4, Span<byte> span5, Span<byte> span6, Span<byte> span7)
    {
        Count = count;
        Span0 = span0;
        Span1 = span1;
        Span2 = span2;
        Span3 = span3;
        Span4 = span4;
        Span5 = span5;
        Span6 = span6;
        Span7 = span7;
    }

    /// <summary>How many spans were passed.</summary>
    public int Count { get; }

    internal Span<byte> Span0 { get; }

    internal Span<byte> Span1 { get; }

    internal Span<byte> Span2 { get; }

    internal Span<byte> Span3 { get; }

    internal Span<byte> Span4 { get; }

    internal Span<byte> Span5 { get; }

    internal Span<byte> Span6 { get; }

    internal Span<byte> Span7 { get; }

    /// <summary>A span's memory as bytes, to pass it to the runtime.</summary>
    public static Span<byte> Bytes<T>(Span<T> span)
        where T : unmanaged => MemoryMarshal.AsBytes(span);

    /// <summary>A read-only span's memory as bytes; the body gets it back read-only through <see cref="PinnedSpans.ReadOnlySpan{T}"/>.</summary>
    public static Span<byte> Bytes<T>(ReadOnlySpan<T> span)
        where T : unmanaged
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(span);
        return MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(bytes), bytes.Length);
    }
}

/// <summary>
/// Spans pinned by <see cref="ParallelRuntime"/> for the duration of one parallel loop, as worker threads see them: the generated
/// body rebuilds each typed span from its index (<c>spans.Span&lt;double&gt;(0)</c>) at the start of every chunk.
/// </summary>
public readonly unsafe struct PinnedSpans
{
    private readonly Entry _s0;
    private readonly Entry _s1;
    private readonly Entry _s2;
    private readonly Entry _s3;
    private readonly Entry _s4;
    private readonly Entry _s5;
    private readonly Entry _s6;
    private readonly Entry _s7;

    internal PinnedSpans(byte* p0, byte* p1, byte* p2, byte* p3, byte* p4, byte* p5, byte* p6, byte* p7, in SpanArguments spans)
    {
        Count = spans.Count;
        _s0 = new Entry(p0, spans.Span0.Length);
        _s1 = new Entry(p1, spans.Span1.Length);
        _s2 = new Entry(p2, spans.Span2.Length);
        _s3 = new Entry(p3, spans.Span3.Length);
        _s4 = new Entry(p4, spans.Span4.Length);
        _s5 = new Entry(p5, spans.Span5.Length);
        _s6 = new Entry(p6, spans.Span6.Length);
        _s7 = new Entry(p7, spans.Span7.Length);
    }

    /// <summary>How many spans were pinned.</summary>
    public int Count { get; }

    /// <summary>Span number <paramref name="index"/>, as the <typeparamref name="T"/> elements it was passed with.</summary>
    public Span<T> Span<T>(int index)
        where T : unmanaged
    {
        Entry entry = At(index);
        return new Span<T>(entry.Pointer, entry.Length / sizeof(T));
    }

    /// <summary>Span number <paramref name="index"/>, read-only.</summary>
    public ReadOnlySpan<T> ReadOnlySpan<T>(int index)
        where T : unmanaged => Span<T>(index);

    private Entry At(int index) => index switch
    {
        0 => _s0,
        1 => _s1,
        2 => _s2,
        3 => _s3,
        4 => _s4,
        5 => _s5,
        6 => _s6,
        7 => _s7,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A loop pins at most eight spans."),
    };

    private readonly struct Entry
    {
        public Entry(byte* pointer, int length)
        {
            Pointer = pointer;
            Length = length;
        }

        public byte* Pointer { get; }

        public int Length { get; }
    }
}
