using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Follows an element access back to its storage: through jagged rows (<c>row = a[i]</c>), slices
/// (<c>a.AsSpan(i * n, n)</c>), <c>Memory&lt;T&gt;.Span</c>, <c>ref</c> locals and <c>foreach</c> iteration variables.
/// </summary>
internal sealed class ElementResolver
{
    private const int MaxAliasDepth = 8;

    private readonly LoopScope _scope;

    public ElementResolver(LoopScope scope)
    {
        _scope = scope;
    }

    /// <summary>Indexers that address elements of contiguous storage, analysed like arrays.</summary>
    public static bool IsElementIndexer(IPropertyReferenceOperation indexer, KnownSymbols known)
    {
        ITypeSymbol? type = indexer.Instance?.Type;
        return known.IsSpan(type)
            || type is INamedTypeSymbol { Name: "List", Arity: 1 } list && list.ContainingNamespace.ToDisplayString() == "System.Collections.Generic";
    }

    /// <summary>
    /// Whether storage handed to a call (<c>rows[i]</c>, <c>a.AsSpan(i * n, n)</c>, a private buffer) belongs to this iteration alone,
    /// so the call may write all of it.
    /// </summary>
    public bool IsOwnedStorage(IOperation storage)
    {
        Container container = Resolve(storage, 0);
        if (container.Kind == RootKind.Private)
        {
            return true;
        }

        if (container.Kind == RootKind.Unknown)
        {
            return false;
        }

        if (container.SliceOffset is not null && container.SliceLength is not null
            && Ownership.Of(new IndexTerm(container.SliceOffset, container.SliceOffset, container.SliceLength), _scope) is { OwnsElements: true })
        {
            return true;
        }

        return container.Levels.SelectMany(level => level).Any(term => Ownership.Of(term, _scope) is { OwnsElements: true });
    }

    public void Add(List<ElementAccess> accesses, IOperation element, IOperation container, IReadOnlyList<IOperation> indices, Usage usage)
    {
        Container root = Resolve(container, 0);
        if (root.Kind == RootKind.Private)
        {
            return;
        }

        accesses.Add(new ElementAccess(element, root.Kind, root.Symbol, root.LevelsWith(Terms(indices, root)), usage));
    }

    /// <summary>Writes through a <c>ref</c> local or a <c>foreach (ref var x in span)</c> variable are writes to the element it refers to.</summary>
    public void AddThroughAlias(List<ElementAccess> accesses, ILocalReferenceOperation local, Usage usage)
    {
        if (SymbolEqualityComparer.Default.Equals(local.Local, _scope.Loop.Element) && _scope.Loop.Collection is { } collection)
        {
            if (local.Local.RefKind == RefKind.None)
            {
                return;
            }

            Container root = Resolve(collection, 0);
            if (root.Kind != RootKind.Private)
            {
                accesses.Add(new ElementAccess(local, root.Kind, root.Symbol, root.LevelsWith(new[] { new IndexTerm(AffineForm.Atom(LoopScope.IndexAtom)) }), usage));
            }

            return;
        }

        if (local.Local.RefKind != RefKind.None && _scope.IsPrivate(local.Local) && RefInitializer(local.Local) is { } target)
        {
            IOperation element = LoopShape.Strip(target);
            switch (element)
            {
                case IArrayElementReferenceOperation array:
                    Add(accesses, local, array.ArrayReference, array.Indices, usage);
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer:
                    Add(accesses, local, instance, indexer.Arguments.Select(a => a.Value).ToArray(), usage);
                    break;
                default:
                    accesses.Add(new ElementAccess(local, RootKind.Unknown, local.Local, new[] { new[] { new IndexTerm(null) } }, usage));
                    break;
            }
        }
    }

    private IOperation? RefInitializer(ILocalSymbol local)
    {
        foreach (IOperation operation in _scope.Operations)
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return declarator.GetVariableInitializer()?.Value;
            }
        }

        return null;
    }

    private IndexTerm[] Terms(IReadOnlyList<IOperation> indices, Container root)
    {
        var terms = new IndexTerm[indices.Count];
        for (int k = 0; k < indices.Count; k++)
        {
            AffineForm? form = _scope.FormOf(indices[k]);
            if (k == 0 && root.OffsetUnknown)
            {
                terms[k] = new IndexTerm(null);
            }
            else if (k == 0 && root.SliceOffset is not null)
            {
                terms[k] = new IndexTerm(form?.Add(root.SliceOffset), root.SliceOffset, root.SliceLength);
            }
            else
            {
                terms[k] = new IndexTerm(form);
            }
        }

        return terms;
    }

    private Container Resolve(IOperation container, int depth)
    {
        if (depth > MaxAliasDepth)
        {
            return Container.Unknown(null);
        }

        container = LoopShape.Strip(container);
        switch (container)
        {
            case IArrayElementReferenceOperation element:
            {
                Container inner = Resolve(element.ArrayReference, depth + 1);
                return inner.Kind == RootKind.Private ? inner : inner.Nested(Terms(element.Indices, inner));
            }

            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer when IsElementIndexer(indexer, _scope.Known):
            {
                Container inner = Resolve(instance, depth + 1);
                return inner.Kind == RootKind.Private ? inner : inner.Nested(Terms(indexer.Arguments.Select(a => a.Value).ToArray(), inner));
            }

            case IPropertyReferenceOperation { Property.Name: "Span", Instance: { } memory } when _scope.Known.IsMemory(memory.Type):
                return Resolve(memory, depth + 1);

            case ILocalReferenceOperation local:
                return ResolveLocal(local.Local, depth);

            case IParameterReferenceOperation parameter:
                return _scope.IsCaptured(parameter.Parameter) ? Container.Root(RootKind.Captured, parameter.Parameter) : Container.Unknown(parameter.Parameter);

            case IFieldReferenceOperation field when field.Field.IsStatic || field.Instance is IInstanceReferenceOperation:
                return Container.Root(RootKind.Field, field.Field);

            case IFieldReferenceOperation { Instance: { } instance } field:
                return Resolve(instance, depth + 1).Kind == RootKind.Private ? Container.Private : Container.Unknown(field.Field);

            case IInvocationOperation invocation when SliceOf(invocation) is var (source, offset, length) && source is not null:
                return Resolve(source, depth + 1).Slice(offset is null ? AffineForm.Const(0) : _scope.FormOf(offset), length is null ? null : _scope.FormOf(length));

            case IObjectCreationOperation creation when _scope.Known.IsSpan(creation.Type) && creation.Arguments.Length == 3:
            {
                var arguments = creation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToArray();
                return Resolve(arguments[0], depth + 1).Slice(_scope.FormOf(arguments[1]), _scope.FormOf(arguments[2]));
            }

            default:
                return IsFresh(container) ? Container.Private : Container.Unknown(null);
        }
    }

    private Container ResolveLocal(ILocalSymbol local, int depth)
    {
        if (_scope.IsCaptured(local))
        {
            return Container.Root(RootKind.Captured, local);
        }

        if (SymbolEqualityComparer.Default.Equals(local, _scope.Loop.Element) && _scope.Loop.Collection is { } collection)
        {
            // foreach (var row in jagged): row is jagged[index].
            return Resolve(collection, depth + 1).Nested(new[] { new IndexTerm(AffineForm.Atom(LoopScope.IndexAtom)) });
        }

        IOperation? value = local.RefKind == RefKind.None ? _scope.SingleAssignment(local) : RefInitializer(local);
        return value is null ? Container.Unknown(local) : Resolve(value, depth + 1);
    }

    /// <summary><c>x.AsSpan(start[, length])</c>, <c>x.AsMemory(…)</c>, <c>x.Slice(start[, length])</c>.</summary>
    private static (IOperation? Source, IOperation? Offset, IOperation? Length) SliceOf(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToArray();
        bool isIntArguments(int skip) => arguments.Skip(skip).All(a => a.Type?.SpecialType == SpecialType.System_Int32);
        switch (method.Name)
        {
            case "AsSpan" or "AsMemory" when method.IsExtensionMethod || method.IsStatic:
                if (arguments.Length >= 1 && arguments.Length <= 3 && isIntArguments(1))
                {
                    return (arguments[0], arguments.Length > 1 ? arguments[1] : null, arguments.Length > 2 ? arguments[2] : null);
                }

                break;
            case "Slice" when invocation.Instance is { } instance:
                if (arguments.Length is 1 or 2 && isIntArguments(0))
                {
                    return (instance, arguments[0], arguments.Length > 1 ? arguments[1] : null);
                }

                break;
        }

        return (null, null, null);
    }

    private static bool IsFresh(IOperation value)
        => value is IArrayCreationOperation or IObjectCreationOperation or IArrayInitializerOperation
            || value.Syntax is StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax
            || value.Kind.ToString() == "CollectionExpression";

    /// <summary>What a container expression turned out to be, and the index levels and slice seen on the way.</summary>
    private sealed class Container
    {
        private static readonly IReadOnlyList<IndexTerm>[] NoLevels = System.Array.Empty<IReadOnlyList<IndexTerm>>();

        private Container(
            RootKind kind, ISymbol? symbol, IReadOnlyList<IReadOnlyList<IndexTerm>> levels, AffineForm? sliceOffset, AffineForm? sliceLength, bool offsetUnknown)
        {
            Kind = kind;
            Symbol = symbol;
            Levels = levels;
            SliceOffset = sliceOffset;
            SliceLength = sliceLength;
            OffsetUnknown = offsetUnknown;
        }

        public static Container Private { get; } = new(RootKind.Private, null, NoLevels, null, null, false);

        public RootKind Kind { get; }

        public ISymbol? Symbol { get; }

        public IReadOnlyList<IReadOnlyList<IndexTerm>> Levels { get; }

        /// <summary>Where a slice starts in the storage it views; the next index is relative to it.</summary>
        public AffineForm? SliceOffset { get; }

        public AffineForm? SliceLength { get; }

        /// <summary>A slice at an offset the analysis cannot follow: indices through it are unknown.</summary>
        public bool OffsetUnknown { get; }

        public static Container Root(RootKind kind, ISymbol symbol) => new(kind, symbol, NoLevels, null, null, false);

        public static Container Unknown(ISymbol? symbol) => new(RootKind.Unknown, symbol, NoLevels, null, null, false);

        public IReadOnlyList<IndexTerm>[] LevelsWith(IReadOnlyList<IndexTerm> last) => Levels.Concat(new[] { last }).ToArray();

        public Container Nested(IReadOnlyList<IndexTerm> level) => new(Kind, Symbol, LevelsWith(level), null, null, false);

        public Container Slice(AffineForm? offset, AffineForm? length)
        {
            if (Kind == RootKind.Private)
            {
                return this;
            }

            if (offset is null || OffsetUnknown)
            {
                return new Container(Kind, Symbol, Levels, null, null, offsetUnknown: true);
            }

            return new Container(Kind, Symbol, Levels, SliceOffset is null ? offset : SliceOffset.Add(offset), length, false);
        }
    }
}
