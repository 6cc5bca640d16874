using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Analysis.Vectorise;

/// <summary>What a <c>[Vectorise]</c> value is: a floating-point number, a signed or unsigned integer, or a boolean (a lane mask).</summary>
internal enum LaneKind
{
    Float,
    Signed,
    Unsigned,
    Bool,
}

/// <summary>
/// A primitive type a <c>[Vectorise]</c> kernel computes with, and how it is held in lanes. A kernel runs every value in lanes of
/// one width, the size of the widest type it uses; a narrower integer is kept in the wider integer of its
/// signedness, sign- or zero-extended, and re-wrapped after arithmetic so it overflows exactly as the scalar type does; a boolean
/// is a mask of the width's signed integer (all bits set for true).
/// </summary>
internal sealed class LaneType
{
    private LaneType(SpecialType special, string keyword, int size, LaneKind kind)
    {
        Special = special;
        Keyword = keyword;
        Size = size;
        Kind = kind;
    }

    public SpecialType Special { get; }

    /// <summary>The C# keyword (<c>double</c>).</summary>
    public string Keyword { get; }

    /// <summary>Bytes per value; 0 for <see langword="bool"/>, which takes the kernel's width.</summary>
    public int Size { get; }

    public LaneKind Kind { get; }

    public bool IsFloat => Kind == LaneKind.Float;

    public bool IsInteger => Kind is LaneKind.Signed or LaneKind.Unsigned;

    public int Bits => Size * 8;

    public static readonly LaneType Double = new(SpecialType.System_Double, "double", 8, LaneKind.Float);
    public static readonly LaneType Single = new(SpecialType.System_Single, "float", 4, LaneKind.Float);
    public static readonly LaneType Int64 = new(SpecialType.System_Int64, "long", 8, LaneKind.Signed);
    public static readonly LaneType UInt64 = new(SpecialType.System_UInt64, "ulong", 8, LaneKind.Unsigned);
    public static readonly LaneType Int32 = new(SpecialType.System_Int32, "int", 4, LaneKind.Signed);
    public static readonly LaneType UInt32 = new(SpecialType.System_UInt32, "uint", 4, LaneKind.Unsigned);
    public static readonly LaneType Int16 = new(SpecialType.System_Int16, "short", 2, LaneKind.Signed);
    public static readonly LaneType UInt16 = new(SpecialType.System_UInt16, "ushort", 2, LaneKind.Unsigned);
    public static readonly LaneType SByte = new(SpecialType.System_SByte, "sbyte", 1, LaneKind.Signed);
    public static readonly LaneType Byte = new(SpecialType.System_Byte, "byte", 1, LaneKind.Unsigned);
    public static readonly LaneType Boolean = new(SpecialType.System_Boolean, "bool", 0, LaneKind.Bool);

    /// <summary>The list users see in AP0010.</summary>
    public const string SupportedList = "float, double, int, long, uint, ulong, short, ushort, byte, sbyte or bool";

    public static LaneType? Of(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Double => Double,
        SpecialType.System_Single => Single,
        SpecialType.System_Int64 => Int64,
        SpecialType.System_UInt64 => UInt64,
        SpecialType.System_Int32 => Int32,
        SpecialType.System_UInt32 => UInt32,
        SpecialType.System_Int16 => Int16,
        SpecialType.System_UInt16 => UInt16,
        SpecialType.System_SByte => SByte,
        SpecialType.System_Byte => Byte,
        SpecialType.System_Boolean => Boolean,
        _ => null,
    };

    /// <summary>The signed integer of <paramref name="width"/> bytes: the element type of lane masks.</summary>
    public static LaneType MaskOf(int width) => width switch
    {
        8 => Int64,
        4 => Int32,
        2 => Int16,
        _ => SByte,
    };

    /// <summary>The type whose <c>Vector&lt;T&gt;</c> holds this type's values in lanes of <paramref name="width"/> bytes.</summary>
    public LaneType Representation(int width)
    {
        if (Kind == LaneKind.Bool)
        {
            return MaskOf(width);
        }

        if (Size == width)
        {
            return this;
        }

        return (Kind, width) switch
        {
            (LaneKind.Signed, 8) => Int64,
            (LaneKind.Signed, 4) => Int32,
            (LaneKind.Signed, _) => Int16,
            (LaneKind.Unsigned, 8) => UInt64,
            (LaneKind.Unsigned, 4) => UInt32,
            (LaneKind.Unsigned, _) => UInt16,
            _ => this, // a float narrower than the width: refused before it gets here
        };
    }

    /// <summary>The lane function's type for values of this type at <paramref name="width"/>: a pair of vectors of its representation.</summary>
    public string VectorOf(int width) => Vector(Representation(width).Keyword);

    /// <summary>
    /// <c>global::AutoParallel.VectorPair&lt;T&gt;</c>: lane functions compute two <c>Vector&lt;T&gt;</c>s side by side, so that
    /// the two halves' independent instructions overlap in the CPU (a chain of dependent operations, as in a loop, otherwise
    /// leaves the vector units waiting).
    /// </summary>
    public static string Vector(string element) => $"global::AutoParallel.VectorPair<{element}>";

    public override string ToString() => Keyword;
}
