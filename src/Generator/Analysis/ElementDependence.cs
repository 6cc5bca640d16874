using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Decides whether the element writes of a loop are disjoint between iterations (DESIGN.md §3): every write to shared storage
/// must be owned by its iteration (<c>a[i]</c>, <c>a[i, j]</c>, <c>a[i][j]</c>, <c>a[i * n + j]</c> with <c>0 ≤ j &lt; n</c>), and every
/// read of written storage must read the iteration's own elements. A definite conflict (<c>a[i - 1]</c>) is AP0003; what cannot
/// be decided is AP0008. Arrays only ever updated with one reduction operator at indices iterations share become array reductions.
/// </summary>
internal static class ElementDependence
{
    /// <summary>Checks every written storage root; returns, for each, the index position that partitions its writes (null for an array reduction).</summary>
    public static Dictionary<ISymbol, Partition?> Check(LoopScope scope, IReadOnlyList<ElementAccess> accesses, LoopFindings findings, ArrayReductionSink arrayReductions)
    {
        var written = new Dictionary<ISymbol, Partition?>(SymbolEqualityComparer.Default);
        foreach (ElementAccess unknown in accesses.Where(a => a.Kind == RootKind.Unknown && a.IsWrite))
        {
            string through = unknown.Root is null ? "storage" : $"'{unknown.Root.Name}'";
            findings.Report(DiagnosticDescriptors.PossibleRace, unknown.Location,
                $"'{unknown.Text}' writes through {through}, which may refer to storage other iterations use");
        }

        foreach (var group in accesses.Where(a => a.Kind is RootKind.Captured or RootKind.Field).GroupBy(a => a.Root, SymbolEqualityComparer.Default))
        {
            var all = group.ToList();
            var writes = all.Where(a => a.IsWrite).ToList();
            if (writes.Count == 0)
            {
                continue;
            }

            var partition = FindPartition(writes, scope);
            written[group.Key!] = partition;
            if (partition is null)
            {
                if (!arrayReductions.TryAdd(all))
                {
                    ReportUnpartitioned(writes, scope, findings);
                }

                continue;
            }

            CheckAgainstPartition(all, writes, partition, scope, findings);
        }

        return written;
    }

    /// <summary>Whether reading or writing <paramref name="access"/> could touch an element another iteration writes through <paramref name="write"/>.</summary>
    public static bool MayConflict(ElementAccess access, ElementAccess write, Partition partition, LoopScope scope)
        => Compare(access, write, partition, scope) != Conflict.None;

    /// <summary>An index position where every write depends on the loop index with the same coefficient.</summary>
    private static Partition? FindPartition(List<ElementAccess> writes, LoopScope scope)
    {
        int levels = writes.Min(w => w.Levels.Count);
        for (int level = 0; level < levels; level++)
        {
            int dimensions = writes.Min(w => w.Levels[level].Count);
            for (int dimension = 0; dimension < dimensions; dimension++)
            {
                Ownership? first = Ownership.Of(writes[0].Levels[level][dimension], scope);
                if (first is null || !first.OwnsElements)
                {
                    continue;
                }

                bool all = writes.All(w => Ownership.Of(w.Levels[level][dimension], scope) is { OwnsElements: true } o
                    && o.Coefficient.Equals(first.Coefficient));
                if (all)
                {
                    return new Partition(level, dimension, first.Coefficient);
                }
            }
        }

        return null;
    }

    private static void ReportUnpartitioned(List<ElementAccess> writes, LoopScope scope, LoopFindings findings)
    {
        foreach (ElementAccess write in writes)
        {
            var positions = write.Levels.SelectMany(l => l).Select(t => Ownership.Of(t, scope)).ToList();
            if (positions.All(p => p is { IsIndependentOfIndex: true }))
            {
                findings.Report(DiagnosticDescriptors.LoopCarriedDependency, write.Location,
                    $"every iteration writes '{write.Text}' (its index does not depend on the loop variable), and '{write.Root!.Name}' is not updated only with a reduction operator");
                return;
            }
        }

        ElementAccess first = writes[0];
        findings.Report(DiagnosticDescriptors.PossibleRace, first.Location,
            $"cannot prove that parallel iterations write different elements of '{first.Root!.Name}' ('{first.Text}')");
    }

    private static void CheckAgainstPartition(List<ElementAccess> all, List<ElementAccess> writes, Partition partition, LoopScope scope, LoopFindings findings)
    {
        foreach (ElementAccess access in all)
        {
            foreach (ElementAccess write in writes)
            {
                if (ReferenceEquals(access, write) || (access.IsWrite && access.Location.SourceSpan.Start < write.Location.SourceSpan.Start))
                {
                    // A conflict between two writes is reported once, at the later one.
                    continue;
                }

                Conflict conflict = Compare(access, write, partition, scope);
                if (conflict == Conflict.Definite)
                {
                    string message = access.IsWrite
                        ? $"'{access.Text}' and '{write.Text}' write the same elements of '{write.Root!.Name}' in different iterations"
                        : $"'{access.Text}' reads an element of '{write.Root!.Name}' that another iteration writes ('{write.Text}')";
                    findings.Report(DiagnosticDescriptors.LoopCarriedDependency, access.Location, message);
                    break;
                }

                if (conflict == Conflict.Unknown)
                {
                    string message = access.IsWrite
                        ? $"cannot prove that '{access.Text}' and '{write.Text}' write different elements of '{write.Root!.Name}' in different iterations"
                        : $"cannot prove that '{access.Text}' reads no element of '{write.Root!.Name}' that another iteration writes ('{write.Text}')";
                    findings.Report(DiagnosticDescriptors.PossibleRace, access.Location, message);
                    break;
                }
            }
        }
    }

    private enum Conflict
    {
        None,
        Definite,
        Unknown,
    }

    private static Conflict Compare(ElementAccess access, ElementAccess write, Partition partition, LoopScope scope)
    {
        if (access.Levels.Count <= partition.Level || access.Levels[partition.Level].Count <= partition.Dimension)
        {
            // Fewer levels: a row read (a[i] of a[i][j]) is covered by the analysis of the access it feeds.
            return access.Levels.Count <= partition.Level ? Conflict.None : Conflict.Unknown;
        }

        Ownership? mine = Ownership.Of(access.Levels[partition.Level][partition.Dimension], scope);
        Ownership theirs = Ownership.Of(write.Levels[partition.Level][partition.Dimension], scope)!;
        if (mine is null)
        {
            return Conflict.Unknown;
        }

        if (mine.IsIndependentOfIndex)
        {
            return !mine.RestVaries && mine.Rest.IsConstant && OutsideWrittenRange(mine.Rest.Constant, theirs, scope) ? Conflict.None : Conflict.Unknown;
        }

        if (!mine.Coefficient.Equals(theirs.Coefficient))
        {
            return Conflict.Unknown;
        }

        if (mine.RestInBlock && theirs.RestInBlock)
        {
            return Conflict.None;
        }

        AffineForm distance = mine.Rest.Subtract(theirs.Rest);
        AffineForm c = partition.Coefficient;
        if (distance.IsConstant && c.IsConstant)
        {
            // C·i + r₁ = C·i' + r₂ for some i ≠ i' exactly when C divides r₂ - r₁ ≠ 0 (when neither rest moves).
            bool divides = distance.Constant != 0 && distance.Constant % c.Constant == 0;
            return divides ? Conflict.Definite : mine.RestVaries || theirs.RestVaries ? Conflict.Unknown : Conflict.None;
        }

        if (distance.IsConstant && distance.Constant == 0)
        {
            return Conflict.None;
        }

        return IsNonZeroMultiple(distance, c) ? Conflict.Definite : Conflict.Unknown;
    }

    /// <summary>A constant index read while the loop writes <c>C·i + r</c>: safe when it lies below the first written element.</summary>
    private static bool OutsideWrittenRange(long index, Ownership write, LoopScope scope)
    {
        if (!write.Coefficient.IsConstant || write.Coefficient.Constant <= 0 || !write.Rest.IsConstant)
        {
            return false;
        }

        long from = scope.Loop.Kind is LoopKind.ForeachArray or LoopKind.ForeachSpan ? 0
            : scope.Loop.From is null ? 0
            : LoopShape.ConstantOf(scope.Loop.From) ?? long.MinValue;
        if (from == long.MinValue)
        {
            return false;
        }

        return index < (write.Coefficient.Constant * from) + write.Rest.Constant;
    }

    private static bool IsNonZeroMultiple(AffineForm distance, AffineForm coefficient)
    {
        for (long k = -4; k <= 4; k++)
        {
            if (k != 0 && coefficient.Scale(k).Equals(distance))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The index position (<c>Level</c>, <c>Dimension</c>) where every write of a storage root moves with the loop index by <c>Coefficient</c>.</summary>
internal sealed record Partition(int Level, int Dimension, AffineForm Coefficient);

/// <summary>How one index relates to the loop variable: <c>Coefficient · i + Rest</c>.</summary>
/// <param name="Coefficient">Zero when the index does not depend on the loop variable.</param>
/// <param name="Rest">The part that does not mention the loop variable.</param>
/// <param name="RestInBlock">Proven <c>0 ≤ Rest &lt; Coefficient</c>: the index stays in the iteration's own block.</param>
/// <param name="RestVaries">The rest moves with inner loop variables (<c>a[i + j]</c>).</param>
internal sealed record Ownership(AffineForm Coefficient, AffineForm Rest, bool RestInBlock, bool RestVaries)
{
    public bool IsIndependentOfIndex => Coefficient.IsConstant && Coefficient.Constant == 0;

    /// <summary>Distinct iterations get distinct elements: the index moves with the loop variable and the rest is fixed or inside a block.</summary>
    public bool OwnsElements => !IsIndependentOfIndex && (RestInBlock || !RestVaries);

    public static Ownership? Of(IndexTerm term, LoopScope scope)
    {
        if (term.SliceOffset is not null && term.SliceLength is not null
            && term.SliceOffset.SplitBy(LoopScope.IndexAtom) is var (sliceCoefficient, sliceRest)
            && sliceRest.IsConstant && sliceRest.Constant == 0 && sliceCoefficient.Equals(term.SliceLength)
            && !(sliceCoefficient.IsConstant && sliceCoefficient.Constant == 0))
        {
            // A slice [C·i, C·i + C) of the storage: bounds checks keep every index through it inside the iteration's block.
            AffineForm rest = term.Form?.Subtract(term.SliceOffset) ?? AffineForm.Const(0);
            return new Ownership(sliceCoefficient, rest, RestInBlock: true, RestVaries: true);
        }

        if (term.Form?.SplitBy(LoopScope.IndexAtom) is not var (coefficient, restForm))
        {
            return null;
        }

        bool varies = restForm.Mentions(scope.IsVarying);
        if (coefficient.IsConstant && coefficient.Constant == 0)
        {
            return new Ownership(coefficient, restForm, false, varies);
        }

        if (coefficient.Mentions(scope.IsVarying))
        {
            return null;
        }

        return new Ownership(coefficient, restForm, RangeProof.Within(restForm, coefficient, scope), varies);
    }
}
