using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Diagnostics;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Every variable from outside the loop that the body writes must be a reduction (DESIGN.md §3): only updated by one family of
/// reduction operators and never read otherwise. Anything else is a loop-carried dependency (AP0003); a write to a
/// <c>ref</c>/<c>out</c> parameter escapes the loop (AP0004).
/// </summary>
internal static class ScalarReductions
{
    public static List<ReductionModel> Find(LoopScope scope, LoopFindings findings)
    {
        var reductions = new List<ReductionModel>();
        foreach (ISymbol symbol in scope.CapturedWritten.OrderBy(s => s.Name, System.StringComparer.Ordinal))
        {
            var references = scope.Operations.Where(o => Refers(o, symbol)).ToList();
            IOperation firstWrite = references.First(r => ValueUsage.Of(r).IsWrite());
            if (symbol is IParameterSymbol { RefKind: RefKind.Ref or RefKind.Out } parameter)
            {
                findings.Report(DiagnosticDescriptors.UnsupportedConstruct, StatementOf(firstWrite).Syntax.GetLocation(),
                    StatementOf(firstWrite).Syntax.ToString(), $"'{parameter.Name}' is a {parameter.RefKind.ToString().ToLowerInvariant()} parameter; writes to it escape the parallel loop");
                continue;
            }

            if (Recognize(symbol, references, scope, findings) is { } reduction)
            {
                reductions.Add(reduction);
            }
        }

        return reductions;
    }

    public static bool Refers(IOperation operation, ISymbol symbol) => operation switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
        IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol),
        _ => false,
    };

    private static ReductionModel? Recognize(ISymbol symbol, List<IOperation> references, LoopScope scope, LoopFindings findings)
    {
        IOperation? inLambda = references.FirstOrDefault(r => ControlFlowCheck.InNestedFunction(r, scope.Loop.Operation) && ValueUsage.Of(r).IsWrite());
        if (inLambda is not null)
        {
            // The lambda may run any number of times, at any moment: the update cannot be split into per-chunk partial results.
            findings.Report(DiagnosticDescriptors.LoopCarriedDependency, StatementOf(inLambda).Syntax.GetLocation(),
                $"'{symbol.Name}' is declared outside the loop and written inside a lambda or local function; a reduction must be updated directly in the loop body");
            return null;
        }

        var updates = new List<ReductionUpdate>();
        var accounted = new HashSet<IOperation>();
        foreach (IOperation reference in references.Where(r => ValueUsage.Of(r).IsWrite()))
        {
            if (accounted.Contains(reference))
            {
                continue;
            }

            ReductionUpdate? update = ReductionUpdate.Classify(reference, o => Refers(LoopShape.Strip(o), symbol), symbol.Name);
            if (update is null)
            {
                IOperation statement = StatementOf(reference);
                findings.Report(DiagnosticDescriptors.LoopCarriedDependency, statement.Syntax.GetLocation(),
                    $"'{symbol.Name}' is declared outside the loop and written by every iteration ('{statement.Syntax}'), but it is not a reduction (+=, *=, &=, |=, ^=, min/max, counting)");
                return null;
            }

            updates.Add(update);
            accounted.UnionWith(update.SelfReferences.Select(LoopShape.Strip));
            accounted.UnionWith(update.SelfReferences);
        }

        IOperation? read = references.FirstOrDefault(r => !accounted.Contains(r));
        if (read is not null)
        {
            findings.Report(DiagnosticDescriptors.LoopCarriedDependency, read.Syntax.GetLocation(),
                $"'{symbol.Name}' is a reduction ({updates[0].Description}), but the loop also reads it here; its value mid-loop depends on the other iterations");
            return null;
        }

        return Combine(Identifiers.Escape(symbol.Name), SymbolType(symbol), updates, scope, findings, arrayLength: string.Empty);
    }

    /// <summary>Checks that the updates agree on one operator and builds the model, or reports why they cannot be combined.</summary>
    public static ReductionModel? Combine(
        string name, ITypeSymbol type, IReadOnlyList<ReductionUpdate> updates, LoopScope scope, LoopFindings findings, string arrayLength)
    {
        var families = updates.Select(u => ReductionUpdate.Family(u.Operator)).Distinct().ToList();
        var functions = updates.Select(u => u.Function).Distinct().ToList();
        if (families.Count > 1 || functions.Count > 1)
        {
            var first = updates[0];
            var other = updates.First(u => ReductionUpdate.Family(u.Operator) != ReductionUpdate.Family(first.Operator) || u.Function != first.Function);
            findings.Report(DiagnosticDescriptors.LoopCarriedDependency, StatementOf(other.Target).Syntax.GetLocation(),
                $"'{name}' is updated with different operators ({first.Description} and {other.Description}), which cannot be combined across iterations");
            return null;
        }

        ReductionOperator op = updates.All(u => u.Operator == ReductionOperator.Quotient) ? ReductionOperator.Quotient : updates[0].Operator;
        if (families[0] == ReductionOperator.Product && updates.Any(u => u.Operator == ReductionOperator.Quotient))
        {
            op = ReductionIdentity.IsIntegerLike(type) ? ReductionOperator.Quotient : ReductionOperator.Product;
        }

        string? identity = ReductionIdentity.For(op, type, scope.Known);
        if (identity is null)
        {
            string why = op == ReductionOperator.Quotient && (ReductionIdentity.IsIntegerLike(type) || type.TypeKind == TypeKind.TypeParameter)
                ? "integer division truncates, so partial results cannot be combined"
                : $"the operator has no known identity for type {type.ToDisplayString()}";
            findings.Report(DiagnosticDescriptors.LoopCarriedDependency, StatementOf(updates[0].Target).Syntax.GetLocation(),
                $"'{name}' looks like a reduction ({updates[0].Description}), but {why}");
            return null;
        }

        string description = string.Join(", ", updates.Select(u => u.Description).Distinct());
        return new ReductionModel(
            name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            op,
            identity,
            ReductionIdentity.IsOrderSensitive(op, type),
            description,
            updates[0].Function ?? string.Empty,
            arrayLength,
            arrayLength.Length == 0 && ReductionIdentity.EqualMeansIdentity(type));
    }

    public static IOperation StatementOf(IOperation operation)
    {
        IOperation current = operation;
        while (current.Parent is { } parent && parent is not IExpressionStatementOperation and not IBlockOperation and not IConditionalOperation)
        {
            current = parent;
        }

        return current;
    }

    private static ITypeSymbol SymbolType(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => throw new System.ArgumentException("not a variable", nameof(symbol)),
    };
}
