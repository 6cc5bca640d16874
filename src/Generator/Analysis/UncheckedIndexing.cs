using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Moves the bounds checks of a loop nest's array accesses to the start of each chunk. An access <c>a[e]</c> qualifies when
/// <c>a</c> is an array of a value type from outside the loop that the loop never assigns, and <c>e</c> an <see langword="int"/>
/// expression of loop variables and unchanging integers built with <c>+</c>, <c>-</c> and <c>*</c>. Each loop variable gets
/// its range over the chunk (<c>AutoParallel.IndexRange</c>), each index the range its expression gives, and the chunk runs a
/// copy of the body that reads and writes through <c>ref</c>s, with no check per element, only when every index lies inside
/// its array; otherwise it runs as written, and throws where the user's loop would.
/// </summary>
/// <remarks>
/// <para>Why this is sound: the guard computes the ranges exactly (in <see langword="long"/>; a range that leaves
/// <see langword="int"/> fails), so a passed check means every value the user's expression and each of its parts can take is
/// in range, and the <see langword="int"/> arithmetic of the copy, which keeps the user's expressions, never wraps.</para>
/// <para>An index <c>base + k</c>, <c>k</c> the innermost loop's variable and <c>base</c> unchanged in that loop (a row
/// <c>i * n</c>), goes through a <c>ref</c> to the row taken once before the loop: <c>Unsafe.Add(ref __x_row0, k)</c>. The
/// JIT neither removes the check of a flattened <c>a[i * n + j]</c> nor moves its <c>i * n</c> out of the loop; together the
/// two make a nest of such loops run about as fast as the same loop in C.</para>
/// </remarks>
internal sealed class UncheckedIndexing
{
    /// <summary>The most distinct checks one chunk makes; further accesses keep their bounds checks.</summary>
    public const int MaxChecks = 16;

    private const string RangeType = "global::AutoParallel.IndexRange";

    /// <summary><c>Unsafe.Add</c>, fully qualified: how the unchecked copy reaches an element.</summary>
    internal const string UnsafeAdd = "global::System.Runtime.CompilerServices.Unsafe.Add";

    private readonly LoopScope _scope;
    private readonly HashSet<string> _reductions;
    private readonly Dictionary<ILocalSymbol, Counter> _counters = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxNode, Counter> _counterLoops = new();
    /// <summary>Names in use: the body's identifiers and the generated ones so far.</summary>
    private readonly HashSet<string> _names = new();
    private readonly Dictionary<ISymbol, ArrayUse> _arrays = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<(SyntaxNode Loop, string Array, string Row), string> _rows = new();
    private readonly List<(TextSpan Span, string Text)> _edits = new();
    private readonly HashSet<ILocalSymbol> _substituting = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IArrayElementReferenceOperation, RowAccess> _rowAccesses = new();
    /// <summary>Every access the chunk checks, with the reference to its array's first element.</summary>
    private readonly Dictionary<IArrayElementReferenceOperation, string> _references = new();
    private readonly bool _mayHoist;
    /// <summary>Loops <see cref="OpenBlock"/> has put braces around.</summary>
    private readonly HashSet<SyntaxNode> _braced = new();
    private int _checks;

    private UncheckedIndexing(LoopScope scope, IEnumerable<string> reductions)
    {
        _scope = scope;
        _reductions = new HashSet<string>(reductions);

        // Generated names must not shadow the body's own: they start taken (read once, not per name).
        _names.UnionWith(scope.Loop.BodySyntax.DescendantTokens().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)).Select(t => t.ValueText));

        // A goto could jump over a row's declaration to a use of it.
        _mayHoist = !scope.Loop.BodySyntax.DescendantNodes().OfType<LabeledStatementSyntax>().Any();
    }

    /// <summary>Declarations of the loop variables' ranges, outermost first: <c>IndexRange __range_j = IndexRange.Counter(0, n, 1);</c>.</summary>
    public IReadOnlyList<string> Ranges => _counters.Values.Where(c => c.Used).OrderBy(c => c.Order).Select(c => c.Declaration).ToList();

    /// <summary>What must hold for the unchecked copy to run: <c>(__range_i * d + __range_k).IsWithin(x)</c>, … (false for a null array).</summary>
    public IReadOnlyList<string> Conditions => _arrays.Values.OrderBy(a => a.Order).SelectMany(a => a.Conditions).ToList();

    /// <summary>One <c>ref</c> to element 0 per array: <c>ref double __ref_x = ref MemoryMarshal.GetArrayDataReference(x);</c>.</summary>
    public IReadOnlyList<string> References => _arrays.Values.OrderBy(a => a.Order).Select(a => a.Declaration).ToList();

    /// <summary>The edits that turn the body into the unchecked copy (accesses through <c>ref</c>s, rows declared before loops).</summary>
    public IReadOnlyList<(TextSpan Span, string Text)> Edits => _edits;

    /// <summary>
    /// The unchecked copy of a counting loop's body, or <see langword="null"/> when no access inside an inner loop qualifies
    /// (a flat loop's one check per element is not worth a second copy of its body).
    /// </summary>
    public static UncheckedIndexing? Find(LoopScope scope, IEnumerable<string> reductions)
    {
        LoopShape loop = scope.Loop;
        if (loop.Kind is not (LoopKind.For or LoopKind.Prange) || loop.Index is not { Type.SpecialType: SpecialType.System_Int32 } index
            || loop.Body is null)
        {
            return null;
        }

        var analysis = new UncheckedIndexing(scope, reductions);
        GeneratedNames names = scope.Names;
        string step = loop.ConstantStep?.ToString(CultureInfo.InvariantCulture) ?? names.Step;
        analysis.AddCounter(index, names.From, names.To, step, loop.Syntax, new List<Counter>());
        analysis.AddInnerCounters();
        bool inInnerLoop = false;
        foreach (IArrayElementReferenceOperation access in loop.Body.DescendantsAndSelf().OfType<IArrayElementReferenceOperation>())
        {
            if (analysis._checks < MaxChecks && analysis.TryAdd(access))
            {
                inInnerLoop |= analysis.InnermostLoop(access.Syntax) != loop.Syntax;
            }
        }

        if (!inInnerLoop)
        {
            return null;
        }

        foreach (Counter counter in analysis._counters.Values.Where(c => c.Inner is not null))
        {
            var (shape, first, end) = counter.Inner!.Value;
            if (shape.ConstantStep != 1 || !analysis.CanInsertBefore(shape.Syntax))
            {
                continue;
            }

            bool innermost = !shape.BodySyntax.DescendantNodes().Any(LoopShape.IsLoop);
            if ((innermost
                    ? LaneLoop.Lower(shape, first, end, analysis._rowAccesses, scope, analysis.UniqueName)
                    : OuterLaneLoop.Lower(shape, first, end, analysis._rowAccesses, analysis._references, scope, analysis.UniqueName)) is { } edits)
            {
                analysis.OpenBlock(shape.Syntax);
                analysis._edits.AddRange(edits);
            }
        }

        return analysis;
    }

    /// <summary>The inner <c>for</c> loops counting up by a constant to a bound that does not change, outermost first.</summary>
    private void AddInnerCounters()
    {
        foreach (LoopShape shape in _scope.InnerForLoops)
        {
            if (InsideFunction(shape.Syntax))
            {
                continue;
            }

            if (!shape.IsCanonical || shape.Kind != LoopKind.For || shape.Index is not { Type.SpecialType: SpecialType.System_Int32 } index
                || shape.Bound == BoundKind.NotEqual || shape.ConstantStep is not (>= 1 and <= int.MaxValue) || shape.From is null || shape.To is null)
            {
                continue;
            }

            var bounds = new List<Counter>();
            Term? from = TermOf(shape.From, bounds);
            Term? to = TermOf(shape.To, bounds);
            if (from is null || to is null)
            {
                continue;
            }

            // Plain integers become ranges where Counter is called. i <= b ends below b + 1, added as ranges, so that
            // b = int.MaxValue (a loop that never ends) fails the check instead of wrapping.
            string end = shape.Bound != BoundKind.LessOrEqual ? to.Range : AsRange(to, Precedence.Additive) + " + 1";
            AddCounter(index, from.Range, end, shape.ConstantStep.Value.ToString(CultureInfo.InvariantCulture), shape.Syntax, bounds);
            _counters[index].Inner = (shape, from.Plain, shape.Bound == BoundKind.LessOrEqual ? $"(long)({to.Plain}) + 1" : to.Plain);
        }
    }

    private void AddCounter(ILocalSymbol index, string from, string to, string step, SyntaxNode loop, List<Counter> bounds)
    {
        string name = UniqueName(_scope.Names.Of("range_" + index.Name));
        var counter = new Counter(index, name, $"{RangeType} {name} = {RangeType}.Counter({from}, {to}, {step});", _counters.Count, loop, bounds);
        _counters[index] = counter;
        _counterLoops[loop] = counter;
    }

    private bool TryAdd(IArrayElementReferenceOperation access)
    {
        if (access.Indices.Length != 1 || access.Syntax is not ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax, ArgumentList.Arguments.Count: 1 } syntax
            || InsideFunction(syntax) || access.Parent is IAddressOfOperation || access.Indices[0].Type?.SpecialType != SpecialType.System_Int32)
        {
            return false;
        }

        ISymbol? array = InvariantVariable(access.ArrayReference);
        if (array is null || _reductions.Contains(array.Name)
            || access.ArrayReference.Type is not IArrayTypeSymbol { IsSZArray: true, ElementType.IsValueType: true } arrayType)
        {
            return false;
        }

        var used = new List<Counter>();
        Term? index = TermOf(access.Indices[0], used);
        if (index is null)
        {
            return false;
        }

        string name = CaptureAnalysis.NameOf(array, _scope.Names);
        string elementType = arrayType.ElementType.ToDisplayString(CaptureAnalysis.TypeFormat);
        if (!_arrays.TryGetValue(array, out ArrayUse? use))
        {
            string reference = UniqueName(_scope.Names.Of("ref_" + name.TrimStart('@')));
            use = new ArrayUse(
                name,
                reference,
                $"ref {elementType} {reference} = ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference({name}!);",
                _arrays.Count);
            _arrays[array] = use;
        }

        Check(use, index);
        used.ForEach(c => c.MarkUsed());
        _references[access] = use.Reference;
        if (!TryHoist(access, syntax, use, elementType))
        {
            // x[e] → Unsafe.Add(ref __ref_x, e): the index as the user wrote it (widened to int as the indexer would).
            string widen = access.Indices[0] is IConversionOperation ? "(int)(" : string.Empty;
            _edits.Add((TextSpan.FromBounds(syntax.SpanStart, syntax.ArgumentList.OpenBracketToken.Span.End), $"{UnsafeAdd}(ref {use.Reference}, {widen}"));
            _edits.Add((syntax.ArgumentList.CloseBracketToken.Span, widen.Length > 0 ? "))" : ")"));
        }

        return true;
    }

    /// <summary>
    /// <c>x[base + k]</c> inside the loop over <c>k</c>, <c>base</c> unchanged in it: a <c>ref</c> to the row is declared just
    /// before that loop, and the access becomes <c>Unsafe.Add(ref __x_row0, k)</c>. The row must itself lie inside the array.
    /// </summary>
    private bool TryHoist(IArrayElementReferenceOperation access, ElementAccessExpressionSyntax syntax, ArrayUse use, string elementType)
    {
        SyntaxNode loop = InnermostLoop(syntax);
        if (!_counterLoops.TryGetValue(loop, out Counter? counter) || loop == _scope.Loop.Syntax || !CanInsertBefore(loop))
        {
            return false;
        }

        var terms = new List<(IOperation Term, bool Negative)>();
        Flatten(access.Indices[0], false, terms);
        int found = terms.FindIndex(t => !t.Negative && LoopShape.Strip(t.Term) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, counter.Symbol));
        if (found < 0)
        {
            return false;
        }

        terms.RemoveAt(found);

        // Constants stay with the loop variable (x[i * n + j - 1] reads Unsafe.Add(ref row, j - 1)), so a stencil's row is i * n.
        long offset = terms.Sum(t => LoopShape.ConstantOf(t.Term) is long c ? (t.Negative ? -c : c) : 0);
        terms.RemoveAll(t => LoopShape.ConstantOf(t.Term) is not null);
        if (terms.Count == 0 && offset is >= int.MinValue and <= int.MaxValue)
        {
            // x[k + c] itself: the array's own reference is its row.
            _rowAccesses[access] = new RowAccess(use.Reference, offset);
            return false;
        }

        if (terms.Count == 0 || offset is < int.MinValue or > int.MaxValue
            || terms.Any(t => t.Term.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => DeclaredInside(r.Local, loop))))
        {
            return false;
        }

        var used = new List<Counter>();
        Term? row = null;
        foreach (var (operation, negative) in terms)
        {
            Term? term = TermOf(operation, used);
            if (term is null)
            {
                return false;
            }

            row = row is null
                ? (negative ? Negate(term) : term)
                : Combine(row, term, negative ? BinaryOperatorKind.Subtract : BinaryOperatorKind.Add);
        }

        if (!_rows.TryGetValue((loop, use.Reference, row!.Plain), out string? rowName))
        {
            rowName = UniqueName(_scope.Names.Of(use.Name.TrimStart('@') + "_row"));
            _rows[(loop, use.Reference, row.Plain)] = rowName;
            string indent = Indentation(loop);
            string widen = LoopShape.Strip(terms[0].Term).Type?.SpecialType == SpecialType.System_Int32 || terms.Count > 1 ? string.Empty : "(int)";
            OpenBlock(loop);
            _edits.Add((new TextSpan(loop.SpanStart, 0),
                $"ref {elementType} {rowName} = ref {UnsafeAdd}(ref {use.Reference}, {widen}{row.Plain});\n{indent}"));
        }

        // The row's own offset is computed even when the loop does not run: it must be a valid position too.
        Check(use, row);
        used.ForEach(c => c.MarkUsed());
        string position = LaneLowering.Offset(Identifiers.Escape(counter.Symbol.Name), offset);
        _edits.Add((syntax.Span, $"{UnsafeAdd}(ref {rowName}, {position})"));
        _rowAccesses[access] = new RowAccess(rowName, offset);

        return true;
    }

    private void Check(ArrayUse use, Term index)
    {
        string check = AsRange(index, Precedence.Primary) + $".IsWithin({use.Name})";
        if (!use.Conditions.Contains(check))
        {
            use.Conditions.Add(check);
            _checks++;
        }
    }

    /// <summary>The additive terms of an index, <c>i * n + j - 1</c> → <c>i * n</c>, <c>j</c>, <c>-1</c>.</summary>
    internal static void Flatten(IOperation operation, bool negative, List<(IOperation, bool)> terms)
    {
        switch (LoopShape.Strip(operation))
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null } add:
                Flatten(add.LeftOperand, negative, terms);
                Flatten(add.RightOperand, negative, terms);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, OperatorMethod: null } subtract:
                Flatten(subtract.LeftOperand, negative, terms);
                Flatten(subtract.RightOperand, !negative, terms);
                break;
            default:
                terms.Add((operation, negative));
                break;
        }
    }

    /// <summary>
    /// The expression twice: with every loop variable replaced by its range and every operation done on ranges (exactly, never
    /// wrapping), and as plain C# (<see cref="Term.Plain"/>); <see langword="null"/> when the guard cannot bound it.
    /// </summary>
    private Term? TermOf(IOperation operation, List<Counter> used)
    {
        if (!IsIntegerType(operation.Type))
        {
            return null;
        }

        if (LoopShape.ConstantOf(operation) is long constant)
        {
            string text = constant.ToString(CultureInfo.InvariantCulture);
            return new Term(text, text, false, constant < 0 ? Precedence.Unary : Precedence.Primary);
        }

        switch (operation)
        {
            case IConversionOperation { IsImplicit: true, OperatorMethod: null } conversion:
                return TermOf(conversion.Operand, used);
            case IBinaryOperation { OperatorMethod: null } binary when binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply:
                Term? left = TermOf(binary.LeftOperand, used);
                Term? right = left is null ? null : TermOf(binary.RightOperand, used);
                return left is null || right is null ? null : Combine(left, right, binary.OperatorKind);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus, OperatorMethod: null } plus:
                return TermOf(plus.Operand, used);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus, OperatorMethod: null } minus:
                return TermOf(minus.Operand, used) is { } operand ? Negate(operand) : null;
            case ILocalReferenceOperation { Local: var local } when _counters.TryGetValue(local, out Counter? counter):
                if (!counter.Loop.Span.Contains(operation.Syntax.Span))
                {
                    return null;
                }

                used.Add(counter);
                return new Term(counter.Name, Identifiers.Escape(local.Name), true, Precedence.Primary);
            case ILocalReferenceOperation { Local: var local } when _scope.IsPrivate(local):
                return Substitute(local, used);
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { Type: IArrayTypeSymbol } instance }
                when InvariantVariable(instance) is { } array:
                string length = CaptureAnalysis.NameOf(array, _scope.Names) + ".Length";
                return new Term(length, length, false, Precedence.Primary);
            case ILocalReferenceOperation or IParameterReferenceOperation when InvariantVariable(operation) is { } variable:
                string name = CaptureAnalysis.NameOf(variable, _scope.Names);
                return new Term(name, name, false, Precedence.Primary);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>left op right</c> in both forms. Two plain integers would be combined in <see langword="int"/>, where the user's
    /// arithmetic could wrap: in the range form the left one becomes a range first.
    /// </summary>
    private static Term Combine(Term left, Term right, BinaryOperatorKind kind)
    {
        (string symbol, Precedence precedence) = kind == BinaryOperatorKind.Multiply ? ("*", Precedence.Multiplicative)
            : kind == BinaryOperatorKind.Add ? ("+", Precedence.Additive) : ("-", Precedence.Additive);

        // a - (b + c) keeps its parentheses; a * (b * c) needs none.
        bool bareRight = right.Precedence > precedence || (right.Precedence == Precedence.Multiplicative && precedence == Precedence.Multiplicative);
        string Right(string text) => bareRight ? text : "(" + text + ")";
        string leftRange = left.IsRange || right.IsRange ? Parenthesize(left.Range, left.Precedence, precedence) : $"{RangeType}.Of({left.Range})";
        return new Term(
            $"{leftRange} {symbol} {Right(right.Range)}",
            $"{Parenthesize(left.Plain, left.Precedence, precedence)} {symbol} {Right(right.Plain)}",
            true,
            precedence);
    }

    private static Term Negate(Term operand)
        => new("-" + AsRange(operand, Precedence.Unary), "-" + Parenthesize(operand.Plain, operand.Precedence, Precedence.Unary), true, Precedence.Unary);

    /// <summary>A private local assigned once, at its declaration: its initializer stands for it (the body never changes it).</summary>
    private Term? Substitute(ILocalSymbol local, List<Counter> used)
    {
        if (_scope.SingleAssignment(local) is not { } value || !_substituting.Add(local))
        {
            return null;
        }

        try
        {
            Term? term = TermOf(value, used);
            return term is null ? null : new Term(term.Range, Identifiers.Escape(local.Name), term.IsRange, term.Precedence);
        }
        finally
        {
            _substituting.Remove(local);
        }
    }

    /// <summary>The range form as an <c>IndexRange</c>-typed expression that binds at least as tightly as <paramref name="context"/>.</summary>
    private static string AsRange(Term term, Precedence context)
        => term.IsRange ? Parenthesize(term.Range, term.Precedence, context) : $"{RangeType}.Of({term.Range})";

    private static string Parenthesize(string text, Precedence precedence, Precedence context) => precedence >= context ? text : "(" + text + ")";

    /// <summary>A local or parameter from outside the loop that the loop never assigns.</summary>
    private ISymbol? InvariantVariable(IOperation operation)
    {
        ISymbol? symbol = operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        return symbol is not null && _scope.IsCaptured(symbol) && _scope.IsInvariant(symbol) ? symbol : null;
    }

    /// <summary>The nearest loop statement around <paramref name="node"/> (the parallel loop when there is none inside it).</summary>
    private SyntaxNode InnermostLoop(SyntaxNode node)
        => node.Ancestors().TakeWhile(a => a != _scope.Loop.Syntax).FirstOrDefault(LoopShape.IsLoop) ?? _scope.Loop.Syntax;

    /// <summary>
    /// Whether statements can be inserted just before <paramref name="loop"/>: it is in a block (the parallel loop's body is
    /// always written inside braces), or it is another statement's body without braces and starts its line, so that
    /// <see cref="OpenBlock"/> can give it them. Never in a body with labels: a <c>goto</c> could jump over a declaration.
    /// </summary>
    private bool CanInsertBefore(SyntaxNode loop)
        => _mayHoist && (loop.Parent is BlockSyntax || loop.Parent == _scope.Loop.Syntax
            || (loop.Parent is StatementSyntax or ElseClauseSyntax && Indentation(loop).Trim().Length == 0));

    /// <summary>
    /// Puts braces around a loop that is another statement's body without them (<c>for (…) for (…) x[i * n + j] = …;</c>),
    /// once: <c>{</c> on a line of its own at the indentation of the statement's line, <c>}</c> after the loop, whose lines
    /// stay as they are.
    /// </summary>
    private void OpenBlock(SyntaxNode loop)
    {
        if (loop.Parent is BlockSyntax || loop.Parent == _scope.Loop.Syntax || !_braced.Add(loop))
        {
            return;
        }

        SourceText text = loop.SyntaxTree.GetText();
        int lineStart = text.Lines.GetLineFromPosition(loop.SpanStart).Start;
        string indent = Indentation(loop);
        string outer = text.ToString(TextSpan.FromBounds(text.Lines.GetLineFromPosition(loop.Parent!.SpanStart).Start, loop.Parent.SpanStart));
        outer = outer.Substring(0, outer.Length - outer.TrimStart().Length);
        _edits.Add((TextSpan.FromBounds(lineStart, loop.SpanStart), $"{outer}{{\n{indent}"));
        _edits.Add((new TextSpan(loop.Span.End, 0), $"\n{outer}}}"));
    }

    /// <summary>The whitespace before <paramref name="statement"/> on its line: what a statement inserted before it repeats.</summary>
    internal static string Indentation(SyntaxNode statement)
    {
        SourceText text = statement.SyntaxTree.GetText();
        return text.ToString(TextSpan.FromBounds(text.Lines.GetLineFromPosition(statement.SpanStart).Start, statement.SpanStart));
    }

    internal static bool DeclaredInside(ILocalSymbol local, SyntaxNode loop)
        => local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(r.Span));

    private string UniqueName(string name)
    {
        string unique = name;
        for (int k = 1; !_names.Add(unique); k++)
        {
            unique = name + k.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>Integers that widen to <see langword="long"/> without loss.</summary>
    internal static bool IsIntegerType(ITypeSymbol? type) => type?.SpecialType is
        SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_UInt16
        or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Char or SpecialType.System_UInt32;

    /// <summary>Inside a lambda or local function of the body, where a <c>ref</c> local of the chunk cannot be used.</summary>
    private bool InsideFunction(SyntaxNode node)
        => node.Ancestors().TakeWhile(a => a != _scope.Loop.Syntax).Any(LoopSelection.IsFunction);

    private enum Precedence
    {
        Additive,
        Multiplicative,
        Unary,
        Primary,
    }

    /// <param name="Range">The <c>IndexRange</c> form (a plain integer when <paramref name="IsRange"/> is false).</param>
    /// <param name="Plain">The same value as the user's C#, private locals by name.</param>
    /// <param name="IsRange">Whether <paramref name="Range"/> is <c>IndexRange</c>-typed.</param>
    /// <param name="Precedence">How tightly both forms bind.</param>
    private sealed record Term(string Range, string Plain, bool IsRange, Precedence Precedence);

    private sealed class Counter
    {
        private readonly List<Counter> _bounds;

        public Counter(ILocalSymbol symbol, string name, string declaration, int order, SyntaxNode loop, List<Counter> bounds)
        {
            Symbol = symbol;
            Name = name;
            Declaration = declaration;
            Order = order;
            Loop = loop;
            _bounds = bounds;
        }

        public ILocalSymbol Symbol { get; }

        public string Name { get; }

        public string Declaration { get; }

        public int Order { get; }

        /// <summary>The loop statement: the variable has its range only inside it.</summary>
        public SyntaxNode Loop { get; }

        /// <summary>For an inner loop: the loop, its first value and its exclusive end as the user's C#.</summary>
        public (LoopShape Shape, string From, string End)? Inner { get; set; }

        /// <summary>Whether a check uses this range (and so the ranges its bounds depend on).</summary>
        public bool Used { get; private set; }

        public void MarkUsed()
        {
            if (!Used)
            {
                Used = true;
                _bounds.ForEach(b => b.MarkUsed());
            }
        }
    }

    private sealed class ArrayUse
    {
        public ArrayUse(string name, string reference, string declaration, int order)
        {
            Name = name;
            Reference = reference;
            Declaration = declaration;
            Order = order;
        }

        /// <summary>The array's name in the chunk.</summary>
        public string Name { get; }

        public string Reference { get; }

        public string Declaration { get; }

        public int Order { get; }

        public List<string> Conditions { get; } = new();
    }
}
