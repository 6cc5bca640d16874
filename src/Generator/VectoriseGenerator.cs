using System.Threading;
using AutoParallel.Generator.Analysis;
using AutoParallel.Generator.Analysis.Vectorise;
using AutoParallel.Generator.Emit;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.Generator;

/// <summary>
/// Generates the span overload of every <c>[Vectorise]</c> kernel whose signature is supported: SIMD where the body lowers to
/// lanes, a scalar loop where it does not. Diagnostics come from <see cref="Diagnostics.VectoriseAnalyzer"/>, which runs the same analysis.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class VectoriseGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<VectoriseModel> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownSymbols.VectoriseAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => Transform(context, cancellationToken))
            .WithTrackingName(TrackingNames.VectoriseKernels)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.VectoriseModels);

        context.RegisterSourceOutput(models, static (output, model) => output.AddSource(model.HintName, VectoriseEmitter.Emit(model)));
    }

    private static VectoriseModel? Transform(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.Length == 0)
        {
            return null;
        }

        return VectoriseAnalysis.Analyze((MethodDeclarationSyntax)context.TargetNode, method, context.Attributes[0], context.SemanticModel, cancellationToken).Model;
    }
}
