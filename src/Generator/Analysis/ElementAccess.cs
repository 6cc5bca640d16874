using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>Where the storage behind an element access lives.</summary>
internal enum RootKind
{
    /// <summary>An array, span or memory declared outside the loop (local or parameter): shared by all iterations.</summary>
    Captured,

    /// <summary>An array in a field: shared by all iterations.</summary>
    Field,

    /// <summary>Created inside the loop body (<c>new double[n]</c>, <c>stackalloc</c>): private to the iteration.</summary>
    Private,

    /// <summary>Reached through something the analysis cannot follow.</summary>
    Unknown,
}

/// <summary>One index of an element access, with what is known about it.</summary>
/// <param name="Form">The index as an affine form, or <see langword="null"/> when it cannot be followed (<c>a[idx[i]]</c>).</param>
/// <param name="SliceOffset">For an access through a slice (<c>a.AsSpan(off, len)[k]</c>): <c>off</c>; the index lies in <c>[off, off + len)</c>.</param>
/// <param name="SliceLength">For an access through a slice: <c>len</c>.</param>
internal sealed record IndexTerm(AffineForm? Form, AffineForm? SliceOffset = null, AffineForm? SliceLength = null);

/// <summary>
/// A read or write of an element of shared storage inside the loop: <c>a[i]</c>, <c>a[i, j]</c>, <c>a[i][j]</c>, <c>span[k]</c>,
/// <c>row[j]</c> where <c>row = a[i]</c>. Levels are outermost first: <c>a[i][j]</c> has levels <c>[[i], [j]]</c>.
/// </summary>
internal sealed class ElementAccess
{
    public ElementAccess(IOperation operation, RootKind kind, ISymbol? root, IReadOnlyList<IReadOnlyList<IndexTerm>> levels, Usage usage)
    {
        Operation = operation;
        Kind = kind;
        Root = root;
        Levels = levels;
        Usage = usage;
    }

    /// <summary>The access in the user's code (its location is where diagnostics point).</summary>
    public IOperation Operation { get; }

    public RootKind Kind { get; }

    /// <summary>The variable or field holding the storage (for <see cref="RootKind.Captured"/>, <see cref="RootKind.Field"/>, <see cref="RootKind.Unknown"/> locals).</summary>
    public ISymbol? Root { get; }

    public IReadOnlyList<IReadOnlyList<IndexTerm>> Levels { get; }

    public Usage Usage { get; }

    public bool IsWrite => Usage != Usage.Read;

    public string Text => Operation.Syntax.ToString();

    public Location Location => Operation.Syntax.GetLocation();

    /// <summary>The element operations of a loop body, resolved to their storage.</summary>
    public static List<ElementAccess> Collect(LoopScope scope)
    {
        var accesses = new List<ElementAccess>();
        var resolver = new ElementResolver(scope);
        foreach (IOperation operation in scope.Operations)
        {
            switch (operation)
            {
                case IArrayElementReferenceOperation element when !IsContainerOfAnother(element):
                    resolver.Add(accesses, element, element.ArrayReference, element.Indices, ValueUsage.Of(element));
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer
                    when ElementResolver.IsElementIndexer(indexer, scope.Known) && !IsContainerOfAnother(indexer):
                    resolver.Add(accesses, indexer, instance, indexer.Arguments.Select(a => a.Value).ToArray(), ValueUsage.Of(indexer));
                    break;
                case ILocalReferenceOperation local when ValueUsage.Of(local) is var usage && usage.IsWrite():
                    resolver.AddThroughAlias(accesses, local, usage);
                    break;
            }
        }

        return accesses;
    }

    /// <summary><c>a[i]</c> in <c>a[i][j]</c> is the container of the outer access, which is analysed as a whole.</summary>
    private static bool IsContainerOfAnother(IOperation element)
    {
        IOperation? parent = element.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArrayElementReferenceOperation outer && LoopShape.Strip(outer.ArrayReference) == element
            || parent is IPropertyReferenceOperation { Property.IsIndexer: true } indexer && indexer.Instance is { } i && LoopShape.Strip(i) == element;
    }
}
