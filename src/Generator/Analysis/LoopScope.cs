using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// The variables of one candidate loop: which are private to an iteration (declared in the body), which come from outside
/// (captured), which vary inside the loop; the ranges of inner loop variables; and the translation of index expressions into
/// <see cref="AffineForm"/>s over them.
/// </summary>
internal sealed class LoopScope
{
    /// <summary>The atom that stands for the parallel loop's own position (its variable, or a foreach's hidden index).</summary>
    public const string IndexAtom = "$i";

    private readonly Dictionary<ISymbol, string> _atoms = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, string> _expressionAtoms = new();
    private readonly Dictionary<string, (AffineForm From, AffineForm To)> _ranges = new();
    private readonly Dictionary<ILocalSymbol, int> _privateWrites = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, IOperation> _singleAssignments = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _capturedWritten = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _building = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _varying = new();
    private readonly List<LoopShape> _innerForLoops = new();

    public LoopScope(LoopShape loop, SemanticModel model, KnownSymbols known, CancellationToken cancellationToken)
    {
        Loop = loop;
        Model = model;
        Known = known;
        CancellationToken = cancellationToken;
        BodySpan = loop.BodySyntax.Span;
        Names = GeneratedNames.For(loop.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)loop.Syntax);
        if (loop.Index is not null)
        {
            _atoms[loop.Index] = IndexAtom;
        }

        Operations = loop.Body is null ? new List<IOperation>() : loop.Body.DescendantsAndSelf().ToList();
        foreach (IOperation operation in Operations)
        {
            NoteWrite(operation);
        }

        foreach (ForStatementSyntax inner in loop.BodySyntax.DescendantNodesAndSelf().OfType<ForStatementSyntax>())
        {
            LoopShape shape = LoopShape.Read(inner, model, known, cancellationToken);
            _innerForLoops.Add(shape);
            NoteInnerLoop(shape);
        }

        foreach (CommonForEachStatementSyntax inner in loop.BodySyntax.DescendantNodesAndSelf().OfType<CommonForEachStatementSyntax>())
        {
            LoopShape shape = LoopShape.Read(inner, model, known, cancellationToken);
            if (shape.Kind == LoopKind.Prange)
            {
                NoteInnerLoop(shape);
            }
        }
    }

    public LoopShape Loop { get; }

    public SemanticModel Model { get; }

    public KnownSymbols Known { get; }

    public CancellationToken CancellationToken { get; }

    public TextSpan BodySpan { get; }

    /// <summary>The names the generated code declares around this loop's body: none is a name the user's method uses.</summary>
    public GeneratedNames Names { get; }

    /// <summary>Every operation of the loop body, lambdas and local functions inside it included.</summary>
    public IReadOnlyList<IOperation> Operations { get; }

    /// <summary>The <c>for</c> loops inside the body (lambdas' included), outermost first.</summary>
    public IReadOnlyList<LoopShape> InnerForLoops => _innerForLoops;

    /// <summary>Variables from outside the loop that the body writes.</summary>
    public IReadOnlyCollection<ISymbol> CapturedWritten => _capturedWritten;

    public bool IsLoopVariable(ISymbol symbol)
        => SymbolEqualityComparer.Default.Equals(symbol, Loop.Index) || SymbolEqualityComparer.Default.Equals(symbol, Loop.Element);

    /// <summary>
    /// Declared inside the loop body, or a parameter of a lambda, local function or query clause there (query range variables are
    /// parameters of compiler-made lambdas, with no declaration of their own): every iteration has its own.
    /// </summary>
    public bool IsPrivate(ISymbol symbol)
        => symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol
            && !IsLoopVariable(symbol)
            && (DeclaredInBody(symbol)
                || symbol.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function && DeclaredInBody(function));

    private bool DeclaredInBody(ISymbol symbol)
        => symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == Loop.Syntax.SyntaxTree && BodySpan.Contains(r.Span));

    /// <summary>A local or parameter declared outside the loop.</summary>
    public bool IsCaptured(ISymbol symbol) => symbol is ILocalSymbol or IParameterSymbol && !IsLoopVariable(symbol) && !IsPrivate(symbol);

    /// <summary>The initializer of a private local that is assigned once, at its declaration, and never written again.</summary>
    public IOperation? SingleAssignment(ILocalSymbol local) => _singleAssignments.TryGetValue(local, out IOperation? value) ? value : null;

    public bool IsInvariant(ISymbol symbol) => symbol switch
    {
        ILocalSymbol or IParameterSymbol when IsCaptured(symbol) => !_capturedWritten.Contains(symbol),
        IFieldSymbol field => field.IsConst || field.IsReadOnly || !WritesField(field),
        _ => false,
    };

    /// <summary>The affine form of an integer expression, or <see langword="null"/> when it varies in a way the analysis cannot follow.</summary>
    public AffineForm? FormOf(IOperation operation)
    {
        operation = Unwrap(operation);
        if (LoopShape.ConstantOf(operation) is long constant)
        {
            return AffineForm.Const(constant);
        }

        switch (operation)
        {
            case IBinaryOperation binary:
            {
                AffineForm? left = FormOf(binary.LeftOperand);
                AffineForm? right = left is null ? null : FormOf(binary.RightOperand);
                if (left is not null && right is not null)
                {
                    switch (binary.OperatorKind)
                    {
                        case BinaryOperatorKind.Add:
                            return left.Add(right);
                        case BinaryOperatorKind.Subtract:
                            return left.Subtract(right);
                        case BinaryOperatorKind.Multiply:
                            return left.Multiply(right);
                    }
                }

                break;
            }

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus:
                return FormOf(minus.Operand)?.Negate();
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return FormOf(plus.Operand);
            case ILocalReferenceOperation local when _atoms.TryGetValue(local.Local, out string? atom):
                return AffineForm.Atom(atom);
            case ILocalReferenceOperation local when IsPrivate(local.Local):
                return FormOfPrivate(local.Local);
            case IParameterReferenceOperation parameter when IsPrivate(parameter.Parameter):
                // A parameter of a lambda in the body (Parallel.For(0, n, j => b[j] = …)) takes values the analysis cannot
                // bound, like an inner loop variable without a range.
                return AffineForm.Atom(VaryingAtom(parameter.Parameter));
        }

        return IsLoopInvariant(operation) ? AffineForm.Atom(AtomForExpression(operation)) : null;
    }

    /// <summary>The range <c>[From, To)</c> of an inner loop variable's atom.</summary>
    public bool TryGetRange(string atom, out AffineForm from, out AffineForm to)
    {
        if (_ranges.TryGetValue(atom, out var range))
        {
            (from, to) = range;
            return true;
        }

        from = to = AffineForm.Const(0);
        return false;
    }

    /// <summary>Whether an atom stands for something that changes inside the loop (the index, an inner loop variable).</summary>
    public bool IsVarying(string atom) => atom == IndexAtom || _ranges.ContainsKey(atom) || _varying.Contains(atom);

    private string VaryingAtom(ISymbol symbol)
    {
        string atom = AtomFor(symbol);
        _varying.Add(atom);
        return atom;
    }

    /// <summary>Whether the value of <paramref name="operation"/> is the same in every iteration.</summary>
    public bool IsLoopInvariant(IOperation operation)
    {
        foreach (IOperation node in operation.DescendantsAndSelf())
        {
            switch (node)
            {
                case ILocalReferenceOperation local when !IsInvariant(local.Local):
                case IParameterReferenceOperation parameter when !IsInvariant(parameter.Parameter):
                case IFieldReferenceOperation field when !IsInvariant(field.Field):
                case IInvocationOperation:
                case IArrayElementReferenceOperation:
                case IPropertyReferenceOperation { Property.IsIndexer: true }:
                case IIncrementOrDecrementOperation:
                case IAssignmentOperation:
                    if (node is IInvocationOperation invocation && IsPureSizeQuery(invocation) && invocation.Instance is { } instance && IsLoopInvariant(instance))
                    {
                        continue;
                    }

                    return false;
            }
        }

        return true;
    }

    private static bool IsPureSizeQuery(IInvocationOperation invocation)
        => invocation.TargetMethod.Name is "GetLength" or "GetLongLength" or "GetUpperBound" or "GetLowerBound"
            && invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_Array;

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion when IsIntegral(conversion.Type) && IsIntegral(conversion.Operand.Type):
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static bool IsIntegral(ITypeSymbol? type) => type?.SpecialType is
        SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_IntPtr or SpecialType.System_Int16
        or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32
        or SpecialType.System_UInt64 or SpecialType.System_UIntPtr or SpecialType.System_Char;

    private AffineForm? FormOfPrivate(ILocalSymbol local)
    {
        IOperation? value = SingleAssignment(local);
        if (value is null || !_building.Add(local))
        {
            return null;
        }

        try
        {
            return FormOf(value);
        }
        finally
        {
            _building.Remove(local);
        }
    }

    private string AtomForExpression(IOperation operation)
    {
        ISymbol? symbol = operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            _ => null,
        };
        if (symbol is not null)
        {
            return AtomFor(symbol);
        }

        string text = ((CSharpSyntaxNode)operation.Syntax).WithoutTrivia().ToString();
        if (!_expressionAtoms.TryGetValue(text, out string? atom))
        {
            atom = "$e" + _expressionAtoms.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _expressionAtoms[text] = atom;
        }

        return atom;
    }

    private string AtomFor(ISymbol symbol)
    {
        if (!_atoms.TryGetValue(symbol, out string? atom))
        {
            atom = symbol.Name + "#" + _atoms.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _atoms[symbol] = atom;
        }

        return atom;
    }

    private void NoteWrite(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Symbol: { } local } declarator:
                if (declarator.GetVariableInitializer() is { } initializer && local.RefKind == RefKind.None)
                {
                    _singleAssignments[local] = initializer.Value;
                }

                _privateWrites[local] = _privateWrites.TryGetValue(local, out int n) ? n + 1 : 1;
                return;
            case ILocalReferenceOperation local when ValueUsage.Of(local).IsWrite():
                if (IsCaptured(local.Local))
                {
                    _capturedWritten.Add(local.Local);
                }
                else
                {
                    _singleAssignments.Remove(local.Local);
                }

                return;
            case IParameterReferenceOperation parameter when ValueUsage.Of(parameter).IsWrite() && IsCaptured(parameter.Parameter):
                _capturedWritten.Add(parameter.Parameter);
                return;
        }
    }

    private void NoteInnerLoop(LoopShape inner)
    {
        if (!inner.IsCanonical || inner.Index is null || inner.To is null)
        {
            return;
        }

        string atom = AtomFor(inner.Index);
        AffineForm? from = inner.From is null ? AffineForm.Const(0) : FormOf(inner.From);
        AffineForm? to = FormOf(inner.To);
        if (from is null || to is null)
        {
            return;
        }

        if (inner.Bound == BoundKind.LessOrEqual)
        {
            to = to.Add(AffineForm.Const(1));
        }

        _ranges[atom] = (from, to);
    }

    private bool WritesField(IFieldSymbol field)
        => Operations.OfType<IFieldReferenceOperation>().Any(f => SymbolEqualityComparer.Default.Equals(f.Field, field) && ValueUsage.Of(f).IsWrite());
}
