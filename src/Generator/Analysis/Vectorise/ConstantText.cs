using System.Globalization;

namespace AutoParallel.Generator.Analysis.Vectorise;

/// <summary>Compile-time constants as C# literals of their exact type and value, in the invariant culture.</summary>
internal static class ConstantText
{
    public static string Of(object? value) => value switch
    {
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        double d when d == 0 && double.IsNegativeInfinity(1 / d) => "-0d",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
        float f when float.IsNaN(f) => "float.NaN",
        float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
        float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
        float f when f == 0 && float.IsNegativeInfinity(1 / f) => "-0f",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => u.ToString(CultureInfo.InvariantCulture) + "u",
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
        short s => "(short)" + Parenthesised(s.ToString(CultureInfo.InvariantCulture)),
        ushort s => "(ushort)" + s.ToString(CultureInfo.InvariantCulture),
        sbyte s => "(sbyte)" + Parenthesised(s.ToString(CultureInfo.InvariantCulture)),
        byte b => "(byte)" + b.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => null!,
    };

    private static string Parenthesised(string number) => number.StartsWith("-", System.StringComparison.Ordinal) ? "(" + number + ")" : number;
}
