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
/// An element the unchecked copy reaches through a row reference, <c>Unsafe.Add(ref Row, k + Offset)</c>, where <c>k</c> is
/// the variable of the innermost loop around the access.
/// </summary>
internal readonly record struct RowAccess(string Row, long Offset);

/// <summary>
/// An innermost loop over array rows computed four (<see langword="double"/>) or eight (<see langword="float"/>) elements at a
/// time in <c>Vector256</c> lanes. Its body is declarations of lane values followed by one of
/// <list type="bullet">
/// <item><c>s += (a[r + k] - b[q + k]) * …</c>: the lanes are added to <c>s</c> one by one, in order, the same additions of
/// the same values as the user's loop (what <c>gcc -O3</c> does with a sum it may not reorder);</item>
/// <item><c>x[r + k] = f(k, a[q + k], …)</c>: each lane computes one element and a vector store writes four (eight) at once
/// (what <c>gcc -O3</c> does with <c>x[i * n + j] = (double)i * j</c>).</item>
/// </list>
/// Lane arithmetic rounds as scalar arithmetic does (C# never contracts <c>a * b + c</c>), the counter's lanes are exact
/// (<c>k</c>, <c>k + 1</c> … converted as the scalar loop converts them), so every element has the user's bits.
/// </summary>
/// <remarks>
/// It runs inside the unchecked copy of a chunk only (<see cref="UncheckedIndexing"/>): every element it loads or stores was
/// checked once for the chunk, and the body can throw nothing. The loop keeps its statements for the elements after the last
/// whole vector, and for machines without 256-bit vectors. A store reads its lanes before it writes them, so a row read
/// 1 to 3 (7) elements behind the row written (<c>x[k] = x[k - 1] * c</c>, or the same array passed twice) would see values
/// the user's loop had already overwritten: the first is refused here, the second checked when the vector loop starts.
/// </remarks>
internal static class LaneLoop
{
    private const string Vector256 = LaneLowering.Vector256;

    /// <summary>
    /// The edits that put the vector loop before <paramref name="loop"/> and start it where the vectors stopped, or
    /// <see langword="null"/> when its body is not declarations of lane values followed by one <c>s += …</c> or one store.
    /// </summary>
    /// <param name="loop">The innermost <c>for</c> loop, counting by 1.</param>
    /// <param name="from">Its first value, as C#.</param>
    /// <param name="end">Its exclusive end, as C# (a <see langword="long"/> or narrower).</param>
    /// <param name="rows">Accesses read or written through a row reference.</param>
    /// <param name="scope">The parallel loop's variables.</param>
    /// <param name="uniqueName">Names a generated local.</param>
    public static IReadOnlyList<(TextSpan Span, string Text)>? Lower(
        LoopShape loop,
        string from,
        string end,
        IReadOnlyDictionary<IArrayElementReferenceOperation, RowAccess> rows,
        LoopScope scope,
        Func<string, string> uniqueName)
    {
        if (loop.Syntax is not ForStatementSyntax { Declaration.Variables.Count: 1 } forLoop || forLoop.Declaration.Variables[0].Initializer is not { } initializer
            || loop.Body is not { } body || loop.Index is not { Type.SpecialType: SpecialType.System_Int32 } counter
            || body.DescendantsAndSelf().Any(o => o is ILoopOperation or IBranchOperation or IReturnOperation or IThrowOperation))
        {
            return null;
        }

        IReadOnlyList<IOperation> statements = body is IBlockOperation block ? block.Operations : new[] { body };
        if (statements.Count == 0 || Result.Of(statements[statements.Count - 1], body, loop, rows) is not { } result)
        {
            return null;
        }

        var lowering = new RowLanes(loop, counter, result.Type, rows, scope, uniqueName);
        var lines = new List<string>();
        foreach (IOperation statement in statements.Take(statements.Count - 1))
        {
            if (statement is not IVariableDeclarationGroupOperation { Declarations.Length: 1 } group || group.Declarations[0].Declarators.Length != 1
                || group.Declarations[0].Declarators[0] is not { Symbol: var local } declarator
                || declarator.GetVariableInitializer() is not { } value || !SymbolEqualityComparer.Default.Equals(local.Type, result.Type)
                || local.RefKind != RefKind.None || lowering.Lanes(value.Value) is not { } lanesOfValue)
            {
                return null;
            }

            string name = lowering.LanesName(local.Name);
            lowering.Locals[local] = name;
            lines.Add($"var {name} = {lanesOfValue};");
        }

        // A row read or written also means the chunk's guard checked this loop's range, so the vector loop's position cannot wrap.
        if (lowering.Lanes(result.Value) is not { } lanesOfResult || !(lowering.ReadsRows || result.Written is not null))
        {
            return null;
        }

        int lanes = lowering.Count;
        string count = lanes.ToString(CultureInfo.InvariantCulture);
        string type = result.Type.ToDisplayString();
        var header = new List<string>();
        var guards = new List<string>();
        if (result.Total is { } total)
        {
            string sum = lowering.LanesName(total.Name);
            lines.Add($"var {sum} = {lanesOfResult};");
            lines.AddRange(Enumerable.Range(0, lanes).Select(l => $"{Identifiers.Escape(total.Name)} += {sum}[{l.ToString(CultureInfo.InvariantCulture)}];"));
            header.Add($"// SIMD: {Identifiers.Escape(total.Name)} += … over {count} elements at a time in Vector256<{type}> lanes, added to {Identifiers.Escape(total.Name)} one by one in order:");
            header.Add("// the additions of the loop below, the same bits. The loop below runs what is left.");
        }
        else
        {
            RowAccess written = result.Written!.Value;
            if (StoreGuards(lowering.Loads, written, lanes, SizeOf(result.Type)) is not { } checks)
            {
                return null;
            }

            guards.AddRange(checks);
            string stored = lowering.LanesName(result.Array);
            lines.Add($"var {stored} = {lanesOfResult};");
            lines.Add($"{Vector256}.StoreUnsafe({stored}, ref {lowering.Element(written)});");
            header.Add($"// SIMD: {result.Array}[…] = … over {count} elements at a time in Vector256<{type}> lanes, one store per {count}: each lane computes");
            header.Add("// its element as the loop below does, the same bits. The loop below runs what is left.");
            if (guards.Count > 0)
            {
                header.Add($"// Not when a row read lies 1 to {(lanes - 1).ToString(CultureInfo.InvariantCulture)} elements behind the row written (an array passed twice): those lanes would miss");
                header.Add("// what the loop below writes just before it reads.");
            }
        }

        return lowering.InsertBefore(loop.Syntax, initializer.Value, lowering.VectorLoop(header, from, end, guards, lines));
    }

    /// <summary>
    /// What the vector loop checks before it stores: for each row read through another reference than the row written, that
    /// the written row does not start 1 to <c>lanes - 1</c> elements after it (a byte offset from the read to the written
    /// element outside <c>(0, lanes · size)</c>). <see langword="null"/> when a read of the written row itself lies so behind.
    /// </summary>
    private static List<string>? StoreGuards(IEnumerable<RowAccess> loads, RowAccess written, int lanes, int size)
    {
        var guards = new List<string>();
        foreach (RowAccess load in loads.Distinct())
        {
            long behind = written.Offset - load.Offset;
            if (load.Row == written.Row)
            {
                if (behind > 0 && behind < lanes)
                {
                    return null;
                }

                continue;
            }

            string low = (-behind * size).ToString(CultureInfo.InvariantCulture);
            string high = ((lanes - behind) * size).ToString(CultureInfo.InvariantCulture);
            string guard = $"global::System.Runtime.CompilerServices.Unsafe.ByteOffset(ref {load.Row}, ref {written.Row}) is not (> {low} and < {high})";
            if (!guards.Contains(guard))
            {
                guards.Add(guard);
            }
        }

        return guards;
    }

    private static int SizeOf(ITypeSymbol type) => type.SpecialType == SpecialType.System_Double ? 8 : 4;

    /// <summary>What the loop's last statement makes of the lanes: a sum (<see cref="Total"/>) or a store (<see cref="Written"/>).</summary>
    /// <param name="Type">The lanes' element type.</param>
    /// <param name="Value">The value added or stored.</param>
    /// <param name="Total">The sum's variable, for a sum.</param>
    /// <param name="Written">The row written, for a store.</param>
    /// <param name="Array">The array stored to, as the user wrote it.</param>
    private sealed record Result(ITypeSymbol Type, IOperation Value, ILocalSymbol? Total, RowAccess? Written, string Array)
    {
        public static Result? Of(IOperation statement, IOperation body, LoopShape loop, IReadOnlyDictionary<IArrayElementReferenceOperation, RowAccess> rows)
        {
            switch (statement)
            {
                case IExpressionStatementOperation
                {
                    Operation: ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null, Target: ILocalReferenceOperation { Local: var total } } update,
                }
                when LaneLowering.LaneCount(total.Type) is not null && !UncheckedIndexing.DeclaredInside(total, loop.Syntax)
                    && body.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Count(r => SymbolEqualityComparer.Default.Equals(r.Local, total)) == 1:
                    return new Result(total.Type, update.Value, total, null, string.Empty);
                case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { IsRef: false, Target: IArrayElementReferenceOperation { Type: { } type } target } store }
                when LaneLowering.LaneCount(type) is not null && rows.TryGetValue(target, out RowAccess written):
                    return new Result(type, store.Value, null, written, target.ArrayReference.Syntax.ToString());
                default:
                    return null;
            }
        }
    }

    /// <summary>Lanes of consecutive elements: a row's element <c>k + c</c> for the counter <c>k</c>, one vector load per row.</summary>
    private sealed class RowLanes : LaneLowering
    {
        private readonly IReadOnlyDictionary<IArrayElementReferenceOperation, RowAccess> _rows;

        public RowLanes(LoopShape loop, ILocalSymbol counter, ITypeSymbol type, IReadOnlyDictionary<IArrayElementReferenceOperation, RowAccess> rows, LoopScope scope, Func<string, string> uniqueName)
            : base(loop, counter, type, scope, uniqueName)
        {
            _rows = rows;
        }

        /// <summary>Whether some lane value reads a row.</summary>
        public bool ReadsRows => Loads.Count > 0;

        /// <summary>The rows read.</summary>
        public List<RowAccess> Loads { get; } = new();

        protected override string? Load(IArrayElementReferenceOperation element)
        {
            if (!_rows.TryGetValue(element, out RowAccess row))
            {
                return null;
            }

            Loads.Add(row);
            return $"{Vector256}.LoadUnsafe(ref {Element(row)})";
        }
    }
}
