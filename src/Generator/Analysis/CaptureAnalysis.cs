using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Diagnostics;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// What the generated body struct must carry to the worker threads (captured variables, the enclosing instance, pinned spans),
/// and the few edits the user's body text needs to compile inside a nested struct (<c>this</c> → <c>__self</c>, implicit instance
/// members → <c>__self.Member</c>, names that clash with the struct's own members).
/// </summary>
internal sealed class CaptureAnalysis
{
    /// <summary>Names of the body struct's own members, which a captured variable may not shadow.</summary>
    private static readonly HashSet<string> Reserved = new() { "Execute", "Combine", "CreateAccumulator", "CanExecuteInto", "Accumulator" };

    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly List<CaptureModel> _captures = new();
    private readonly List<(TextSpan Span, string Text)> _edits = new();

    public IReadOnlyList<CaptureModel> Captures => _captures;

    public IReadOnlyList<(TextSpan Span, string Text)> Edits => _edits;

    /// <summary>The name a captured variable has inside the body struct: its own, unless that clashes with a generated one.</summary>
    public static string NameOf(ISymbol symbol, GeneratedNames names)
        => Reserved.Contains(symbol.Name) || symbol.Name.StartsWith("__", System.StringComparison.Ordinal)
            ? names.Captured(symbol.Name)
            : Identifiers.Escape(symbol.Name);

    public static CaptureAnalysis Analyze(LoopScope scope, IReadOnlyCollection<string> scalarReductions, LoopFindings findings)
    {
        var analysis = new CaptureAnalysis();
        analysis.Collect(scope, scalarReductions, findings);
        return analysis;
    }

    private void Collect(LoopScope scope, IReadOnlyCollection<string> scalarReductions, LoopFindings findings)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        bool usesSelf = false;
        foreach (IOperation operation in scope.Operations)
        {
            switch (operation)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation:
                {
                    ISymbol symbol = operation is ILocalReferenceOperation l ? l.Local : ((IParameterReferenceOperation)operation).Parameter;
                    if (!scope.IsCaptured(symbol) || scalarReductions.Contains(symbol.Name))
                    {
                        continue;
                    }

                    string name = NameOf(symbol, scope.Names);
                    if (name != Identifiers.Escape(symbol.Name))
                    {
                        _edits.Add((operation.Syntax.Span, name));
                    }

                    if (seen.Add(symbol))
                    {
                        AddVariable(symbol, name, operation, scope, findings);
                    }

                    break;
                }

                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self when self.Syntax is not BaseExpressionSyntax:
                    usesSelf = true;
                    if (self.IsImplicit)
                    {
                        _edits.Add((new TextSpan(self.Parent!.Syntax.SpanStart, 0), scope.Names.Self + "."));
                    }
                    else
                    {
                        _edits.Add((self.Syntax.Span, scope.Names.Self));
                    }

                    break;
            }
        }

        if (usesSelf)
        {
            AddSelf(scope, findings);
        }

        QualifyHiddenNames(scope);
        if (scope.Loop.Collection is { } collection && scope.Loop.Kind is LoopKind.ForeachArray or LoopKind.ForeachSpan)
        {
            AddCollection(collection, scope, findings);
        }
    }

    /// <summary>
    /// A static member or a type that the body names by its simple name, when that name is also one of the body struct's
    /// members (a helper called <c>Combine</c>, a nested type called <c>Accumulator</c>): inside the struct the simple name
    /// would mean the struct's member, so it is written qualified. Instance members already go through <c>__self</c>.
    /// </summary>
    private void QualifyHiddenNames(LoopScope scope)
    {
        foreach (SimpleNameSyntax name in scope.Loop.BodySyntax.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
        {
            if (!Reserved.Contains(name.Identifier.ValueText) || IsQualified(name))
            {
                continue;
            }

            SymbolInfo info = scope.Model.GetSymbolInfo(name, scope.CancellationToken);
            ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            string? qualifier = symbol switch
            {
                IMethodSymbol { MethodKind: MethodKind.LocalFunction } => null,
                INamedTypeSymbol { ContainingType: { } owner } => owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".",
                INamedTypeSymbol type => type.ContainingNamespace is { IsGlobalNamespace: false } ns
                    ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "."
                    : "global::",
                { IsStatic: true, Kind: SymbolKind.Method or SymbolKind.Field or SymbolKind.Property or SymbolKind.Event, ContainingType: { } owner }
                    => owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".",
                _ => null,
            };
            if (qualifier is not null)
            {
                _edits.Add((new TextSpan(name.SpanStart, 0), qualifier));
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> is the right-hand part of <c>a.Name</c>, <c>A.Name</c>, <c>a?.Name</c> or <c>alias::Name</c>.</summary>
    private static bool IsQualified(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == name,
        QualifiedNameSyntax qualified => qualified.Right == name,
        MemberBindingExpressionSyntax => true,
        AliasQualifiedNameSyntax alias => alias.Name == name,
        _ => false,
    };

    private void AddVariable(ISymbol symbol, string name, IOperation at, LoopScope scope, LoopFindings findings)
    {
        ITypeSymbol type = symbol is ILocalSymbol local ? local.Type : ((IParameterSymbol)symbol).Type;
        if (type.IsReferenceType && scope.Model.GetTypeInfo(at.Syntax, scope.CancellationToken).Nullability.FlowState == NullableFlowState.NotNull)
        {
            // `var a = new int[n]` is typed int[]? but known not null where the loop uses it: the copy must keep that knowledge.
            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        }

        if (symbol is ILocalSymbol { RefKind: not RefKind.None })
        {
            findings.Report(DiagnosticDescriptors.UnsupportedConstruct, at.Syntax.GetLocation(), symbol.Name,
                "a ref local declared outside the loop cannot be shared with worker threads");
            return;
        }

        AddValue(name, type, Identifiers.Escape(symbol.Name), at, scope, findings);
    }

    private void AddValue(string name, ITypeSymbol type, string value, IOperation at, LoopScope scope, LoopFindings findings)
    {
        if (type.IsAnonymousType)
        {
            findings.Report(DiagnosticDescriptors.UnsupportedConstruct, at.Syntax.GetLocation(), name,
                "a variable of an anonymous type cannot be carried into the generated loop body; use a named type or a tuple");
            return;
        }

        if (scope.Known.IsSpan(type))
        {
            // The runtime pins spans for the loop's duration (SpanArguments), so workers can rebuild them.
            ITypeSymbol element = ((INamedTypeSymbol)type).TypeArguments[0];
            if (!element.IsUnmanagedType)
            {
                findings.Report(DiagnosticDescriptors.UnsupportedConstruct, at.Syntax.GetLocation(), name,
                    $"the span '{name}' holds {element.ToDisplayString()}, which cannot be pinned to share it with worker threads; use an array (or constrain a type parameter to 'unmanaged')");
                return;
            }

            int index = _captures.Count(c => c.IsSpan);
            if (index >= MaxSpans)
            {
                findings.Report(DiagnosticDescriptors.UnsupportedConstruct, at.Syntax.GetLocation(), name,
                    $"a parallel loop can share at most {MaxSpans} spans with worker threads; pass arrays or Memory<T> instead");
                return;
            }

            bool readOnly = KnownSymbols.IsConstructedFrom(type, scope.Known.ReadOnlySpan);
            _captures.Add(new CaptureModel(
                name, type.ToDisplayString(TypeFormat), value, readOnly ? CaptureKind.ReadOnlySpan : CaptureKind.Span, element.ToDisplayString(TypeFormat), index));
            return;
        }

        if (type.IsRefLikeType)
        {
            findings.Report(DiagnosticDescriptors.UnsupportedConstruct, at.Syntax.GetLocation(), name,
                $"'{name}' is a ref struct ({type.ToDisplayString()}), which cannot be shared with worker threads");
            return;
        }

        _captures.Add(new CaptureModel(name, type.ToDisplayString(TypeFormat), value, CaptureKind.Value, string.Empty, -1));
    }

    private void AddSelf(LoopScope scope, LoopFindings findings)
    {
        INamedTypeSymbol? type = scope.Model.GetEnclosingSymbol(scope.Loop.Syntax.SpanStart, scope.CancellationToken)?.ContainingType;
        if (type is null)
        {
            return;
        }

        if (type.IsRefLikeType)
        {
            findings.Report(DiagnosticDescriptors.UnsupportedConstruct, scope.Loop.HeaderLocation, "this",
                $"the body uses members of the ref struct '{type.Name}', which cannot be shared with worker threads");
            return;
        }

        _captures.Insert(0, new CaptureModel(scope.Names.Self, type.ToDisplayString(TypeFormat), "this", CaptureKind.Self, string.Empty, -1));
    }

    private void AddCollection(IOperation collection, LoopScope scope, LoopFindings findings)
    {
        IOperation stripped = LoopShape.Strip(collection);
        ISymbol? variable = stripped switch
        {
            ILocalReferenceOperation { Local: var l } when scope.IsCaptured(l) => l,
            IParameterReferenceOperation { Parameter: var p } when scope.IsCaptured(p) => p,
            _ => null,
        };
        if (variable is not null && _captures.Any(c => c.Value == stripped.Syntax.ToString()))
        {
            return;
        }

        // A collection that is not a plain variable is evaluated once, into a local of the generated method.
        if (variable is null)
        {
            AddValue(scope.Names.Collection, stripped.Type!, scope.Names.Collection, stripped, scope, findings);
        }
        else
        {
            AddValue(NameOf(variable, scope.Names), stripped.Type!, stripped.Syntax.ToString(), stripped, scope, findings);
        }
    }

    /// <summary>The runtime's limit (<c>SpanArguments.MaxCount</c>).</summary>
    public const int MaxSpans = 8;
}
