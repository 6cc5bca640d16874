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
/// A loop whose every iteration computes one element of a row, through inner loops that are the same for all iterations,
/// run four (<see langword="double"/>) or eight (<see langword="float"/>) iterations at a time: iteration <c>j + l</c> in
/// lane <c>l</c> of <c>Vector256</c> (outer-loop vectorisation). The body of such a loop is
/// <list type="bullet">
/// <item>declarations of lane values, <c>double s = 0;</c>, and assignments to them, <c>s += t * t;</c>;</item>
/// <item>inner <c>for</c> loops whose bounds do not depend on the iteration (<c>for (int k = 0; k &lt; d; k++)</c>), with
/// bodies of such declarations and assignments;</item>
/// <item>last, the store of the iteration's element: <c>result[i * n + j] = Math.Sqrt(s);</c>.</item>
/// </list>
/// The pairwise distances, a matrix-vector product per row, a kernel evaluated against every point: each lane keeps its own
/// <c>s</c> and adds to it in the user's order, so every element has the user's bits, and a chain of dependent scalar
/// additions per element becomes one chain of vector additions per four elements.
/// </summary>
/// <remarks>
/// <para>It runs inside the unchecked copy of a chunk (<see cref="UncheckedIndexing"/>): every element read was checked once
/// for the chunk's ranges, which the lanes' iterations lie inside, and the body can throw nothing. An element whose index
/// involves the loop's variable is read once per lane (<c>Vector256.Create(x[j * d + k], x[(j + 1) * d + k], …)</c>), one
/// that does not is read once and broadcast.</para>
/// <para>The lanes run their iterations' reads before their store, so no iteration may read what another writes: the array
/// written must not be read in the loop, and another array of the same type is compared with it (the same object, passed
/// twice, keeps the scalar loop).</para>
/// </remarks>
internal static class OuterLaneLoop
{
    private const string Vector256 = LaneLowering.Vector256;

    /// <summary>
    /// The edits that put the vector loop before <paramref name="loop"/>, an inner loop, and start it where the vectors
    /// stopped, or <see langword="null"/> when its body is not of the form above.
    /// </summary>
    /// <param name="loop">A <c>for</c> loop counting by 1 that contains another loop.</param>
    /// <param name="from">Its first value, as C#.</param>
    /// <param name="end">Its exclusive end, as C# (a <see langword="long"/> or narrower).</param>
    /// <param name="rows">Accesses reached through a row reference: the store's row, and rows the inner loops read.</param>
    /// <param name="references">The accesses the chunk checked, with the reference to their array's first element.</param>
    /// <param name="scope">The parallel loop's variables and inner loops.</param>
    /// <param name="uniqueName">Names a generated local.</param>
    public static IReadOnlyList<(TextSpan Span, string Text)>? Lower(
        LoopShape loop,
        string from,
        string end,
        IReadOnlyDictionary<IArrayElementReferenceOperation, RowAccess> rows,
        IReadOnlyDictionary<IArrayElementReferenceOperation, string> references,
        LoopScope scope,
        Func<string, string> uniqueName)
    {
        if (loop.Syntax is not ForStatementSyntax { Declaration.Variables.Count: 1 } forLoop || forLoop.Declaration.Variables[0].Initializer is not { } initializer)
        {
            return null;
        }

        if (loop.Body is not IBlockOperation { Operations.Length: >= 2 } body || loop.Index is not { Type.SpecialType: SpecialType.System_Int32 } counter
            || body.Operations[body.Operations.Length - 1] is not IExpressionStatementOperation
            {
                Operation: ISimpleAssignmentOperation { IsRef: false, Target: IArrayElementReferenceOperation { Type: { } type } target } store,
            }
            || LaneLowering.LaneCount(type) is null || !rows.TryGetValue(target, out RowAccess written)
            || ArraySymbol(target) is not { } array
            || body.Descendants().OfType<IArrayElementReferenceOperation>().Any(e => e != target && SymbolEqualityComparer.Default.Equals(ArraySymbol(e), array))
            || !body.Operations.Any(o => o is IForLoopOperation))
        {
            return null;
        }

        var lowering = new IterationLanes(loop, counter, type, rows, references, scope, uniqueName);
        var lines = new List<string>();
        foreach (IOperation statement in body.Operations.Take(body.Operations.Length - 1))
        {
            if (!(statement is IForLoopOperation inner ? lowering.InnerLoop(inner, lines) : lowering.Statement(statement, lines)))
            {
                return null;
            }
        }

        if (lowering.Lanes(store.Value) is not { } stored)
        {
            return null;
        }

        string storedName = lowering.LanesName(target.ArrayReference.Syntax.ToString());
        lines.Add($"var {storedName} = {stored};");
        lines.Add($"{Vector256}.StoreUnsafe({storedName}, ref {lowering.Element(written)});");

        // Another array of the written one's type could be the same object: then the lanes would read what they write.
        string arrayName = CaptureAnalysis.NameOf(array, scope.Names);
        var guards = lowering.Reads
            .Where(r => ArrayType(r) is IArrayTypeSymbol read && SymbolEqualityComparer.Default.Equals(read.ElementType, type))
            .Select(r => $"!global::System.Object.ReferenceEquals({CaptureAnalysis.NameOf(r, scope.Names)}, {arrayName})")
            .Distinct();

        string count = lowering.Count.ToString(CultureInfo.InvariantCulture);
        string name = Identifiers.Escape(counter.Name);
        string[] header =
        {
            $"// SIMD across {name}: {count} iterations of the loop below at a time, {name} = {lowering.Position} + l in lane l of Vector256<{type.ToDisplayString()}>. The inner",
            $"// loops run once for the {count}, each lane doing its own iteration's arithmetic in the order written, the same bits, and one",
            $"// store writes the {count} elements. The loop below runs what is left.",
        };
        return lowering.InsertBefore(loop.Syntax, initializer.Value, lowering.VectorLoop(header, from, end, guards, lines));
    }

    private static ISymbol? ArraySymbol(IArrayElementReferenceOperation element) => LoopShape.Strip(element.ArrayReference) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static ITypeSymbol? ArrayType(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>Lanes of iterations: an element is read once per lane, with the loop's variable replaced by the lane's value.</summary>
    private sealed class IterationLanes : LaneLowering
    {
        private readonly IReadOnlyDictionary<IArrayElementReferenceOperation, string> _references;
        /// <summary>The variables of the inner loops: the same in every lane.</summary>
        private readonly HashSet<ILocalSymbol> _uniform = new(SymbolEqualityComparer.Default);

        private readonly IReadOnlyDictionary<IArrayElementReferenceOperation, RowAccess> _rows;
        /// <summary>The inner loop being lowered: its variable, and the rows its body reads, declared before it.</summary>
        private (ILocalSymbol Counter, List<string> Declarations, Dictionary<string, string> Names)? _inner;

        public IterationLanes(
            LoopShape loop,
            ILocalSymbol counter,
            ITypeSymbol type,
            IReadOnlyDictionary<IArrayElementReferenceOperation, RowAccess> rows,
            IReadOnlyDictionary<IArrayElementReferenceOperation, string> references,
            LoopScope scope,
            Func<string, string> uniqueName)
            : base(loop, counter, type, scope, uniqueName)
        {
            _rows = rows;
            _references = references;
        }

        /// <summary>The arrays read.</summary>
        public HashSet<ISymbol> Reads { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// An inner loop counting up by a constant, bounds the same in every lane, its body declarations and assignments of lane
        /// values: one loop for all lanes.
        /// </summary>
        public bool InnerLoop(IForLoopOperation inner, List<string> lines)
        {
            LoopShape? shape = Scope.InnerForLoops.FirstOrDefault(s => s.Syntax == inner.Syntax);
            if (shape is not { IsCanonical: true, Kind: LoopKind.For, Index: { Type.SpecialType: SpecialType.System_Int32 } index, From: { } first, To: { } to }
                || shape.Bound == BoundKind.NotEqual || shape.ConstantStep is not (>= 1 and <= int.MaxValue) || inner.Body is not { } innerBody)
            {
                return false;
            }

            bool sameInEveryLane = !first.DescendantsAndSelf().Concat(to.DescendantsAndSelf()).OfType<ILocalReferenceOperation>().Any(r => IsCounter(r.Local));
            if (!sameInEveryLane || Scalar(first, 0) is not { } start || Scalar(to, 0) is not { } bound)
            {
                return false;
            }

            IReadOnlyList<IOperation> statements = innerBody is IBlockOperation block ? block.Operations : new[] { innerBody };
            string name = Identifiers.Escape(index.Name);
            string step = shape.ConstantStep == 1 ? $"{name}++" : $"{name} += {shape.ConstantStep.Value.ToString(CultureInfo.InvariantCulture)}";
            _uniform.Add(index);
            var body = new List<string>();
            _inner = (index, new List<string>(), new Dictionary<string, string>());
            bool lowered = statements.All(s => Statement(s, body));
            List<string> rows = _inner.Value.Declarations;
            _inner = null;
            if (!lowered)
            {
                return false;
            }

            lines.AddRange(rows);
            lines.Add($"for (int {name} = {start}; {name} {(shape.Bound == BoundKind.Less ? "<" : "<=")} {bound}; {step})");
            lines.Add("{");
            lines.AddRange(body.SelectMany(l => l.Split('\n')).Select(l => "    " + l));
            lines.Add("}");
            return true;
        }

        /// <summary>A declaration of a lane value with its initial value, or an assignment to one.</summary>
        public bool Statement(IOperation statement, List<string> lines)
        {
            switch (statement)
            {
                case IVariableDeclarationGroupOperation { Declarations.Length: 1 } group when group.Declarations[0].Declarators.Length == 1:
                    IVariableDeclaratorOperation declarator = group.Declarations[0].Declarators[0];
                    if (declarator.Symbol is not { RefKind: RefKind.None } local || !SymbolEqualityComparer.Default.Equals(local.Type, Type)
                        || declarator.GetVariableInitializer() is not { } value || Lanes(value.Value) is not { } lanes)
                    {
                        return false;
                    }

                    string name = LanesName(local.Name);
                    Locals[local] = name;
                    lines.Add($"var {name} = {lanes};");
                    return true;
                case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { IsRef: false, Target: ILocalReferenceOperation { Local: var target } } assignment }
                    when Locals.TryGetValue(target, out string? targetLanes) && Lanes(assignment.Value) is { } assigned:
                    lines.Add($"{targetLanes} = {assigned};");
                    return true;
                case IExpressionStatementOperation
                {
                    Operation: ICompoundAssignmentOperation { OperatorMethod: null, IsChecked: false, Target: ILocalReferenceOperation { Local: var target } } update,
                }
                when Locals.TryGetValue(target, out string? targetLanes) && Symbol(update.OperatorKind) is { } symbol
                    && SymbolEqualityComparer.Default.Equals(update.Value.Type, Type) && Lanes(update.Value) is { } operand:
                    lines.Add($"{targetLanes} {symbol}= {operand};");
                    return true;
                default:
                    return false;
            }
        }

        protected override string? Load(IArrayElementReferenceOperation element) => Varying(element);

        /// <summary>A value that depends on an inner loop's variable: broadcast where it is used.</summary>
        protected override string Uniform(string value) => $"{Vector256}.Create({value})";

        /// <summary>An inner loop's variable, or a checked element read through its array's reference.</summary>
        protected override string? Primary(IOperation operation, int lane)
        {
            switch (operation)
            {
                case ILocalReferenceOperation { Local: var local } when _uniform.Contains(local):
                    return Identifiers.Escape(local.Name);
                case IArrayElementReferenceOperation { Indices.Length: 1 } element when _references.TryGetValue(element, out string? reference)
                    && ArraySymbol(element) is { } array:
                    Reads.Add(array);
                    return RowElement(element, reference, lane)
                        ?? (Scalar(element.Indices[0], lane) is { } index ? $"{UncheckedIndexing.UnsafeAdd}(ref {reference}, {index})" : null);
                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>x[base + k + c]</c> in the inner loop over <c>k</c>, <c>base</c> unchanged in it: <c>Unsafe.Add(ref __x_row, k + c)</c>,
        /// the row (one per lane when <c>base</c> involves the loop's variable) declared before the inner loop, as the scalar
        /// copy declares it; the chunk checked that every row lies inside its array. The JIT moves neither <c>base</c> nor
        /// its multiplication out of the inner loop itself.
        /// </summary>
        private string? RowElement(IArrayElementReferenceOperation element, string reference, int lane)
        {
            if (_inner is not var (counter, declarations, names) || !_rows.TryGetValue(element, out RowAccess row)
                || element.ArrayReference.Type is not IArrayTypeSymbol arrayType)
            {
                return null;
            }

            var terms = new List<(IOperation Term, bool Negative)>();
            UncheckedIndexing.Flatten(element.Indices[0], false, terms);
            terms.RemoveAll(t => LoopShape.ConstantOf(t.Term) is not null);
            int found = terms.FindIndex(t => !t.Negative && LoopShape.Strip(t.Term) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, counter));
            if (found < 0)
            {
                return null;
            }

            terms.RemoveAt(found);
            string position = Offset(Identifiers.Escape(counter.Name), row.Offset);
            if (terms.Count == 0)
            {
                return $"{UncheckedIndexing.UnsafeAdd}(ref {reference}, {position})";
            }

            var parts = new List<string>();
            foreach (var (term, negative) in terms)
            {
                if (term.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => SymbolEqualityComparer.Default.Equals(r.Local, counter))
                    || Render(term, lane) is not { } text)
                {
                    return null;
                }

                // Integer addition wraps associatively: only a subtracted sum, or a negated first term, needs parentheses.
                int context = !negative ? -1 : parts.Count == 0 ? 1 : 0;
                parts.Add((parts.Count == 0 ? (negative ? "-" : string.Empty) : (negative ? " - " : " + ")) + Wrap(text, context));
            }

            string start = string.Concat(parts);
            string key = reference + "\n" + start;
            if (!names.TryGetValue(key, out string? name))
            {
                name = UniqueName(reference.TrimStart('_').Replace("ref_", string.Empty) + "_row");
                names[key] = name;
                declarations.Add($"ref {arrayType.ElementType.ToDisplayString(CaptureAnalysis.TypeFormat)} {name} = ref {UncheckedIndexing.UnsafeAdd}(ref {reference}, {start});");
            }

            return $"{UncheckedIndexing.UnsafeAdd}(ref {name}, {position})";
        }
    }
}
