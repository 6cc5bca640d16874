using System.Collections.Immutable;
using System.Linq;
using AutoParallel.Generator.Analysis;
using AutoParallel.Generator.Analysis.Vectorise;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AutoParallel.Generator.Diagnostics;

/// <summary>
/// Reports, live in the IDE and in the build, what the <c>[Vectorise]</c> analysis finds: a type that is not partial (AP0001), a
/// signature that cannot be vectorised (AP0010), a body generated as a scalar loop and why (AP0011).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VectoriseAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TypeMustBePartial,
        DiagnosticDescriptors.VectoriseSignatureNotSupported,
        DiagnosticDescriptors.VectoriseScalarFallback);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? attribute = start.Compilation.GetTypeByMetadataName(KnownSymbols.VectoriseAttributeName);
            if (attribute is null)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(node => AnalyzeMethod(node, attribute), SyntaxKind.MethodDeclaration);
            start.RegisterSyntaxNodeAction(node => AnalyzeLocalFunction(node, attribute), SyntaxKind.LocalFunctionStatement);
        });
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not IMethodSymbol method
            || method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)) is not { } attribute)
        {
            return;
        }

        foreach (Diagnostic diagnostic in VectoriseAnalysis.Analyze(syntax, method, attribute, context.SemanticModel, context.CancellationToken).Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>A local function cannot get a generated overload (nothing can be added to a method body): say so rather than ignore it.</summary>
    private static void AnalyzeLocalFunction(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var syntax = (LocalFunctionStatementSyntax)context.Node;
        if (syntax.AttributeLists.Count > 0
            && context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is IMethodSymbol function
            && function.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.VectoriseSignatureNotSupported, syntax.Identifier.GetLocation(), function.Name,
                "it is a local function; only methods of a type get a generated span overload (make it a static method)"));
        }
    }
}
