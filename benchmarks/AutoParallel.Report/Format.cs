using System;
using System.Globalization;

namespace AutoParallel.Report;

/// <summary>How numbers are written in the report: invariant culture, three or four significant digits, a unit that fits.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A time given in nanoseconds: <c>812 ns</c>, <c>9.71 µs</c>, <c>4.35 ms</c>, <c>1.20 s</c>.</summary>
    public static string Time(double ns) => Math.Abs(ns) switch
    {
        < 1e3 => Digits(ns) + " ns",
        < 1e6 => Digits(ns / 1e3) + " µs",
        < 1e9 => Digits(ns / 1e6) + " ms",
        _ => Digits(ns / 1e9) + " s",
    };

    /// <summary>A time, or <paramref name="missing"/> when it was not measured.</summary>
    public static string Time(double? ns, string missing) => ns is double t ? Time(t) : missing;

    /// <summary><c>ns / reference</c> as a ratio, or empty when either is missing.</summary>
    public static string Ratio(double? ns, double? reference)
        => ns is double t && reference is double r && r > 0 ? Ratio(t / r) : "";

    /// <summary>A time ratio: <c>0.53×</c>.</summary>
    public static string Ratio(double ratio) => ratio.ToString(ratio >= 100 ? "0" : ratio >= 10 ? "0.0" : "0.00", Invariant) + "×";

    /// <summary>A ratio close to 1, to a thousandth: <c>0.996×</c>.</summary>
    public static string FineRatio(double ratio) => ratio.ToString("0.000", Invariant) + "×";

    /// <summary>Microseconds with a sign: <c>+1.23 µs</c>.</summary>
    public static string SignedMicroseconds(double ns) => (ns >= 0 ? "+" : "−") + Digits(Math.Abs(ns) / 1e3) + " µs";

    /// <summary>Allocated bytes: <c>0 B</c>, <c>312 B</c>, <c>1 944 B</c>; <c>–</c> when not measured.</summary>
    public static string Bytes(long? bytes) => bytes is long b ? b.ToString("#,0", Invariant).Replace(",", " ", StringComparison.Ordinal) + " B" : "–";

    /// <summary>An integer with thin grouping: <c>10 000 000</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", Invariant).Replace(",", " ", StringComparison.Ordinal);

    private static string Digits(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("0", Invariant),
        >= 10 => value.ToString("0.0", Invariant),
        _ => value.ToString("0.00", Invariant),
    };
}
