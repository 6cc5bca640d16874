using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis.Vectorise;

/// <summary>
/// Numeric conversions between lane types, with C#'s unchecked meanings. Integer to integer reinterprets the lanes and re-wraps;
/// integer to floating point converts where the vector conversion rounds as the scalar one does; floating point to integer
/// truncates where every lane that matters is in the target's range, and otherwise sends the block to the scalar path (what an
/// out-of-range conversion gives differs between .NET versions; the scalar kernel is the reference).
/// </summary>
internal sealed partial class KernelLowering
{
    private LaneValue Convert(IConversionOperation conversion, Region region)
    {
        if (conversion.OperatorMethod is not null)
        {
            throw new NotVectorisableException(conversion.Syntax, $"the user-defined conversion '{conversion.OperatorMethod.ToDisplayString()}' has no lane-wise form");
        }

        return ConvertValue(Lower(conversion.Operand, region), TypeOf(conversion.Operand), TypeOf(conversion), conversion.IsChecked, conversion.Syntax, region);
    }

    private LaneValue ConvertValue(LaneValue operand, LaneType source, LaneType target, bool isChecked, SyntaxNode at, Region region)
    {
        string value = Vector(operand);
        if (source == target)
        {
            return new LaneValue(value, target, true);
        }

        if (isChecked && target.IsInteger)
        {
            throw new NotVectorisableException(at, "a checked conversion throws on overflow lane by lane; it has no lane-wise form");
        }

        string code = (source.Kind, target.Kind) switch
        {
            (LaneKind.Signed or LaneKind.Unsigned, LaneKind.Signed or LaneKind.Unsigned) => Wrap(target, Reinterpret(value, source, target)),
            (LaneKind.Signed or LaneKind.Unsigned, LaneKind.Float) => IntegerToFloat(at, source, target, value, region),
            (LaneKind.Float, LaneKind.Signed or LaneKind.Unsigned) => FloatToInteger(source, target, value, region),
            _ => throw new NotVectorisableException(at, $"the conversion from '{source}' to '{target}' has no lane-wise form"),
        };

        return new LaneValue(code, target, true);
    }

    /// <summary>The same lane bits seen as the target's lane type (both are integers of the kernel's width).</summary>
    private string Reinterpret(string value, LaneType source, LaneType target)
    {
        LaneType from = source.Representation(Width);
        LaneType to = target.Representation(Width);
        return from == to ? value : $"{Vectors}.AsVector{RuntimeName(to)}({value})";
    }

    private string IntegerToFloat(SyntaxNode at, LaneType source, LaneType target, string value, Region region)
    {
        if (target.Size != Width)
        {
            throw new NotVectorisableException(at, $"the conversion from '{source}' to '{target}' has no lane-wise form");
        }

        // Every integer held in the lanes is converted as the signed integer of the lane width. That is exact for narrower
        // types; a full-width unsigned lane with its top bit set, or a long beyond 2^53, could round differently in an emulated
        // vector conversion than in the scalar one: such lanes take the scalar path.
        string held = Temporary("integer");
        _body.WriteLine($"{source.VectorOf(Width)} {held} = {value};");
        string signed = Reinterpret(held, source, Mask);
        string maskVector = LaneType.Vector(Mask.Keyword);
        if (source.Size == Width && source.Kind == LaneKind.Unsigned)
        {
            WriteBail(region, $"{Vectors}.LessThan({signed}, {maskVector}.Zero)", "the scalar kernel rounds this large unsigned value");
        }
        else if (source.Size == 8)
        {
            const string Limit = "9007199254740992L";
            WriteBail(region, $"({Vectors}.GreaterThan({held}, new {maskVector}({Limit})) | {Vectors}.LessThan({held}, new {maskVector}(-{Limit})))", "the scalar kernel rounds this large integer");
        }

        return Width == 8 ? $"{Vectors}.ConvertToDouble({signed})" : $"{Vectors}.ConvertToSingle({signed})";
    }

    private string FloatToInteger(LaneType source, LaneType target, string value, Region region)
    {
        string held = Temporary("real");
        _body.WriteLine($"{source.VectorOf(Width)} {held} = {value};");

        // In range (and not NaN), truncation toward zero is the same everywhere; the full-width unsigned range is halved so the
        // signed vector conversion can be used.
        double upper = target.Kind == LaneKind.Unsigned && target.Size < Width ? System.Math.Pow(2, target.Bits) : System.Math.Pow(2, target.Bits - 1);
        string lower = target.Kind == LaneKind.Signed
            ? $"{Vectors}.GreaterThanOrEqual({held}, new {source.VectorOf(Width)}({Number(source, -System.Math.Pow(2, target.Bits - 1))}))"
            : $"{Vectors}.GreaterThan({held}, new {source.VectorOf(Width)}({Number(source, -1)}))";
        string inRange = $"({lower} & {Vectors}.LessThan({held}, new {source.VectorOf(Width)}({Number(source, upper)})))";
        WriteBail(region, "~" + inRange, "out of the target type's range (or NaN): the scalar kernel's conversion decides");
        string truncated = Width == 8 ? $"{Vectors}.ConvertToInt64({held})" : $"{Vectors}.ConvertToInt32({held})";
        return Reinterpret(truncated, LaneType.MaskOf(Width), target);
    }

    private static string Number(LaneType type, double value)
        => value.ToString("R", CultureInfo.InvariantCulture) + (type == LaneType.Single ? "f" : "d");
}
