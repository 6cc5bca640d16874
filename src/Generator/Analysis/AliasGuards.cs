using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Two different variables may hold the same array: <c>Shift(a, a)</c> for <c>b[i] = a[i + 1]</c>. Proving the loop legal treats them
/// as different storage, so the generated code checks at run time, for each pair whose aliasing would create a dependency, whether
/// they overlap, and runs the loop exactly as written when they do. Never silently wrong, at the cost of one comparison per pair.
/// </summary>
internal static class AliasGuards
{
    /// <summary>C# conditions, each true when a written storage overlaps another storage the loop uses in a way that would conflict.</summary>
    public static List<string> Find(LoopScope scope, IReadOnlyList<ElementAccess> accesses, Dictionary<ISymbol, Partition?> written)
    {
        var guards = new List<string>();
        var roots = accesses.Where(a => a.Kind is RootKind.Captured or RootKind.Field && a.Root is not null)
            .GroupBy(a => a.Root!, SymbolEqualityComparer.Default)
            .ToDictionary(g => g.Key, g => g.ToList(), SymbolEqualityComparer.Default);
        var done = new HashSet<(ISymbol, ISymbol)>();
        foreach (var (writtenRoot, partition) in written.Select(w => (w.Key, w.Value)))
        {
            foreach (var other in roots.Where(r => !SymbolEqualityComparer.Default.Equals(r.Key, writtenRoot)))
            {
                if (done.Contains((other.Key, writtenRoot)) || !MayShareStorage(writtenRoot, other.Key, scope, out string? condition))
                {
                    continue;
                }

                var writes = roots[writtenRoot].Where(a => a.IsWrite).ToList();
                bool conflicts = partition is null
                    || other.Value.Any(access => writes.Any(write => SameShape(access, write) is false || ElementDependence.MayConflict(access, write, partition, scope)));
                if (conflicts)
                {
                    guards.Add(condition!);
                    done.Add((writtenRoot, other.Key));
                }
            }
        }

        return guards;
    }

    /// <summary>Indexed the same way (same number of levels and dimensions), so one access can be compared as if it were the other's.</summary>
    private static bool SameShape(ElementAccess a, ElementAccess b)
        => a.Levels.Count == b.Levels.Count && a.Levels.Zip(b.Levels, (x, y) => x.Count == y.Count).All(same => same);

    /// <summary>Whether two storage roots can be the same memory, and the C# test for it.</summary>
    private static bool MayShareStorage(ISymbol left, ISymbol right, LoopScope scope, out string? condition)
    {
        condition = null;
        var (leftKind, leftElement) = Classify(TypeOf(left), scope);
        var (rightKind, rightElement) = Classify(TypeOf(right), scope);
        if (leftKind == StorageKind.None || rightKind == StorageKind.None || leftElement is null || rightElement is null
            || !SymbolEqualityComparer.Default.Equals(leftElement, rightElement))
        {
            return false;
        }

        if (leftKind == StorageKind.Contiguous && rightKind == StorageKind.Contiguous)
        {
            string element = leftElement.ToDisplayString(CaptureAnalysis.TypeFormat);
            condition = $"global::System.MemoryExtensions.Overlaps({ReadOnlySpan(left, element, scope)}, {ReadOnlySpan(right, element, scope)})";
            return true;
        }

        if (leftKind == rightKind && SymbolEqualityComparer.Default.Equals(TypeOf(left), TypeOf(right)))
        {
            condition = $"global::System.Object.ReferenceEquals({Name(left)}, {Name(right)})";
            return true;
        }

        return false;
    }

    private enum StorageKind
    {
        None,

        /// <summary>One-dimensional arrays, spans and memories of the same element type can view the same memory.</summary>
        Contiguous,

        /// <summary>Multi-dimensional arrays and lists alias only when they are the same object.</summary>
        Object,
    }

    private static (StorageKind Kind, ITypeSymbol? Element) Classify(ITypeSymbol? type, LoopScope scope) => type switch
    {
        IArrayTypeSymbol { Rank: 1 } array => (StorageKind.Contiguous, array.ElementType),
        IArrayTypeSymbol array => (StorageKind.Object, array.ElementType),
        INamedTypeSymbol named when scope.Known.IsSpan(named) || scope.Known.IsMemory(named) => (StorageKind.Contiguous, named.TypeArguments[0]),
        INamedTypeSymbol { Name: "List", Arity: 1 } list => (StorageKind.Object, list.TypeArguments[0]),
        _ => (StorageKind.None, null),
    };

    private static string ReadOnlySpan(ISymbol root, string element, LoopScope scope)
        => scope.Known.IsMemory(TypeOf(root))
            ? $"(global::System.ReadOnlySpan<{element}>){Name(root)}.Span"
            : $"(global::System.ReadOnlySpan<{element}>){Name(root)}";

    /// <summary>How the generated method names a root: the variable, <c>this.field</c>, or <c>Type.field</c>.</summary>
    private static string Name(ISymbol root) => root switch
    {
        IFieldSymbol { IsStatic: true } field => field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + Identifiers.Escape(field.Name),
        IFieldSymbol field => "this." + Identifiers.Escape(field.Name),
        _ => Identifiers.Escape(root.Name),
    };

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };
}
