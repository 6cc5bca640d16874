using System.Linq;
using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Analysis;

/// <summary>The types the loop analysis recognises, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    public const string ParalleliseAttributeName = "AutoParallel.ParalleliseAttribute";
    public const string VectoriseAttributeName = "AutoParallel.VectoriseAttribute";
    public const string PrangeName = "AutoParallel.Prange";

    public KnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        ParalleliseAttribute = compilation.GetTypeByMetadataName(ParalleliseAttributeName);
        VectoriseAttribute = compilation.GetTypeByMetadataName(VectoriseAttributeName);
        Prange = compilation.GetTypeByMetadataName(PrangeName);
        Span = compilation.GetTypeByMetadataName("System.Span`1");
        ReadOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
        Memory = compilation.GetTypeByMetadataName("System.Memory`1");
        ReadOnlyMemory = compilation.GetTypeByMetadataName("System.ReadOnlyMemory`1");
        Math = compilation.GetTypeByMetadataName("System.Math");
        MathF = compilation.GetTypeByMetadataName("System.MathF");
        INumberBase = compilation.GetTypeByMetadataName("System.Numerics.INumberBase`1");
        IBinaryNumber = compilation.GetTypeByMetadataName("System.Numerics.IBinaryNumber`1");
        IBinaryInteger = compilation.GetTypeByMetadataName("System.Numerics.IBinaryInteger`1");
        Random = compilation.GetTypeByMetadataName("System.Random");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? ParalleliseAttribute { get; }

    public INamedTypeSymbol? VectoriseAttribute { get; }

    public INamedTypeSymbol? Prange { get; }

    public INamedTypeSymbol? Span { get; }

    public INamedTypeSymbol? ReadOnlySpan { get; }

    public INamedTypeSymbol? Memory { get; }

    public INamedTypeSymbol? ReadOnlyMemory { get; }

    public INamedTypeSymbol? Math { get; }

    public INamedTypeSymbol? MathF { get; }

    public INamedTypeSymbol? INumberBase { get; }

    public INamedTypeSymbol? IBinaryNumber { get; }

    public INamedTypeSymbol? IBinaryInteger { get; }

    public INamedTypeSymbol? Random { get; }

    public bool IsSpan(ITypeSymbol? type) => IsConstructedFrom(type, Span) || IsConstructedFrom(type, ReadOnlySpan);

    public bool IsMemory(ITypeSymbol? type) => IsConstructedFrom(type, Memory) || IsConstructedFrom(type, ReadOnlyMemory);

    public static bool IsConstructedFrom(ITypeSymbol? type, INamedTypeSymbol? definition)
        => definition is not null
            && type is INamedTypeSymbol named
            && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, definition);

    /// <summary>Whether <paramref name="type"/> implements, or is constrained to, <c>I…&lt;type&gt;</c> (generic math: <c>INumberBase&lt;T&gt;</c>).</summary>
    public static bool Implements(ITypeSymbol type, INamedTypeSymbol? genericInterface)
    {
        if (genericInterface is null)
        {
            return false;
        }

        var interfaces = type.AllInterfaces.AsEnumerable();
        if (type is ITypeParameterSymbol parameter)
        {
            interfaces = interfaces.Concat(parameter.ConstraintTypes.OfType<INamedTypeSymbol>().SelectMany(c => c.AllInterfaces.Add(c)));
        }

        return interfaces.Any(candidate => SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, genericInterface)
            && candidate.TypeArguments.Length == 1
            && SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], type));
    }
}
