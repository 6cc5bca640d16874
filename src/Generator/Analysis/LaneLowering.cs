using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Turns the expressions of a loop's iterations into <c>Vector256</c> code, one iteration per lane: iteration
/// <c>Position + l</c> in lane <c>l</c>. Arithmetic, <c>Math.Sqrt</c>, constants, the counter, values the same in every
/// iteration (broadcast once) and integer arithmetic of them converted to the lanes' type (computed once per lane, with the
/// counter replaced, when it reads the counter) are lowered here; how an array element becomes lanes is the subclass's:
/// <see cref="LaneLoop"/> loads a row's consecutive elements, <see cref="OuterLaneLoop"/> reads one element per iteration.
/// </summary>
/// <remarks>
/// Every lane rounds as the scalar code does: C# never contracts <c>a * b + c</c>, <c>Vector256.Sqrt</c> is correctly rounded,
/// the counter's lanes are exact and convert as the scalar loop converts them.
/// </remarks>
internal abstract class LaneLowering
{
    internal const string Vector256 = "global::System.Runtime.Intrinsics.Vector256";

    private readonly ILocalSymbol _counter;
    private readonly Func<string, string> _uniqueName;
    private readonly Dictionary<string, string> _broadcasts = new();
    private string? _counterLanes;

    protected LaneLowering(LoopShape loop, ILocalSymbol counter, ITypeSymbol type, LoopScope scope, Func<string, string> uniqueName)
    {
        Loop = loop;
        _counter = counter;
        Type = type;
        Scope = scope;
        _uniqueName = uniqueName;
        Position = uniqueName(scope.Names.Of(counter.Name));
    }

    /// <summary>The vector loop's position, where the user's loop then starts.</summary>
    public string Position { get; }

    /// <summary>The lanes' element type.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>Lanes per vector: 4 <see langword="double"/>s or 8 <see langword="float"/>s.</summary>
    public int Count => LaneCount(Type)!.Value;

    /// <summary>Lane values declared in the loop, by the name of their vector.</summary>
    public Dictionary<ILocalSymbol, string> Locals { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Declarations before the vector loop: values the same in every iteration, the counter's first lanes.</summary>
    public List<string> Prologue { get; } = new();

    /// <summary>Statements that end each iteration: the counter's lanes move on.</summary>
    public List<string> Steps { get; } = new();

    /// <summary>The loop whose iterations are the lanes.</summary>
    protected LoopShape Loop { get; }

    /// <summary>The parallel loop's variables, names and inner loops.</summary>
    protected LoopScope Scope { get; }

    /// <summary>Lanes for a type this lowering supports: 4 <see langword="double"/>s, 8 <see langword="float"/>s.</summary>
    public static int? LaneCount(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Double => 4,
        SpecialType.System_Single => 8,
        _ => null,
    };

    /// <summary>The first of the lanes' elements of a row: <c>Unsafe.Add(ref __x_row, __j + 1)</c>.</summary>
    public string Element(RowAccess row) => $"{UncheckedIndexing.UnsafeAdd}(ref {row.Row}, {Offset(Position, row.Offset)})";

    /// <summary><c>k</c>, <c>k + 1</c> or <c>k - 2</c>: a position and a constant offset from it.</summary>
    internal static string Offset(string position, long offset)
        => position + (offset == 0 ? string.Empty : (offset < 0 ? " - " : " + ") + Math.Abs(offset).ToString(CultureInfo.InvariantCulture));

    /// <summary>A name for a generated local, <c>__s_lanes</c>, unique in the chunk.</summary>
    public string LanesName(string name) => UniqueName(name.TrimStart('@').TrimStart('_') + "_lanes");

    /// <summary>A generated local's name, <c>__</c> and <paramref name="name"/>, unique in the chunk.</summary>
    protected string UniqueName(string name) => _uniqueName(Scope.Names.Of(name));

    /// <summary>The operation's value as a <c>Vector256</c> expression, or <see langword="null"/> when it has no lanes here.</summary>
    public string? Lanes(IOperation operation)
    {
        if (!SymbolEqualityComparer.Default.Equals(operation.Type, Type))
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: var constant })
        {
            return Literal(constant) is { } literal ? $"{Vector256}.Create({literal})" : null;
        }

        switch (operation)
        {
            case IBinaryOperation { OperatorMethod: null, IsChecked: false } binary when Symbol(binary.OperatorKind) is { } symbol:
                string? left = Lanes(binary.LeftOperand);
                string? right = left is null ? null : Lanes(binary.RightOperand);
                return right is null ? null : $"({left} {symbol} {right})";
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } minus:
                return Lanes(minus.Operand) is { } operand ? $"(-{operand})" : null;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus, OperatorMethod: null } plus:
                return Lanes(plus.Operand);
            case IConversionOperation { OperatorMethod: null, IsTryCast: false } conversion:
                return Converted(conversion);
            case IInvocationOperation { Instance: null, Arguments.Length: 1, TargetMethod: { Name: "Sqrt", ContainingType: var math } } call
                when math.ToDisplayString() is "System.Math" or "System.MathF":
                return Lanes(call.Arguments[0].Value) is { } root ? $"{Vector256}.Sqrt({root})" : null;
            case IArrayElementReferenceOperation element:
                return Load(element);
            case ILocalReferenceOperation { Local: var local } when Locals.TryGetValue(local, out string? lanes):
                return lanes;
            default:
                return Invariant(operation) is { } name ? Broadcast(name, name) : Varying(operation);
        }
    }

    /// <summary>An element of an array, as lanes: one element per iteration.</summary>
    protected abstract string? Load(IArrayElementReferenceOperation element);

    /// <summary>
    /// A value of the lanes' type (or an integer converted to it, <paramref name="operation"/> then the conversion) that is
    /// not a plain variable: computed once per lane with the counter replaced (<c>Vector256.Create(a, b, c, d)</c>) when it
    /// reads the counter, else once (<see cref="Uniform"/>); <see langword="null"/> when it is not arithmetic that cannot throw.
    /// </summary>
    protected string? Varying(IOperation operation)
    {
        bool perLane = operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => IsCounter(r.Local));
        if (!perLane)
        {
            return Scalar(operation, 0) is { } value ? Uniform(value) : null;
        }

        var values = new List<string>();
        for (int lane = 0; lane < Count; lane++)
        {
            if (Scalar(operation, lane) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }

        return $"{Vector256}.Create(\n    {string.Join(",\n    ", values)})";
    }

    /// <summary>
    /// The lanes of <paramref name="value"/>, a scalar expression that does not read the counter: by default the same in every
    /// iteration, so broadcast once before the vector loop.
    /// </summary>
    protected virtual string Uniform(string value) => Broadcast("value", value);

    /// <summary>
    /// The scalar value of <paramref name="operation"/> in lane <paramref name="lane"/>, as C#: the counter is
    /// <c>Position + lane</c>. Only arithmetic that cannot throw: constants, invariants, <c>+ - *</c> (and <c>/</c> of the
    /// lanes' types), signs and conversions between integers and lane types, and what <see cref="Primary"/> renders.
    /// </summary>
    protected string? Scalar(IOperation operation, int lane) => Render(operation, lane)?.Text;

    /// <summary>
    /// An operation <see cref="Scalar"/> does not know, in lane <paramref name="lane"/>, as a primary expression;
    /// <see langword="null"/> by default.
    /// </summary>
    protected virtual string? Primary(IOperation operation, int lane) => null;

    /// <summary>The text, in parentheses unless it binds more tightly than <paramref name="context"/>.</summary>
    protected static string Wrap((string Text, int Precedence) value, int context) => value.Precedence > context ? value.Text : "(" + value.Text + ")";

    /// <summary><see cref="Scalar"/>, with the precedence of its outermost operator.</summary>
    protected (string Text, int Precedence)? Render(IOperation operation, int lane)
    {
        const int additive = 0, multiplicative = 1, unary = 2, primary = 3;
        if (operation.ConstantValue is { HasValue: true, Value: var constant })
        {
            string? literal = constant switch
            {
                int or short or sbyte or byte or ushort or char => Convert.ToInt64(constant, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                long l => l.ToString(CultureInfo.InvariantCulture) + "L",
                _ => Literal(constant),
            };
            // A negative literal is parenthesised wherever it goes (-(-1), not --1).
            return literal is null ? null : (literal, literal.StartsWith("-", StringComparison.Ordinal) ? additive : primary);
        }

        switch (operation)
        {
            case ILocalReferenceOperation { Local: var local } when IsCounter(local):
                return lane == 0 ? (Position, primary) : ($"{Position} + {lane.ToString(CultureInfo.InvariantCulture)}", additive);
            case IBinaryOperation { OperatorMethod: null, IsChecked: false } binary when binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
                or BinaryOperatorKind.Multiply || (binary.OperatorKind == BinaryOperatorKind.Divide && LaneCount(binary.Type) is not null):
                int precedence = binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract ? additive : multiplicative;
                var left = Render(binary.LeftOperand, lane);
                var right = left is null ? null : Render(binary.RightOperand, lane);
                return right is null ? null
                    : ($"{Wrap(left!.Value, precedence - 1)} {Symbol(binary.OperatorKind)} {Wrap(right.Value, precedence)}", precedence);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus, OperatorMethod: null, IsChecked: false } sign:
                return Render(sign.Operand, lane) is { } operand
                    ? ((sign.OperatorKind == UnaryOperatorKind.Minus ? "-" : "+") + Wrap(operand, unary - 1), unary)
                    : null;
            case IConversionOperation { OperatorMethod: null, IsTryCast: false, IsChecked: false, Type: { } target } conversion
                when (UncheckedIndexing.IsIntegerType(target) || LaneCount(target) is not null)
                    && (UncheckedIndexing.IsIntegerType(conversion.Operand.Type) || LaneCount(conversion.Operand.Type) is not null):
                // An implicit widening between integers happens again where the text goes; to a lane type it is written out,
                // since the text may stand alone (Vector256.Create(k) would be a vector of ints).
                return Render(conversion.Operand, lane) is not { } converted ? null
                    : conversion.IsImplicit && LaneCount(target) is null ? converted
                    : ($"({target.ToDisplayString()}){Wrap(converted, unary)}", unary);
            default:
                return (Invariant(operation) ?? Primary(operation, lane)) is { } text ? (text, primary) : null;
        }
    }

    /// <summary>
    /// A value the same in every iteration, broadcast to the lanes once before the vector loop:
    /// <c>var __w_lanes = Vector256.Create(w);</c>.
    /// </summary>
    protected string Broadcast(string name, string value)
    {
        if (!_broadcasts.TryGetValue(value, out string? lanes))
        {
            lanes = LanesName(name);
            _broadcasts[value] = lanes;
            Prologue.Add($"var {lanes} = {Vector256}.Create({value});");
        }

        return lanes;
    }

    /// <summary>
    /// The name of a local or parameter the same in every iteration of the loop: not a ref local (whose target the loop's
    /// own sum may be), never written in the loop; <see langword="null"/> for anything else.
    /// </summary>
    protected string? Invariant(IOperation operation) => operation switch
    {
        ILocalReferenceOperation { Local: { RefKind: RefKind.None } local } when !UncheckedIndexing.DeclaredInside(local, Loop.Syntax) && !WrittenInLoop(local)
            => Scope.IsCaptured(local) ? CaptureAnalysis.NameOf(local, Scope.Names) : Identifiers.Escape(local.Name),
        IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter } when Scope.IsCaptured(parameter) && Scope.IsInvariant(parameter)
            => CaptureAnalysis.NameOf(parameter, Scope.Names),
        _ => null,
    };

    /// <summary>Whether <paramref name="local"/> is the loop's counter.</summary>
    protected bool IsCounter(ILocalSymbol local) => SymbolEqualityComparer.Default.Equals(local, _counter);

    /// <summary>
    /// An integer (or, for <see langword="double"/> lanes, a <see langword="float"/>) converted to the lanes' type: the
    /// counter, or a value the same in every iteration, converted once before the loop as the user's code converts it.
    /// </summary>
    private string? Converted(IConversionOperation conversion)
    {
        IOperation operand = conversion.Operand;
        if (SymbolEqualityComparer.Default.Equals(operand.Type, Type))
        {
            return Lanes(operand);
        }

        bool convertible = UncheckedIndexing.IsIntegerType(operand.Type)
            || (operand.Type?.SpecialType == SpecialType.System_Single && Type.SpecialType == SpecialType.System_Double);
        if (!convertible)
        {
            return null;
        }

        if (operand is ILocalReferenceOperation { Local: var local } && IsCounter(local))
        {
            return CounterLanes();
        }

        return Invariant(operand) is { } name ? Broadcast(name, $"({Type.ToDisplayString()}){name}") : Varying(conversion);
    }

    /// <summary>
    /// The counter's lanes, <c>k, k + 1, …</c>, as the lanes' type. For <see langword="double"/> the vector starts at the
    /// position and steps by 4.0, exact for every <see langword="int"/>; <see langword="float"/> rounds above 2^24, so its
    /// lanes step as <see langword="int"/>s and are converted where used, as the user's loop converts <c>k</c>.
    /// </summary>
    private string CounterLanes()
    {
        if (_counterLanes is null)
        {
            _counterLanes = LanesName(_counter.Name);
            string count = Count.ToString(CultureInfo.InvariantCulture);
            bool isDouble = Type.SpecialType == SpecialType.System_Double;
            string suffix = isDouble ? "d" : string.Empty;
            string offsets = string.Join(", ", Enumerable.Range(0, Count).Select(l => l.ToString(CultureInfo.InvariantCulture) + suffix));
            string start = isDouble ? $"(double){Position}" : Position;
            Prologue.Add($"var {_counterLanes} = {Vector256}.Create({start}) + {Vector256}.Create({offsets});");
            Steps.Add($"{_counterLanes} += {Vector256}.Create({count}{suffix});");
        }

        return Type.SpecialType == SpecialType.System_Double ? _counterLanes : $"{Vector256}.ConvertToSingle({_counterLanes})";
    }

    /// <summary>
    /// The vector loop, one line per entry: <paramref name="header"/>, the position from <paramref name="from"/>, and behind
    /// <c>IsHardwareAccelerated</c> and <paramref name="guards"/> the prologue and <c>for (; position + lanes &lt;= end; …)</c>
    /// around <paramref name="lines"/> and the steps.
    /// </summary>
    public List<string> VectorLoop(IEnumerable<string> header, string from, string end, IEnumerable<string> guards, IEnumerable<string> lines)
    {
        string count = Count.ToString(CultureInfo.InvariantCulture);
        var vectorLoop = new List<string>(header)
        {
            $"int {Position} = {from};",
            $"if ({string.Join("\n    && ", guards.Prepend($"{Vector256}.IsHardwareAccelerated"))})",
            "{",
        };
        vectorLoop.AddRange(Prologue.Select(l => "    " + l));
        vectorLoop.Add($"    for (; {Position} + {count}L <= {end}; {Position} += {count})");
        vectorLoop.Add("    {");
        vectorLoop.AddRange(lines.Concat(Steps).SelectMany(l => l.Split('\n')).Select(l => "        " + l));
        vectorLoop.Add("    }");
        vectorLoop.Add("}");
        vectorLoop.Add(string.Empty);
        return vectorLoop.SelectMany(l => l.Split('\n')).ToList();
    }

    /// <summary>
    /// The edits that put <paramref name="vectorLoop"/> before <paramref name="loop"/>, at its indentation, and start the
    /// loop's own iterations (its initializer <paramref name="first"/>) at the position.
    /// </summary>
    public IReadOnlyList<(TextSpan Span, string Text)> InsertBefore(StatementSyntax loop, ExpressionSyntax first, IEnumerable<string> vectorLoop)
    {
        string indent = UncheckedIndexing.Indentation(loop);
        return new[]
        {
            (new TextSpan(loop.SpanStart, 0), string.Join("\n", vectorLoop.Select(l => l.Length == 0 ? l : indent + l)).TrimStart() + "\n" + indent),
            (first.Span, Position),
        };
    }

    /// <summary>The C# operator of a lane arithmetic operation.</summary>
    internal static string? Symbol(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "+",
        BinaryOperatorKind.Subtract => "-",
        BinaryOperatorKind.Multiply => "*",
        BinaryOperatorKind.Divide => "/",
        _ => null,
    };

    /// <summary>A finite <see langword="double"/> or <see langword="float"/> constant as a C# literal that round-trips.</summary>
    internal static string? Literal(object? value) => value switch
    {
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => Format(d.ToString("R", CultureInfo.InvariantCulture) + "d"),
        float f when !float.IsNaN(f) && !float.IsInfinity(f) => Format(f.ToString("R", CultureInfo.InvariantCulture) + "f"),
        _ => null,
    };

    private static string Format(string literal) => literal.StartsWith("-", StringComparison.Ordinal) ? "(" + literal + ")" : literal;

    private bool WrittenInLoop(ILocalSymbol local)
        => Loop.Operation?.DescendantsAndSelf().OfType<ILocalReferenceOperation>()
            .Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local) && ValueUsage.Of(r).IsWrite()) ?? true;
}
