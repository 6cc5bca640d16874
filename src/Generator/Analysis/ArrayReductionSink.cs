using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Arrays declared outside the loop and only updated with one reduction operator at indices that iterations share
/// (<c>hist[data[i]]++</c>, <c>s[j] += r[i] * A[i][j]</c>): each worker gets a private copy, combined at the end, as OpenMP's
/// <c>reduction(+: s[:n])</c> does.
/// </summary>
internal sealed class ArrayReductionSink
{
    private readonly LoopScope _scope;
    private readonly LoopFindings _findings;
    private readonly List<ReductionModel> _reductions = new();

    public ArrayReductionSink(LoopScope scope, LoopFindings findings)
    {
        _scope = scope;
        _findings = findings;
    }

    public IReadOnlyList<ReductionModel> Reductions => _reductions;

    /// <summary>Takes the accesses of one array as a reduction when every one is a reduction update; returns whether it did.</summary>
    public bool TryAdd(IReadOnlyList<ElementAccess> accesses)
    {
        ElementAccess first = accesses[0];
        if (first.Kind != RootKind.Captured || first.Root is not { } root || TypeOf(root) is not IArrayTypeSymbol { Rank: 1 } arrayType)
        {
            return false;
        }

        if (accesses.Any(a => a.Levels.Count != 1 || a.Usage == Usage.Escapes))
        {
            return false;
        }

        // Every write is an update of one element (hist[k]++, s[j] += e, y[j] = y[j] + e); every read is the update's own.
        var updates = new List<ReductionUpdate>();
        var accounted = new HashSet<IOperation>();
        foreach (ElementAccess write in accesses.Where(a => a.IsWrite))
        {
            ReductionUpdate? update = ReductionUpdate.Classify(
                write.Operation, o => IsSameElement(LoopShape.Strip(o), write.Operation, root), root.Name + "[…]", o => ScalarReductions.Refers(LoopShape.Strip(o), root));
            if (update is null)
            {
                return false;
            }

            updates.Add(update);
            accounted.UnionWith(update.SelfReferences.Select(LoopShape.Strip));
        }

        if (accesses.Any(a => !accounted.Contains(a.Operation)))
        {
            return false;
        }

        string name = Identifiers.Escape(root.Name);
        ReductionModel? model = ScalarReductions.Combine(name, arrayType.ElementType, updates, _scope, _findings, name + ".Length");
        if (model is not null)
        {
            _reductions.Add(model);
        }

        // Recognised as an array reduction even when no identity exists: the error has been reported then.
        return true;
    }

    /// <summary><c>y[j]</c> read in <c>y[j] = y[j] + e</c>: the same array, indexed by equivalent expressions.</summary>
    private static bool IsSameElement(IOperation candidate, IOperation target, ISymbol root)
        => candidate is IArrayElementReferenceOperation element && target is IArrayElementReferenceOperation written
            && ScalarReductions.Refers(LoopShape.Strip(element.ArrayReference), root)
            && element.Indices.Length == written.Indices.Length
            && element.Indices.Zip(written.Indices, (a, b) => SyntaxFactory.AreEquivalent(a.Syntax, b.Syntax)).All(same => same);

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };
}
