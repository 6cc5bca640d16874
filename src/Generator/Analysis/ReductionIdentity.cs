using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// The value each chunk's private copy of a reduction starts from, per operator and type, written as C#. A chunk's partial
/// result combined into the running total must give what the sequential loop gives: for floating-point sums that means −0.0,
/// not +0.0 (−0.0 + x is x for every x, −0.0 included).
/// </summary>
internal static class ReductionIdentity
{
    public static string? For(ReductionOperator op, ITypeSymbol type, KnownSymbols known)
    {
        string? literal = type.SpecialType switch
        {
            SpecialType.System_Double => Numeric(op, "-0d", "1d", "double.NegativeInfinity", "double.PositiveInfinity"),
            SpecialType.System_Single => Numeric(op, "-0f", "1f", "float.NegativeInfinity", "float.PositiveInfinity"),
            SpecialType.System_Decimal => Numeric(op, "0m", "1m", "decimal.MinValue", "decimal.MaxValue"),
            SpecialType.System_Boolean => Boolean(op),
            SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_SByte
                or SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
                or SpecialType.System_IntPtr or SpecialType.System_UIntPtr or SpecialType.System_Char => Integer(op, type),
            _ => null,
        };
        // Built-in types have literals or nothing: their generic-math members (long.One …) are not accessible by name.
        return literal ?? (type.SpecialType == SpecialType.None ? Generic(op, type, known) : null);
    }

    /// <summary>Whether combining chunks in another order can change the result (rounding, or which of two equal zeros wins).</summary>
    public static bool IsOrderSensitive(ReductionOperator op, ITypeSymbol type)
    {
        bool exactArithmetic = IsIntegerLike(type) || type.SpecialType == SpecialType.System_Boolean;
        return op switch
        {
            ReductionOperator.BitwiseAnd or ReductionOperator.BitwiseOr or ReductionOperator.BitwiseXor
                or ReductionOperator.LogicalAnd or ReductionOperator.LogicalOr => false,
            ReductionOperator.Min or ReductionOperator.Max => !exactArithmetic && type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single),
            _ => !exactArithmetic,
        };
    }

    /// <summary>
    /// Whether a running total that is <c>==</c> the identity can take a chunk's updates directly, with the bits that a chunk started
    /// from the identity and combined into the total gives. For the built-in integer types and <c>bool</c> equal values are the
    /// same value. For <c>double</c> and <c>float</c> the identities of products, minima and maxima (1, ±∞) have one encoding;
    /// a sum's total may be either zero: the chunk's additions form a tree with the total as one leaf, so starting it from +0.0
    /// gives +0.0 plus the sum started from −0.0, which is what the combine step computes. Not <c>decimal</c> (0.00m == 0m, yet
    /// its scale would change where a long sum rounds) and not other types, whose <c>==</c> is the user's.
    /// </summary>
    public static bool EqualMeansIdentity(ITypeSymbol type) =>
        IsIntegerLike(type) || type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Boolean;

    public static bool IsIntegerLike(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Int16 or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_UInt16
        or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr
        or SpecialType.System_Char;

    /// <summary>
    /// Identities of a non-integer numeric type: <paramref name="zero"/> for sums (−0.0 for the binary floating-point types),
    /// <paramref name="one"/> for products, and the values no element can beat for min and max.
    /// </summary>
    private static string? Numeric(ReductionOperator op, string zero, string one, string lowest, string highest) => op switch
    {
        ReductionOperator.Sum => zero,
        ReductionOperator.Product or ReductionOperator.Quotient => one,
        ReductionOperator.Min or ReductionOperator.MinIfLess or ReductionOperator.MinIfLessOrEqual => highest,
        ReductionOperator.Max or ReductionOperator.MaxIfGreater or ReductionOperator.MaxIfGreaterOrEqual => lowest,
        _ => null,
    };

    private static string? Boolean(ReductionOperator op) => op switch
    {
        ReductionOperator.BitwiseAnd or ReductionOperator.LogicalAnd => "true",
        ReductionOperator.BitwiseOr or ReductionOperator.BitwiseXor or ReductionOperator.LogicalOr => "false",
        _ => null,
    };

    private static string? Integer(ReductionOperator op, ITypeSymbol type)
    {
        string keyword = type.ToDisplayString();
        return op switch
        {
            ReductionOperator.Sum or ReductionOperator.BitwiseOr or ReductionOperator.BitwiseXor => IntegerLiteral(0, type),
            ReductionOperator.Product => IntegerLiteral(1, type),
            ReductionOperator.BitwiseAnd => $"unchecked(({keyword})~0)",
            ReductionOperator.Min or ReductionOperator.MinIfLess or ReductionOperator.MinIfLessOrEqual => $"{keyword}.MaxValue",
            ReductionOperator.Max or ReductionOperator.MaxIfGreater or ReductionOperator.MaxIfGreaterOrEqual => $"{keyword}.MinValue",
            // Integer division truncates, so chunks' divisors cannot be combined: not a reduction.
            _ => null,
        };
    }

    /// <summary><c>0</c>, <c>0L</c>, <c>0U</c>, <c>0UL</c>, or a cast for the small types.</summary>
    private static string IntegerLiteral(int value, ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Int32 => $"{value}",
        SpecialType.System_Int64 => $"{value}L",
        SpecialType.System_UInt32 => $"{value}U",
        SpecialType.System_UInt64 => $"{value}UL",
        _ => $"({type.ToDisplayString()}){value}",
    };

    /// <summary>Generic math: <c>T : INumberBase&lt;T&gt;</c> has Zero and One; <c>IBinaryNumber&lt;T&gt;</c> has AllBitsSet.</summary>
    private static string? Generic(ReductionOperator op, ITypeSymbol type, KnownSymbols known)
    {
        string name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (!KnownSymbols.Implements(type, known.INumberBase))
        {
            return type.ToDisplayString() == "System.Numerics.Complex"
                ? op switch
                {
                    ReductionOperator.Sum => "global::System.Numerics.Complex.Zero",
                    ReductionOperator.Product or ReductionOperator.Quotient => "global::System.Numerics.Complex.One",
                    _ => null,
                }
                : null;
        }

        return op switch
        {
            // -Zero: a floating-point T's negative zero, and plain zero for integers.
            ReductionOperator.Sum => $"-{name}.Zero",
            ReductionOperator.Product => $"{name}.One",
            // Integer division does not reassociate, and a type parameter may be an integer.
            ReductionOperator.Quotient when type.TypeKind != TypeKind.TypeParameter && !KnownSymbols.Implements(type, known.IBinaryInteger) => $"{name}.One",
            ReductionOperator.BitwiseOr or ReductionOperator.BitwiseXor when KnownSymbols.Implements(type, known.IBinaryNumber) => $"{name}.Zero",
            ReductionOperator.BitwiseAnd when KnownSymbols.Implements(type, known.IBinaryNumber) => $"{name}.AllBitsSet",
            _ => null,
        };
    }
}
