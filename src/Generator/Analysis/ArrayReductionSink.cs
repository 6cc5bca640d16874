using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;

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

        if (accesses.Any(a => a.Levels.Count != 1 || a.Usage != Usage.ReadWrite))
        {
            return false;
        }

        var updates = new List<ReductionUpdate>();
        foreach (ElementAccess access in accesses)
        {
            ReductionUpdate? update = ReductionUpdate.Classify(access.Operation, o => ScalarReductions.Refers(LoopShape.Strip(o), root), root.Name + "[…]");
            if (update is null || update.SelfReferences.Count != 1)
            {
                return false;
            }

            updates.Add(update);
        }

        ReductionModel? model = ScalarReductions.Combine(root.Name, arrayType.ElementType, updates, _scope, _findings, first.Location, root.Name + ".Length");
        if (model is not null)
        {
            _reductions.Add(model);
        }

        // Recognised as an array reduction even when no identity exists: the error has been reported then.
        return true;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };
}
