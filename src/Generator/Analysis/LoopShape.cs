using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>How a loop walks its iterations, when it is in a form the generator can partition.</summary>
internal enum LoopKind
{
    /// <summary><c>for (int|long|nint i = a; i &lt; b | i &lt;= b | i != b; i++ | i += c)</c>.</summary>
    For,

    /// <summary><c>foreach (var i in Prange.Range(a, b[, c]))</c>.</summary>
    Prange,

    /// <summary><c>foreach (var x in array)</c> over a one-dimensional array.</summary>
    ForeachArray,

    /// <summary><c>foreach ([ref] var x in span)</c> over a <c>Span&lt;T&gt;</c> or <c>ReadOnlySpan&lt;T&gt;</c>.</summary>
    ForeachSpan,
}

/// <summary>The comparison that ends a counting loop.</summary>
internal enum BoundKind
{
    Less,
    LessOrEqual,
    NotEqual,
}

/// <summary>
/// A loop statement read into its parts: kind, loop variable, bounds and step. <see cref="Problem"/> says why a loop is not
/// in a form that can be partitioned (a <c>while</c> loop, a non-constant step …); such a loop can still contain one that is.
/// </summary>
/// <remarks>Analysis-internal: holds symbols and operations, never enters the incremental pipeline.</remarks>
internal sealed class LoopShape
{
    private LoopShape(StatementSyntax syntax, ILoopOperation? operation)
    {
        Syntax = syntax;
        Operation = operation;
    }

    public StatementSyntax Syntax { get; }

    public ILoopOperation? Operation { get; }

    public LoopKind Kind { get; private set; }

    /// <summary>Why the loop cannot be partitioned, or <see langword="null"/> when it can.</summary>
    public string? Problem { get; private set; }

    public bool IsCanonical => Problem is null;

    /// <summary>The counting variable (<c>for</c>, <c>Prange</c>); <see langword="null"/> for element loops.</summary>
    public ILocalSymbol? Index { get; private set; }

    /// <summary>The <c>foreach</c> iteration variable of an element loop.</summary>
    public ILocalSymbol? Element { get; private set; }

    /// <summary><c>int</c>, <c>long</c> or <c>nint</c>.</summary>
    public string IndexType { get; private set; } = "int";

    public IOperation? From { get; private set; }

    public IOperation? To { get; private set; }

    public BoundKind Bound { get; private set; }

    /// <summary>The step when it is a compile-time constant.</summary>
    public long? ConstantStep { get; private set; }

    /// <summary>The step expression of a <c>Prange.Range(a, b, step)</c> that is not constant.</summary>
    public IOperation? StepOperation { get; private set; }

    /// <summary>The array or span a <c>foreach</c> walks.</summary>
    public IOperation? Collection { get; private set; }

    public IOperation? Body => Operation?.Body;

    public StatementSyntax BodySyntax => Syntax switch
    {
        ForStatementSyntax f => f.Statement,
        CommonForEachStatementSyntax f => f.Statement,
        WhileStatementSyntax w => w.Statement,
        DoStatementSyntax d => d.Statement,
        _ => Syntax,
    };

    /// <summary>The loop's header as written, for messages: <c>for (int i = 0; i &lt; n; i++)</c>.</summary>
    public string Header => HeaderOf(Syntax);

    /// <summary>The header's location: from the keyword to the closing parenthesis.</summary>
    public Location HeaderLocation => Location.Create(Syntax.SyntaxTree, HeaderSpan(Syntax));

    public static bool IsLoop(SyntaxNode node)
        => node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    public static string HeaderOf(StatementSyntax loop)
    {
        return CollapseWhitespace(loop.SyntaxTree.GetText().ToString(HeaderSpan(loop)));
    }

    private static readonly char[] Whitespace = { ' ', '\t', '\r', '\n' };

    /// <summary>Source text on one line: runs of whitespace become one space.</summary>
    public static string CollapseWhitespace(string text)
        => string.Join(" ", text.Split(Whitespace, System.StringSplitOptions.RemoveEmptyEntries));

    public static Microsoft.CodeAnalysis.Text.TextSpan HeaderSpan(StatementSyntax loop) => loop switch
    {
        ForStatementSyntax f => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(f.ForKeyword.SpanStart, f.CloseParenToken.Span.End),
        CommonForEachStatementSyntax f => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(
            f.AwaitKeyword.IsKind(SyntaxKind.None) ? f.ForEachKeyword.SpanStart : f.AwaitKeyword.SpanStart, f.CloseParenToken.Span.End),
        WhileStatementSyntax w => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(w.WhileKeyword.SpanStart, w.CloseParenToken.Span.End),
        DoStatementSyntax d => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(d.WhileKeyword.SpanStart, d.CloseParenToken.Span.End),
        _ => loop.Span,
    };

    public static LoopShape Read(StatementSyntax loop, SemanticModel model, KnownSymbols known, System.Threading.CancellationToken cancellationToken)
    {
        var operation = model.GetOperation(loop, cancellationToken) as ILoopOperation;
        var shape = new LoopShape(loop, operation);
        shape.Problem = operation switch
        {
            null => "the loop has errors",
            IForLoopOperation forLoop => shape.ReadFor(forLoop),
            IForEachLoopOperation forEach => shape.ReadForEach(forEach, known),
            IWhileLoopOperation { ConditionIsTop: true } => "a 'while' loop has no iteration count known before it starts",
            IWhileLoopOperation => "a 'do' loop has no iteration count known before it starts",
            _ => "not a counted loop",
        };
        if (shape.Problem is null && shape.Index is not null && shape.Kind == LoopKind.For && shape.WritesIndex())
        {
            shape.Problem = $"the body writes the loop variable '{shape.Index.Name}', so the iteration count is not known before the loop starts";
        }

        return shape;
    }

    private string? ReadFor(IForLoopOperation loop)
    {
        Kind = LoopKind.For;
        var declarators = loop.Before
            .OfType<IVariableDeclarationGroupOperation>()
            .SelectMany(g => g.Declarations)
            .SelectMany(d => d.Declarators)
            .ToArray();
        if (declarators.Length != 1 || loop.Before.Length != 1)
        {
            return "the loop must declare exactly one loop variable (for (int i = a; …))";
        }

        IVariableDeclaratorOperation declarator = declarators[0];
        Index = declarator.Symbol;
        string? indexType = IndexTypeName(Index.Type);
        if (indexType is null)
        {
            return $"the loop variable '{Index.Name}' is a {Index.Type.ToDisplayString()}; it must be int, long or nint";
        }

        IndexType = indexType;
        From = declarator.GetVariableInitializer()?.Value;
        if (From is null)
        {
            return $"the loop variable '{Index.Name}' has no initial value";
        }

        return ReadCondition(loop.Condition) ?? ReadIncrement(loop.AtLoopBottom);
    }

    private string? ReadCondition(IOperation? condition)
    {
        if (condition is not IBinaryOperation binary)
        {
            return "the loop condition must compare the loop variable with a bound (i < b, i <= b or i != b)";
        }

        bool indexOnLeft = IsIndex(binary.LeftOperand);
        bool indexOnRight = IsIndex(binary.RightOperand);
        BinaryOperatorKind kind = binary.OperatorKind;
        if (indexOnRight && !indexOnLeft)
        {
            kind = kind switch
            {
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                BinaryOperatorKind.NotEquals => BinaryOperatorKind.NotEquals,
                _ => BinaryOperatorKind.None,
            };
        }
        else if (!indexOnLeft)
        {
            return $"the loop condition '{condition.Syntax}' does not compare the loop variable '{Index!.Name}' with a bound";
        }

        To = indexOnLeft ? binary.RightOperand : binary.LeftOperand;
        switch (kind)
        {
            case BinaryOperatorKind.LessThan:
                Bound = BoundKind.Less;
                return null;
            case BinaryOperatorKind.LessThanOrEqual:
                Bound = BoundKind.LessOrEqual;
                return null;
            case BinaryOperatorKind.NotEquals:
                Bound = BoundKind.NotEqual;
                return null;
            default:
                return $"the loop condition '{condition.Syntax}' must be i < b, i <= b or i != b (the loop must count up)";
        }
    }

    private string? ReadIncrement(System.Collections.Immutable.ImmutableArray<IOperation> atBottom)
    {
        if (atBottom.Length != 1)
        {
            return "the loop must have exactly one increment (i++ or i += c)";
        }

        IOperation increment = atBottom[0] is IExpressionStatementOperation statement ? statement.Operation : atBottom[0];
        long? step = increment switch
        {
            IIncrementOrDecrementOperation { Kind: OperationKind.Increment } inc when IsIndex(inc.Target) => 1,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } add when IsIndex(add.Target) => ConstantOf(add.Value),
            ISimpleAssignmentOperation { Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum } assign
                when IsIndex(assign.Target) && IsIndex(sum.LeftOperand) => ConstantOf(sum.RightOperand),
            ISimpleAssignmentOperation { Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum } assign
                when IsIndex(assign.Target) && IsIndex(sum.RightOperand) => ConstantOf(sum.LeftOperand),
            _ => null,
        };

        if (step is null or <= 0)
        {
            return $"the increment '{increment.Syntax}' must be i++, ++i or i += c with c a positive constant";
        }

        if (Bound == BoundKind.NotEqual && step != 1)
        {
            return $"a loop ending at 'i != b' must step by 1 (with step {step} it may never reach b)";
        }

        ConstantStep = step;
        return null;
    }

    private string? ReadForEach(IForEachLoopOperation loop, KnownSymbols known)
    {
        if (loop.IsAsynchronous)
        {
            return "an 'await foreach' loop cannot be partitioned";
        }

        IOperation collection = Strip(loop.Collection);
        if (loop.LoopControlVariable is not IVariableDeclaratorOperation declarator)
        {
            return "a deconstructing 'foreach' cannot be partitioned";
        }

        if (collection is IInvocationOperation invocation
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, known.Prange)
            && invocation.TargetMethod.Name == "Range")
        {
            return ReadPrange(invocation, declarator.Symbol);
        }

        Element = declarator.Symbol;
        Collection = collection;
        From = null;
        ConstantStep = 1;
        Bound = BoundKind.Less;
        if (collection.Type is IArrayTypeSymbol { Rank: 1 })
        {
            Kind = LoopKind.ForeachArray;
            return null;
        }

        if (known.IsSpan(collection.Type))
        {
            Kind = LoopKind.ForeachSpan;
            return null;
        }

        return $"'foreach' over a {collection.Type?.ToDisplayString() ?? "collection"} cannot be partitioned (arrays, spans and Prange.Range can)";
    }

    private string? ReadPrange(IInvocationOperation range, ILocalSymbol variable)
    {
        Kind = LoopKind.Prange;
        Index = variable;
        IndexType = range.TargetMethod.ReturnType.Name == "LongRangeEnumerable" ? "long" : "int";
        Bound = BoundKind.Less;
        var arguments = range.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToArray();
        if (arguments.Length == 1)
        {
            From = null;
            To = arguments[0].Value;
            ConstantStep = 1;
            return null;
        }

        From = arguments[0].Value;
        To = arguments[1].Value;
        IOperation? step = arguments.Length > 2 ? arguments[2].Value : null;
        if (step is null || step.IsImplicit && step.ConstantValue.HasValue)
        {
            ConstantStep = step is null ? 1 : ConstantOf(step);
            return ConstantStep is null or <= 0 ? "the Prange step must be positive" : null;
        }

        ConstantStep = ConstantOf(step);
        if (ConstantStep is null)
        {
            StepOperation = step;
            return null;
        }

        return ConstantStep <= 0 ? $"the Prange step '{step.Syntax}' must be positive" : null;
    }

    private bool WritesIndex()
        => Body is not null && Body.DescendantsAndSelf().OfType<ILocalReferenceOperation>()
            .Any(r => SymbolEqualityComparer.Default.Equals(r.Local, Index) && ValueUsage.Of(r).IsWrite());

    private bool IsIndex(IOperation operation)
        => Strip(operation) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, Index);

    /// <summary>Removes implicit conversions and parentheses, which do not change what an expression denotes here.</summary>
    public static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
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

    public static long? ConstantOf(IOperation operation)
    {
        object? value = operation.ConstantValue.HasValue ? operation.ConstantValue.Value : null;
        return value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            sbyte sb => sb,
            ushort us => us,
            uint ui => ui,
            ulong ul when ul <= long.MaxValue => (long)ul,
            _ => null,
        };
    }

    private static string? IndexTypeName(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_Int32 } => "int",
        { SpecialType: SpecialType.System_Int64 } => "long",
        { SpecialType: SpecialType.System_IntPtr } => "nint",
        _ => null,
    };
}
