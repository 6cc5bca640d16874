using System.Threading;
using AutoParallel.Generator.Analysis;
using AutoParallel.Generator.Emit;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.Generator;

/// <summary>
/// Generates <c>&lt;Method&gt;Parallel</c> for every <c>[Parallelise]</c> method whose loops are proven legal. Diagnostics come from
/// <see cref="Diagnostics.ParalleliseAnalyzer"/>, which runs the same analysis; a method with an error gets no code here.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ParalleliseGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParallelMethodModel> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.ParalleliseAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => Transform(context, cancellationToken))
            .WithTrackingName(TrackingNames.ParalleliseMethods)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.ParalleliseModels);

        context.RegisterSourceOutput(models, static (output, model) => output.AddSource(model.HintName, ParallelMethodEmitter.Emit(model)));
    }

    private static ParallelMethodModel? Transform(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0)
        {
            return null;
        }

        return ParalleliseAnalysis.Analyze((MethodDeclarationSyntax)context.TargetNode, method, context.Attributes[0], context.SemanticModel, cancellationToken).Model;
    }
}
