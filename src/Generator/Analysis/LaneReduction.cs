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
/// An innermost loop that adds an element-wise expression of array rows to one variable, <c>s += (a[r + k] - b[q + k]) * …</c>,
/// computed four (<see langword="double"/>) or eight (<see langword="float"/>) elements at a time in <c>Vector256</c> lanes.
/// The lanes are then added to <c>s</c> one by one, in order: the same additions of the same values as the user's loop, so
/// the same bits (C# never contracts <c>a * b + c</c>; lane arithmetic rounds as scalar arithmetic does). What is saved is
/// the loads, subtractions and multiplications of three elements in four, which is what <c>gcc -O3</c> does with such a loop.
/// </summary>
/// <remarks>
/// It runs inside the unchecked copy of a chunk only (<see cref="UncheckedIndexing"/>): every element it loads was checked
/// once for the chunk, and the body can throw nothing. The loop keeps its statements for the elements after the last whole
/// vector, and for machines without 256-bit vectors.
/// </remarks>
internal static class LaneReduction
{
    private const string Vector256 = "global::System.Runtime.Intrinsics.Vector256";

    /// <summary>
    /// The edits that put the vector loop before <paramref name="loop"/> and start it where the vectors stopped, or
    /// <see langword="null"/> when its body is not declarations of lane values followed by one <c>s += …</c>.
    /// </summary>
    /// <param name="loop">The innermost <c>for</c> loop, counting by 1.</param>
    /// <param name="from">Its first value, as C#.</param>
    /// <param name="end">Its exclusive end, as C# (a <see langword="long"/> or narrower).</param>
    /// <param name="rows">Accesses <c>a[base + k]</c> read through a row reference, and the name of that reference.</param>
    /// <param name="scope">The parallel loop's variables.</param>
    /// <param name="uniqueName">Names a generated local.</param>
    public static IReadOnlyList<(TextSpan Span, string Text)>? Lower(
        LoopShape loop,
        string from,
        string end,
        IReadOnlyDictionary<IArrayElementReferenceOperation, string> rows,
        LoopScope scope,
        Func<string, string> uniqueName)
    {
        if (loop.Syntax is not ForStatementSyntax { Declaration.Variables.Count: 1 } forLoop || forLoop.Declaration.Variables[0].Initializer is not { } initializer
            || loop.Body is not { } body || loop.Index is not { } counter
            || body.DescendantsAndSelf().Any(o => o is ILoopOperation or IBranchOperation or IReturnOperation or IThrowOperation))
        {
            return null;
        }

        IReadOnlyList<IOperation> statements = body is IBlockOperation block ? block.Operations : new[] { body };
        if (statements.Count == 0
            || statements[statements.Count - 1] is not IExpressionStatementOperation
            {
                Operation: ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null, Target: ILocalReferenceOperation { Local: var total } } update,
            }
            || LaneCount(total.Type) is not int lanes || UncheckedIndexing.DeclaredInside(total, loop.Syntax)
            || body.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Count(r => SymbolEqualityComparer.Default.Equals(r.Local, total)) != 1)
        {
            return null;
        }

        var lowering = new Lowering(loop, counter, total.Type, rows, scope, uniqueName);
        var lines = new List<string>();
        foreach (IOperation statement in statements.Take(statements.Count - 1))
        {
            if (statement is not IVariableDeclarationGroupOperation { Declarations.Length: 1 } group || group.Declarations[0].Declarators.Length != 1
                || group.Declarations[0].Declarators[0] is not { Symbol: var local } declarator
                || declarator.GetVariableInitializer() is not { } value || !SymbolEqualityComparer.Default.Equals(local.Type, total.Type)
                || local.RefKind != RefKind.None || lowering.Lanes(value.Value) is not { } lanesOfValue)
            {
                return null;
            }

            string name = uniqueName(scope.Names.Of(local.Name + "_lanes"));
            lowering.Locals[local] = name;
            lines.Add($"var {name} = {lanesOfValue};");
        }

        // A row read also means the chunk's guard checked this loop's range, so the vector loop's position cannot wrap.
        if (lowering.Lanes(update.Value) is not { } added || !lowering.ReadsRows)
        {
            return null;
        }

        string sum = uniqueName(scope.Names.Of(total.Name + "_lanes"));
        string position = lowering.Position;
        string type = total.Type.ToDisplayString();
        lines.Add($"var {sum} = {added};");
        lines.AddRange(Enumerable.Range(0, lanes).Select(l => $"{Identifiers.Escape(total.Name)} += {sum}[{l.ToString(CultureInfo.InvariantCulture)}];"));

        string indent = UncheckedIndexing.Indentation(loop.Syntax);
        string count = lanes.ToString(CultureInfo.InvariantCulture);
        var vectorLoop = new List<string>
        {
            $"// SIMD: {Identifiers.Escape(total.Name)} += … over {count} elements at a time in Vector256<{type}> lanes, added to {Identifiers.Escape(total.Name)} one by one in order:",
            "// the additions of the loop below, the same bits. The loop below runs what is left.",
            $"int {position} = {from};",
            $"if ({Vector256}.IsHardwareAccelerated)",
            "{",
            $"    for (; {position} + {count}L <= {end}; {position} += {count})",
            "    {",
        };
        vectorLoop.AddRange(lines.Select(l => "        " + l));
        vectorLoop.Add("    }");
        vectorLoop.Add("}");
        vectorLoop.Add(string.Empty);
        return new[]
        {
            (new TextSpan(loop.Syntax.SpanStart, 0), string.Join("\n", vectorLoop.Select(l => l.Length == 0 ? l : indent + l)).TrimStart() + "\n" + indent),
            (initializer.Value.Span, position),
        };
    }

    private static int? LaneCount(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Double => 4,
        SpecialType.System_Single => 8,
        _ => null,
    };

    /// <summary>Turns one lane expression into <c>Vector256</c> code.</summary>
    private sealed class Lowering
    {
        private readonly LoopShape _loop;
        private readonly ITypeSymbol _type;
        private readonly IReadOnlyDictionary<IArrayElementReferenceOperation, string> _rows;
        private readonly LoopScope _scope;

        public Lowering(LoopShape loop, ILocalSymbol counter, ITypeSymbol type, IReadOnlyDictionary<IArrayElementReferenceOperation, string> rows, LoopScope scope, Func<string, string> uniqueName)
        {
            _loop = loop;
            _type = type;
            _rows = rows;
            _scope = scope;
            Position = uniqueName(scope.Names.Of(counter.Name));
        }

        /// <summary>The vector loop's position, where the user's loop then starts.</summary>
        public string Position { get; }

        /// <summary>Whether some lane value reads a row.</summary>
        public bool ReadsRows { get; private set; }

        /// <summary>Lane values declared in the body, by the name of their vector.</summary>
        public Dictionary<ILocalSymbol, string> Locals { get; } = new(SymbolEqualityComparer.Default);

        public string? Lanes(IOperation operation)
        {
            if (!SymbolEqualityComparer.Default.Equals(operation.Type, _type))
            {
                return null;
            }

            if (operation.ConstantValue is { HasValue: true, Value: var constant })
            {
                return Literal(constant) is { } literal ? $"{Vector256}.Create({literal})" : null;
            }

            switch (operation)
            {
                case IBinaryOperation { OperatorMethod: null } binary when Symbol(binary.OperatorKind) is { } symbol:
                    string? left = Lanes(binary.LeftOperand);
                    string? right = left is null ? null : Lanes(binary.RightOperand);
                    return right is null ? null : $"({left} {symbol} {right})";
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } minus:
                    return Lanes(minus.Operand) is { } operand ? $"(-{operand})" : null;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus, OperatorMethod: null } plus:
                    return Lanes(plus.Operand);
                case IInvocationOperation { Instance: null, Arguments.Length: 1, TargetMethod: { Name: "Sqrt", ContainingType: var math } } call
                    when math.ToDisplayString() is "System.Math" or "System.MathF":
                    return Lanes(call.Arguments[0].Value) is { } root ? $"{Vector256}.Sqrt({root})" : null;
                case IArrayElementReferenceOperation element when _rows.TryGetValue(element, out string? row):
                    ReadsRows = true;
                    return $"{Vector256}.LoadUnsafe(ref {UncheckedIndexing.UnsafeAdd}(ref {row}, {Position}))";
                case ILocalReferenceOperation { Local: var local } when Locals.TryGetValue(local, out string? lanes):
                    return lanes;
                // One value for the whole loop: not a ref local (whose target the loop's own sum may be), never written in the loop.
                case ILocalReferenceOperation { Local: { RefKind: RefKind.None } local } when !UncheckedIndexing.DeclaredInside(local, _loop.Syntax) && !WrittenInLoop(local):
                    return $"{Vector256}.Create({(_scope.IsCaptured(local) ? CaptureAnalysis.NameOf(local, _scope.Names) : Identifiers.Escape(local.Name))})";
                case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter } when _scope.IsCaptured(parameter) && _scope.IsInvariant(parameter):
                    return $"{Vector256}.Create({CaptureAnalysis.NameOf(parameter, _scope.Names)})";
                default:
                    return null;
            }
        }

        private static string? Symbol(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.Add => "+",
            BinaryOperatorKind.Subtract => "-",
            BinaryOperatorKind.Multiply => "*",
            BinaryOperatorKind.Divide => "/",
            _ => null,
        };

        private static string? Literal(object? value) => value switch
        {
            double d when !double.IsNaN(d) && !double.IsInfinity(d) => Format(d.ToString("R", CultureInfo.InvariantCulture) + "d"),
            float f when !float.IsNaN(f) && !float.IsInfinity(f) => Format(f.ToString("R", CultureInfo.InvariantCulture) + "f"),
            _ => null,
        };

        private static string Format(string literal) => literal.StartsWith("-", StringComparison.Ordinal) ? "(" + literal + ")" : literal;

        private bool WrittenInLoop(ILocalSymbol local)
            => _loop.Operation?.DescendantsAndSelf().OfType<ILocalReferenceOperation>()
                .Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local) && ValueUsage.Of(r).IsWrite()) ?? true;
    }
}
