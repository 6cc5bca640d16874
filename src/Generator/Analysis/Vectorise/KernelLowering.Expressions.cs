using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis.Vectorise;

/// <summary>
/// Expressions: each varying operation becomes the <c>System.Numerics.Vector</c> operation (through <c>AutoParallel.VectorPair</c>,
/// which applies it to both vectors of a pair) that gives, in every lane, exactly the bits the scalar operation gives; uniform sub-expressions stay scalar C# and are broadcast where they meet varying ones.
/// </summary>
internal sealed partial class KernelLowering
{
    private const string Vectors = "global::AutoParallel.VectorPair";
    private const string Helpers = "global::AutoParallel.VectorMath";

    private LaneValue Lower(IOperation operation, Region region)
    {
        if (!_uniformity.IsVarying(operation))
        {
            return Uniform(operation);
        }

        return operation switch
        {
            IParameterReferenceOperation parameter => new LaneValue(Identifiers.Escape(parameter.Parameter.Name), TypeOf(operation), true),
            ILocalReferenceOperation local => new LaneValue(Identifiers.Escape(local.Local.Name), TypeOf(operation), true),
            IConversionOperation conversion => Convert(conversion, region),
            IBinaryOperation binary => Binary(binary, region),
            IUnaryOperation unary => Unary(unary, region),
            IConditionalOperation conditional => Conditional(conditional, region),
            IInvocationOperation call => Call(call, region),
            _ => throw new NotVectorisableException(operation.Syntax, "this expression has no lane-wise form"),
        };
    }

    /// <summary>A value that is the same in every lane, as scalar C#: the user's text (checked to be free of side effects).</summary>
    private static LaneValue Uniform(IOperation operation)
    {
        CheckPure(operation, allowAssignments: false);
        return new LaneValue(UniformCode(operation), LaneType.Of(operation.Type), false);
    }

    private static string UniformCode(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: not null } constant && ConstantText.Of(constant.Value) is { } literal)
        {
            return literal;
        }

        if (operation is IConversionOperation { IsImplicit: true } conversion && operation.Type is not null)
        {
            return $"(({operation.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){UniformCode(conversion.Operand)})";
        }

        return operation.Syntax is IdentifierNameSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            ? operation.Syntax.ToString()
            : "(" + operation.Syntax + ")";
    }

    /// <summary>The vector of a value: itself when varying, else its broadcast (a boolean becomes an all-or-nothing mask).</summary>
    private string Vector(LaneValue value)
    {
        if (value.Varying)
        {
            return value.Code;
        }

        LaneType type = value.Type ?? throw new System.InvalidOperationException("a uniform value of a type lanes never hold met a varying one");
        return type.Kind == LaneKind.Bool
            ? $"({value.Code} ? {AllLanes} : {NoLanes})"
            : $"new {type.VectorOf(Width)}({value.Code})";
    }

    private LaneType TypeOf(IOperation operation) => TypeOf(operation.Type, operation.Syntax);

    private LaneType TypeOf(ITypeSymbol? type, SyntaxNode where)
    {
        LaneType? lane = LaneType.Of(type);
        if (lane is null)
        {
            throw new NotVectorisableException(where, $"values of type '{type?.ToDisplayString() ?? "?"}' have no lane form");
        }

        if (lane.IsFloat && lane.Size < Width)
        {
            throw new NotVectorisableException(where, $"'{lane}' values meet {Width}-byte values here: lanes of one width cannot hold both exactly");
        }

        return lane;
    }

    private LaneValue Binary(IBinaryOperation binary, Region region)
    {
        if (binary.OperatorMethod is not null)
        {
            throw new NotVectorisableException(binary.Syntax, $"the user-defined operator '{binary.OperatorMethod.ToDisplayString()}' has no lane-wise form");
        }

        return Arithmetic(binary.OperatorKind, TypeOf(binary.LeftOperand), TypeOf(binary), Lower(binary.LeftOperand, region), Lower(binary.RightOperand, region), binary.IsChecked, binary.Syntax, region);
    }

    /// <summary><c>x op= e</c>: the operator on the (promoted) local and the value, converted back to the local's type.</summary>
    private LaneValue CompoundValue(ICompoundAssignmentOperation compound, Region region)
    {
        if (compound.OperatorMethod is not null)
        {
            throw new NotVectorisableException(compound.Syntax, $"the user-defined operator '{compound.OperatorMethod.ToDisplayString()}' has no lane-wise form");
        }

        LaneType target = TypeOf(compound.Target);
        bool shift = compound.OperatorKind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift;
        LaneType operand = shift
            ? (compound.InConversion.IsIdentity ? target : LaneType.Int32)
            : TypeOf(compound.Value);
        LaneValue current = Lower(compound.Target, region);
        LaneValue left = operand == target ? current : ConvertValue(current, target, operand, compound.IsChecked, compound.Syntax, region);
        LaneValue result = Arithmetic(compound.OperatorKind, operand, operand, left, Lower(compound.Value, region), compound.IsChecked, compound.Syntax, region);
        return operand == target ? result : ConvertValue(result, operand, target, compound.IsChecked, compound.Syntax, region);
    }

    /// <summary><c>x++</c> and <c>x--</c> as statements: <c>x = x ± 1</c>, wrapped to the local's type.</summary>
    private LaneValue Step(IIncrementOrDecrementOperation step, Region region)
    {
        LaneType type = TypeOf(step.Target);
        if (step.IsChecked && type.IsInteger)
        {
            throw new NotVectorisableException(step.Syntax, "checked integer arithmetic throws on overflow lane by lane; it has no lane-wise form");
        }

        string sign = step.Kind == OperationKind.Increment ? "+" : "-";
        return new LaneValue(Wrap(type, $"({Lower(step.Target, region).Code} {sign} {type.VectorOf(Width)}.One)"), type, true);
    }

    private LaneValue Arithmetic(BinaryOperatorKind kind, LaneType operand, LaneType type, LaneValue leftValue, LaneValue rightValue, bool isChecked, SyntaxNode at, Region region)
    {
        if (isChecked && operand.IsInteger && kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply)
        {
            throw new NotVectorisableException(at, "checked integer arithmetic throws on overflow lane by lane; it has no lane-wise form");
        }

        if (kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift)
        {
            return Shift(kind, operand, Vector(leftValue), rightValue, at);
        }

        string left = Vector(leftValue);
        string right = Vector(rightValue);
        string code = kind switch
        {
            BinaryOperatorKind.Add => Wrap(type, $"({left} + {right})"),
            BinaryOperatorKind.Subtract => Wrap(type, $"({left} - {right})"),
            BinaryOperatorKind.Multiply => Wrap(type, $"({left} * {right})"),
            BinaryOperatorKind.Divide when type.IsFloat => $"({left} / {right})",
            BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder when type.IsInteger => IntegerDivision(kind, type, left, right, region),
            BinaryOperatorKind.And or BinaryOperatorKind.ConditionalAnd when !type.IsFloat => $"({left} & {right})",
            BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalOr when !type.IsFloat => $"({left} | {right})",
            BinaryOperatorKind.ExclusiveOr when !type.IsFloat => $"({left} ^ {right})",
            BinaryOperatorKind.Equals when operand.Kind == LaneKind.Bool => $"~({left} ^ {right})",
            BinaryOperatorKind.NotEquals when operand.Kind == LaneKind.Bool => $"({left} ^ {right})",
            BinaryOperatorKind.Equals => MaskOf(operand, $"{Vectors}.Equals({left}, {right})"),
            BinaryOperatorKind.NotEquals => "~" + MaskOf(operand, $"{Vectors}.Equals({left}, {right})"),
            BinaryOperatorKind.LessThan => MaskOf(operand, $"{Vectors}.LessThan({left}, {right})"),
            BinaryOperatorKind.LessThanOrEqual => MaskOf(operand, $"{Vectors}.LessThanOrEqual({left}, {right})"),
            BinaryOperatorKind.GreaterThan => MaskOf(operand, $"{Vectors}.GreaterThan({left}, {right})"),
            BinaryOperatorKind.GreaterThanOrEqual => MaskOf(operand, $"{Vectors}.GreaterThanOrEqual({left}, {right})"),
            BinaryOperatorKind.Remainder => throw new NotVectorisableException(at, "floating-point '%' has no exact lane-wise form"),
            _ => throw new NotVectorisableException(at, $"the operator '{kind}' has no lane-wise form"),
        };

        return new LaneValue(code, type, true);
    }

    /// <summary>A shift by a count every lane shares, masked to the type's width as C# does (<c>x &lt;&lt; 33</c> on an int shifts by 1).</summary>
    private LaneValue Shift(BinaryOperatorKind kind, LaneType type, string value, LaneValue count, SyntaxNode at)
    {
        if (count.Varying)
        {
            throw new NotVectorisableException(at, "a shift count that differs between lanes has no lane-wise form on .NET 8");
        }

        string bits = $"({count.Code}) & {(type.Bits - 1).ToString(CultureInfo.InvariantCulture)}";
        string code;
        switch (kind)
        {
            case BinaryOperatorKind.LeftShift:
                code = Wrap(type, $"{Vectors}.ShiftLeft({value}, {bits})");
                break;
            case BinaryOperatorKind.RightShift when type.Kind == LaneKind.Signed:
                code = $"{Vectors}.ShiftRightArithmetic({value}, {bits})";
                break;
            case BinaryOperatorKind.RightShift:
            case BinaryOperatorKind.UnsignedRightShift when type.Size == Width:
                code = $"{Vectors}.ShiftRightLogical({value}, {bits})";
                break;
            default:
                throw new NotVectorisableException(at, "'>>>' of a value held in wider lanes has no lane-wise form");
        }

        return new LaneValue(code, type, true);
    }

    /// <summary>
    /// Integer <c>/</c> and <c>%</c>: a lane that would throw (divisor 0, or <c>MinValue / -1</c>) sends the block to the scalar path,
    /// which throws as the scalar code does; lanes that do not matter divide by 1 so nothing throws for them.
    /// </summary>
    private string IntegerDivision(BinaryOperatorKind kind, LaneType type, string left, string right, Region region)
    {
        string vector = type.VectorOf(Width);
        string dividend = Temporary("dividend");
        string divisor = Temporary("divisor");
        _body.WriteLine($"{vector} {dividend} = {left};");
        _body.WriteLine($"{vector} {divisor} = {right};");
        string zero = MaskOf(type, $"{Vectors}.Equals({divisor}, {vector}.Zero)");
        string throws = type.Kind == LaneKind.Signed
            ? $"({zero} | ({MaskOf(type, $"{Vectors}.Equals({dividend}, new {vector}({type.Keyword}.MinValue))")} & {MaskOf(type, $"{Vectors}.Equals({divisor}, new {vector}(-1))")}))"
            : zero;
        string risky = Temporary("throws");
        _body.WriteLine($"{MaskVector} {risky} = {throws};");
        WriteBail(region, risky, "the scalar kernel throws here (division by zero or overflow)");
        string safe = Temporary("safeDivisor");
        _body.WriteLine($"{vector} {safe} = {Select(risky, type, $"{vector}.One", divisor)};");
        string quotient = $"({dividend} / {safe})";
        return kind == BinaryOperatorKind.Divide
            ? Wrap(type, quotient)
            : Wrap(type, $"({dividend} - ({quotient} * {safe}))");
    }

    private LaneValue Unary(IUnaryOperation unary, Region region)
    {
        if (unary.OperatorMethod is not null)
        {
            throw new NotVectorisableException(unary.Syntax, $"the user-defined operator '{unary.OperatorMethod.ToDisplayString()}' has no lane-wise form");
        }

        LaneType type = TypeOf(unary);
        string operand = Vector(Lower(unary.Operand, region));
        string code = unary.OperatorKind switch
        {
            UnaryOperatorKind.Plus => operand,
            UnaryOperatorKind.Minus when type.IsFloat => $"{Helpers}.Negate({operand})",
            UnaryOperatorKind.Minus when unary.IsChecked => throw new NotVectorisableException(unary.Syntax, "checked negation throws on overflow lane by lane; it has no lane-wise form"),
            UnaryOperatorKind.Minus => Wrap(type, $"(-{operand})"),
            UnaryOperatorKind.BitwiseNegation => Wrap(type, $"(~{operand})"),
            UnaryOperatorKind.Not => $"(~{operand})",
            _ => throw new NotVectorisableException(unary.Syntax, $"the operator '{unary.OperatorKind}' has no lane-wise form"),
        };

        return new LaneValue(code, type, true);
    }

    private LaneValue Conditional(IConditionalOperation conditional, Region region)
    {
        if (conditional.IsRef || conditional.WhenFalse is null)
        {
            throw new NotVectorisableException(conditional.Syntax, "a ref conditional has no lane-wise form");
        }

        LaneType type = TypeOf(conditional);
        LaneValue condition = Lower(conditional.Condition, region);
        string whenTrue = Vector(Lower(conditional.WhenTrue, region));
        string whenFalse = Vector(Lower(conditional.WhenFalse, region));
        string code = condition.Varying
            ? Select(condition.Code, type, whenTrue, whenFalse)
            : $"({condition.Code} ? {whenTrue} : {whenFalse})";
        return new LaneValue(code, type, true);
    }

    private LaneValue Call(IInvocationOperation call, Region region)
    {
        IMethodSymbol method = call.TargetMethod;
        string? owner = method.ContainingType?.ToDisplayString();
        if (owner is not ("System.Math" or "System.MathF"))
        {
            throw new NotVectorisableException(call.Syntax, $"it calls '{method.Name}', which has no vector form (translated: Math.Abs, Min, Max, Sqrt, FusedMultiplyAdd, Floor, Ceiling)");
        }

        LaneType type = TypeOf(call);
        var arguments = call.Arguments.Select(a => Vector(Lower(a.Value, region))).ToList();
        string code = (method.Name, arguments.Count) switch
        {
            ("Abs", 1) when type.IsFloat => $"{Vectors}.Abs({arguments[0]})",
            ("Abs", 1) when type.Kind == LaneKind.Signed => CheckedAbs(type, arguments[0], region),
            ("Min", 2) when type.IsFloat => $"{Helpers}.Min({arguments[0]}, {arguments[1]})",
            ("Max", 2) when type.IsFloat => $"{Helpers}.Max({arguments[0]}, {arguments[1]})",
            ("Min", 2) when type.IsInteger => $"{Vectors}.Min({arguments[0]}, {arguments[1]})",
            ("Max", 2) when type.IsInteger => $"{Vectors}.Max({arguments[0]}, {arguments[1]})",
            ("Sqrt", 1) when type.IsFloat => $"{Vectors}.SquareRoot({arguments[0]})",
            ("Floor", 1) when type.IsFloat => $"{Vectors}.Floor({arguments[0]})",
            ("Ceiling", 1) when type.IsFloat => $"{Vectors}.Ceiling({arguments[0]})",
            ("FusedMultiplyAdd", 3) when type.IsFloat => $"{Helpers}.FusedMultiplyAdd({arguments[0]}, {arguments[1]}, {arguments[2]})",
            _ => throw new NotVectorisableException(call.Syntax, $"'{owner}.{method.Name}' has no Vector<T> form on .NET 8 (translated: Abs, Min, Max, Sqrt, FusedMultiplyAdd, Floor, Ceiling)"),
        };

        return new LaneValue(code, type, true);
    }

    /// <summary><c>Math.Abs(MinValue)</c> throws <see cref="System.OverflowException"/>: such a lane takes the scalar path.</summary>
    private string CheckedAbs(LaneType type, string operand, Region region)
    {
        string value = Temporary("abs");
        string vector = type.VectorOf(Width);
        _body.WriteLine($"{vector} {value} = {operand};");
        WriteBail(region, MaskOf(type, $"{Vectors}.Equals({value}, new {vector}({type.Keyword}.MinValue))"), "Math.Abs(MinValue) throws");
        return $"{Vectors}.Abs({value})";
    }

    /// <summary>Returns <see langword="false"/> (the scalar path) if any lane that matters is in <paramref name="mask"/>.</summary>
    private void WriteBail(Region region, string mask, string why)
    {
        CanBail = true;
        string? lanes = BailLanes(region);
        _body.WriteLine($"if (({(lanes is null ? mask : $"{mask} & {lanes}")}) != {NoLanes})");
        _body.WriteLine("{");
        _body.WriteLine($"    return false; // {why}");
        _body.WriteLine("}");
    }

    /// <summary>
    /// <c>ConditionalSelect</c> of values of <paramref name="type"/> under a lane mask. The masks of doubles and floats select them
    /// directly; integers held in other lanes reinterpret the mask.
    /// </summary>
    private string Select(string mask, LaneType type, string whenTrue, string whenFalse)
    {
        LaneType lanes = type.Representation(Width);
        string typedMask = lanes.IsFloat || lanes == Mask ? mask : $"{Vectors}.AsVector{RuntimeName(lanes)}({mask})";
        return $"{Vectors}.ConditionalSelect({typedMask}, {whenTrue}, {whenFalse})";
    }

    /// <summary>A comparison's result as a mask of the kernel's width (comparisons of unsigned lanes give unsigned vectors).</summary>
    private string MaskOf(LaneType operand, string comparison)
    {
        LaneType lanes = operand.Representation(Width);
        return lanes.IsFloat || lanes == Mask ? comparison : $"{Vectors}.AsVector{RuntimeName(Mask)}({comparison})";
    }

    /// <summary>
    /// Re-wraps an integer held in wider lanes after arithmetic, so it overflows as its own type does: sign-extends the low bits
    /// of a signed type, masks those of an unsigned one.
    /// </summary>
    private string Wrap(LaneType type, string code)
    {
        if (!type.IsInteger || type.Size == Width)
        {
            return code;
        }

        string shift = ((Width - type.Size) * 8).ToString(CultureInfo.InvariantCulture);
        if (type.Kind == LaneKind.Signed)
        {
            return $"{Vectors}.ShiftRightArithmetic({Vectors}.ShiftLeft({code}, {shift}), {shift})";
        }

        ulong low = type.Size == 4 ? uint.MaxValue : type.Size == 2 ? ushort.MaxValue : byte.MaxValue;
        return $"({code} & new {type.VectorOf(Width)}({low.ToString(CultureInfo.InvariantCulture)}))";
    }

    /// <summary>The BCL name of a type, as in <c>Vector.AsVectorUInt64</c>.</summary>
    private static string RuntimeName(LaneType type) => type.Special switch
    {
        SpecialType.System_Double => "Double",
        SpecialType.System_Single => "Single",
        SpecialType.System_Int64 => "Int64",
        SpecialType.System_UInt64 => "UInt64",
        SpecialType.System_Int32 => "Int32",
        SpecialType.System_UInt32 => "UInt32",
        SpecialType.System_Int16 => "Int16",
        SpecialType.System_UInt16 => "UInt16",
        SpecialType.System_SByte => "SByte",
        _ => "Byte",
    };

    /// <summary>
    /// Throws unless <paramref name="operation"/> only reads: literals, locals, parameters, fields, operators, conversions and
    /// <c>Math</c> functions. A uniform expression is computed once per vector of lanes, so a call into other code (which might
    /// count its calls, or log) would not run once per element as in the scalar kernel.
    /// </summary>
    private static void CheckPure(IOperation operation, bool allowAssignments)
    {
        foreach (IOperation part in new[] { operation }.Concat(operation.Descendants()))
        {
            bool pure = part switch
            {
                ILiteralOperation or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation => true,
                IConversionOperation conversion => conversion.OperatorMethod is null,
                IBinaryOperation binary => binary.OperatorMethod is null,
                IUnaryOperation unary => unary.OperatorMethod is null,
                IConditionalOperation or IArgumentOperation or IDefaultValueOperation or INameOfOperation or ISizeOfOperation or ITypeOfOperation => true,
                IInvocationOperation call => call.TargetMethod.ContainingType?.ToDisplayString() is "System.Math" or "System.MathF",
                IPropertyReferenceOperation property => !property.Property.IsIndexer && property.Property.IsStatic
                    && property.Property.ContainingNamespace?.ToDisplayString().StartsWith("System", System.StringComparison.Ordinal) == true,
                IVariableDeclarationGroupOperation or IVariableDeclarationOperation or IVariableDeclaratorOperation or IVariableInitializerOperation => allowAssignments,
                ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IExpressionStatementOperation => allowAssignments,
                _ => false,
            };

            if (!pure)
            {
                throw new NotVectorisableException(part.Syntax, part is IInvocationOperation invoked
                    ? $"it calls '{invoked.TargetMethod.Name}', which has no vector form and would run once per vector instead of once per element"
                    : "this expression has no lane-wise form");
            }
        }
    }
}
