using System.Collections.Immutable;
using System.Linq;
using AutoParallel.Generator.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AutoParallel.Generator.Diagnostics;

/// <summary>
/// Reports, live in the IDE and in the build, everything the loop analysis finds in <c>[Parallelise]</c> methods: why a loop is or
/// is not parallelised (AP0001–AP0004, AP0006, AP0008, AP0013, AP0014). The generator runs the same analysis and emits code only
/// for methods without errors.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParalleliseAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TypeMustBePartial,
        DiagnosticDescriptors.NoTargetLoop,
        DiagnosticDescriptors.LoopCarriedDependency,
        DiagnosticDescriptors.UnsupportedConstruct,
        DiagnosticDescriptors.InnerLoopParallelism,
        DiagnosticDescriptors.NestedOversubscription,
        DiagnosticDescriptors.PossibleRace,
        DiagnosticDescriptors.TooLittleWork,
        DiagnosticDescriptors.CollapseNotApplicable,
        DiagnosticDescriptors.ParallelisationReport,
        DiagnosticDescriptors.InnerLoopChosen);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? attribute = start.Compilation.GetTypeByMetadataName(KnownSymbols.ParalleliseAttributeName);
            if (attribute is null)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(node => AnalyzeMethod(node, attribute), SyntaxKind.MethodDeclaration);
            start.RegisterSyntaxNodeAction(node => AnalyzeLocalFunction(node, attribute), SyntaxKind.LocalFunctionStatement);
        });
    }

    /// <summary>A local function cannot get a generated twin (nothing can be added to a method body): say so rather than ignore it.</summary>
    private static void AnalyzeLocalFunction(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var syntax = (LocalFunctionStatementSyntax)context.Node;
        if (syntax.AttributeLists.Count > 0
            && context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is IMethodSymbol function
            && function.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NoTargetLoop, syntax.Identifier.GetLocation(), function.Name,
                "[Parallelise] applies to methods of a type; a local function cannot get a generated parallel twin (make it a static method)"));
        }
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var syntax = (MethodDeclarationSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0 || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not IMethodSymbol method)
        {
            return;
        }

        AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
        if (attribute is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in ParalleliseAnalysis.Analyze(syntax, method, attribute, context.SemanticModel, context.CancellationToken).Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
