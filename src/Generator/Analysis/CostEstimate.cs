using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// A rough estimate of one iteration's work, in nanoseconds, from the shape of the body: operations, calls, and inner loops
/// multiplied by their trip counts. The runtime uses it to decide when threads pay off (<c>MinIterations = 0</c>) and how large
/// automatic chunks are. It only needs to be right within a few times, not exactly.
/// </summary>
internal static class CostEstimate
{
    /// <summary>Trip count assumed for an inner loop whose bounds are not constant.</summary>
    private const double UnknownTrips = 16;

    /// <summary>A simple operation (add, compare, load) in nanoseconds, at a few operations per cycle.</summary>
    private const double SimpleOperationNs = 0.5;

    public static double PerIteration(IOperation? body)
    {
        if (body is null)
        {
            return 1;
        }

        return Math.Max(0.25, Math.Round(Of(body) * SimpleOperationNs, 2));
    }

    private static double Of(IOperation operation)
    {
        double own = operation switch
        {
            ILoopOperation loop => 0,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } => 8,
            IBinaryOperation or IUnaryOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation => 1,
            IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true } => 1,
            IInvocationOperation call => CallCost(call),
            IObjectCreationOperation or IArrayCreationOperation => 40,

            // A call the compilation cannot bind yet, such as another [Parallelise] method's generated ...Parallel twin: as
            // costly as a call into source code (costing it as nothing kept such loops sequential).
            IInvalidOperation { Parent: not IInvalidOperation } => 40,
            _ => 0,
        };

        if (operation is ILoopOperation inner)
        {
            return 2 + (Trips(inner) * (inner.Body is null ? 0 : Of(inner.Body)));
        }

        return own + operation.ChildOperations.Sum(Of);
    }

    private static double CallCost(IInvocationOperation call)
    {
        string type = call.TargetMethod.ContainingType.ToDisplayString();
        return type is "System.Math" or "System.MathF" ? (call.TargetMethod.Name is "Sqrt" or "Abs" or "Min" or "Max" or "FusedMultiplyAdd" ? 4 : 30)
            : call.TargetMethod.DeclaringSyntaxReferences.Length > 0 ? 40
            : 20;
    }

    private static double Trips(ILoopOperation loop)
    {
        if (loop is IForLoopOperation forLoop
            && forLoop.Before.OfType<IVariableDeclarationGroupOperation>().SelectMany(g => g.Declarations).SelectMany(d => d.Declarators).FirstOrDefault()
                ?.GetVariableInitializer()?.Value is { } from
            && LoopShape.ConstantOf(from) is long start
            && forLoop.Condition is IBinaryOperation { RightOperand: var bound }
            && LoopShape.ConstantOf(LoopShape.Strip(bound)) is long end)
        {
            return Math.Max(1, end - start);
        }

        return UnknownTrips;
    }
}
