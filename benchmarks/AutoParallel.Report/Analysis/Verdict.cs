using System.Globalization;

namespace AutoParallel.Report.Analysis;

/// <summary>Whether a measured value meets a target bound, and by how much it misses it.</summary>
/// <param name="Met">Whether the bound holds; <see langword="null"/> when nothing was measured.</param>
/// <param name="MissedByPercent">How far the value is from the bound, relative to the bound, when it misses.</param>
public sealed record Verdict(bool? Met, double? MissedByPercent)
{
    /// <summary>Nothing was measured.</summary>
    public static Verdict NotMeasured { get; } = new(null, null);

    /// <summary><c>value ≤ limit</c>; a miss is <c>value / limit − 1</c>.</summary>
    public static Verdict AtMost(double value, double limit)
        => value <= limit ? new(true, null) : new(false, ((value / limit) - 1) * 100);

    /// <summary><c>value ≥ limit</c>; a miss is <c>1 − value / limit</c>.</summary>
    public static Verdict AtLeast(double value, double limit)
        => value >= limit ? new(true, null) : new(false, (1 - (value / limit)) * 100);

    /// <summary>A yes/no target with no relative measure (an allocation that must be zero).</summary>
    public static Verdict Holds(bool holds) => new(holds, null);

    /// <summary><c>met</c>, <c>missed by 12.3 %</c>, <c>missed</c> or <c>not measured</c>.</summary>
    public override string ToString() => Met switch
    {
        null => "not measured",
        true => "met",
        false when MissedByPercent is double p => $"**missed by {p.ToString(p >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture)} %**",
        false => "**missed**",
    };
}
