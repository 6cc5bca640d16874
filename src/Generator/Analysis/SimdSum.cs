using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using AutoParallel.Generator.Model;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Recognises the reduction that is worth SIMD on its own: a loop whose whole body is <c>s += x[i]</c> (or, over an array or
/// span, <c>foreach (var v in x) s += v;</c>), <c>x</c> an array or span of <c>double</c>, <c>float</c>, <c>int</c> or
/// <c>long</c>, <c>s</c> the loop's only reduction. Each chunk then adds its elements in <c>Vector&lt;T&gt;</c> lanes,
/// in an order fixed by the chunk's bounds (see <c>VectorReduction.Sum</c>), so deterministic sums stay deterministic.
/// </summary>
internal static class SimdSum
{
    public static SimdSumModel? Find(LoopAnalysis loop)
    {
        LoopShape shape = loop.Shape;
        if (loop.Fused.Count > 0 || shape.ConstantStep != 1 || shape.IndexType != "int" || loop.Reductions.Count != 1)
        {
            return null;
        }

        ReductionModel reduction = loop.Reductions[0];
        if (reduction.IsArray || reduction.Operator != ReductionOperator.Sum || !IsLaneType(reduction.Type))
        {
            return null;
        }

        if (Single(shape.Body) is not ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, IsChecked: false, OperatorMethod: null } update
            || update.Target is not ILocalReferenceOperation { Local: var total } || total.Name != reduction.Name
            || update.Value.Type?.ToDisplayString() != reduction.Type)
        {
            return null;
        }

        return shape.Kind switch
        {
            LoopKind.For when shape.Bound != BoundKind.NotEqual => Source(update.Value, shape.Index!, reduction.Type),
            LoopKind.ForeachArray or LoopKind.ForeachSpan when shape.Element is { } element
                && update.Value is ILocalReferenceOperation { Local: var read } && SymbolEqualityComparer.Default.Equals(read, element)
                && LoopShape.Strip(shape.Collection!) is ILocalReferenceOperation or IParameterReferenceOperation
                => new SimdSumModel(LoopShape.Strip(shape.Collection!).Syntax.ToString(), reduction.Type, shape.Kind == LoopKind.ForeachSpan),
            _ => null,
        };
    }

    private static bool IsLaneType(string type) => type is "double" or "float" or "int" or "long";

    /// <summary><c>x[i]</c> with <c>x</c> a local or parameter array or span, <c>i</c> the loop variable.</summary>
    private static SimdSumModel? Source(IOperation value, ILocalSymbol index, string type)
    {
        switch (value)
        {
            case IArrayElementReferenceOperation { Indices.Length: 1 } element
                when IsLocalOrParameter(element.ArrayReference) && IsIndex(element.Indices[0], index):
                return new SimdSumModel(element.ArrayReference.Syntax.ToString(), type, false);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                when indexer.Instance is { } span && IsLocalOrParameter(span) && IsSpan(span.Type) && IsIndex(indexer.Arguments[0].Value, index):
                return new SimdSumModel(span.Syntax.ToString(), type, true);
            default:
                return null;
        }
    }

    private static bool IsLocalOrParameter(IOperation operation) => operation is ILocalReferenceOperation or IParameterReferenceOperation;

    private static bool IsIndex(IOperation operation, ILocalSymbol index)
        => operation is ILocalReferenceOperation { Local: var local } && SymbolEqualityComparer.Default.Equals(local, index);

    private static bool IsSpan(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System", ContainingNamespace.ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>The body's only operation, through a block of one statement.</summary>
    private static IOperation? Single(IOperation? body)
    {
        while (body is IBlockOperation { Operations.Length: 1 } block)
        {
            body = block.Operations[0];
        }

        return body is IExpressionStatementOperation statement ? statement.Operation : null;
    }
}
