using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AutoParallel.Generator.Diagnostics;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis.Vectorise;

/// <summary>
/// The one analysis of a <c>[Vectorise]</c> kernel, shared by the generator (which keeps <see cref="Model"/>) and the analyzer (which
/// reports <see cref="Diagnostics"/>): the signature is checked (AP0010, AP0001), then the body is lowered to lanes, or, where it
/// cannot be, the overload is a scalar loop and AP0011 says which expression stopped it.
/// </summary>
internal sealed class VectoriseAnalysis
{
    /// <summary>The name of the generated overload's output span.</summary>
    public const string ResultName = "result";

    /// <summary>Target = Parallel: the spans are split into blocks of this many elements, a multiple of every lane count.</summary>
    public const int ParallelBlock = 256;

    private VectoriseAnalysis(ImmutableArray<Diagnostic> diagnostics, VectoriseModel? model)
    {
        Diagnostics = diagnostics;
        Model = model;
    }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>What to generate, or <see langword="null"/> when the signature is refused.</summary>
    public VectoriseModel? Model { get; }

    public static VectoriseAnalysis Analyze(
        MethodDeclarationSyntax syntax, IMethodSymbol method, AttributeData attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            return AnalyzeKernel(syntax, method, attribute, model, cancellationToken);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            // Never crash the compiler: refuse the method with a clear error instead (always a bug; tests look for the prefix).
            var failure = Diagnostic.Create(DiagnosticDescriptors.VectoriseSignatureNotSupported, syntax.Identifier.GetLocation(), method.Name,
                $"{ParalleliseAnalysis.InternalErrorPrefix} ({e.GetType().Name}: {e.Message}); nothing was generated. Please report this with the method's code");
            return new VectoriseAnalysis(ImmutableArray.Create(failure), null);
        }
    }

    private static VectoriseAnalysis AnalyzeKernel(
        MethodDeclarationSyntax syntax, IMethodSymbol method, AttributeData attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        var findings = new LoopFindings();
        TypeChain.CheckPartial(syntax, "the span overload of " + method.Name, findings);
        bool parallel = attribute.NamedArguments.Any(a => a.Key == "Target" && a.Value.Value is int target && target == 1);
        foreach ((Location location, string problem) in SignatureProblems(syntax, method, parallel))
        {
            findings.Report(DiagnosticDescriptors.VectoriseSignatureNotSupported, location, method.Name, problem);
        }

        if (findings.HasErrors || model.GetOperation(syntax, cancellationToken) is not IMethodBodyOperation { } bodyOperation
            || (bodyOperation.BlockBody ?? bodyOperation.ExpressionBody) is not { } body)
        {
            return new VectoriseAnalysis(findings.Diagnostics.ToImmutableArray(), null);
        }

        var varying = method.Parameters.Where(p => !IsScalar(p)).ToList();
        LaneType result = LaneType.Of(method.ReturnType)!;
        Uniformity uniformity = Uniformity.Of(body, varying);
        int width = Width(body, uniformity, varying, result);

        GeneratedNames names = GeneratedNames.For(syntax);
        KernelLowering? lowering = null;
        string scalarReason = string.Empty;
        try
        {
            if (uniformity.ScalarParameterMadeVarying is { } assigned)
            {
                throw new NotVectorisableException(assigned.Parent?.Syntax ?? assigned.Syntax, $"it gives [Scalar] parameter '{assigned.Parameter.Name}' a value per lane; copy it into a local first");
            }

            lowering = KernelLowering.Lower(body, uniformity, width, result, names);
        }
        catch (NotVectorisableException blocked)
        {
            scalarReason = $"'{Shorten(blocked.Node.ToString())}': {blocked.Reason}";
            findings.Report(DiagnosticDescriptors.VectoriseScalarFallback, blocked.Node.GetLocation(), method.Name, scalarReason);
        }

        double cost = CostEstimate.PerIteration(body);
        var vectoriseModel = new VectoriseModel(
            TypeChain.HintName(method, "Vectorise"),
            TypeChain.Usings(syntax),
            TypeChain.Namespace(method),
            TypeChain.Declarations(syntax),
            model.GetNullableContext(syntax.SpanStart).AnnotationsEnabled(),
            string.Join(" ", syntax.Modifiers.Select(m => m.Text).Where(m => m is "public" or "internal" or "protected" or "private" or "static")),
            method.Name,
            method.Name + "(" + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ")",
            method.Parameters.Select(p => new KernelParameterModel(Identifiers.Escape(p.Name), IsScalar(p), Value(LaneType.Of(p.Type)!, width))).ToEquatableArray(),
            Value(result, width),
            parallel,
            "__" + method.Name + TypeChain.OverloadSuffix(method),
            lowering is null ? null : new LaneFunctionModel(CountType(varying, result, width), lowering.CanBail, lowering.Text, Summary(body, uniformity, varying, result, width)),
            scalarReason,
            lowering is null ? cost : System.Math.Max(0.05, System.Math.Round(cost * width / 32, 3)),
            names);
        return new VectoriseAnalysis(findings.Diagnostics.ToImmutableArray(), vectoriseModel);
    }

    private static IEnumerable<(Location Location, string Problem)> SignatureProblems(MethodDeclarationSyntax syntax, IMethodSymbol method, bool parallel)
    {
        Location name = syntax.Identifier.GetLocation();
        if (!method.IsStatic)
        {
            yield return (name, "it is an instance method; a kernel must be static (it sees only its parameters)");
        }

        if (method.IsGenericMethod)
        {
            yield return (syntax.TypeParameterList?.GetLocation() ?? name, "it is generic; write one kernel per element type");
        }

        if (LaneType.Of(method.ReturnType) is null && method.ReturnType is not ITypeParameterSymbol)
        {
            yield return (syntax.ReturnType.GetLocation(), $"its result type '{method.ReturnType.ToDisplayString()}' is not {LaneType.SupportedList}");
        }

        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            yield return (name, "it has no body to translate");
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            Location at = parameter.Locations.FirstOrDefault() ?? name;
            if (parameter.RefKind != RefKind.None)
            {
                yield return (at, $"parameter '{parameter.Name}' is passed by {parameter.RefKind.ToString().ToLowerInvariant()}; kernel parameters are values");
            }
            else if (LaneType.Of(parameter.Type) is null && parameter.Type is not ITypeParameterSymbol)
            {
                yield return (at, $"parameter '{parameter.Name}' has type '{parameter.Type.ToDisplayString()}', not {LaneType.SupportedList}");
            }

            if (parameter.Name == ResultName)
            {
                yield return (at, $"parameter '{ResultName}' would clash with the overload's output span '{ResultName}'; rename it");
            }
        }

        int spans = method.Parameters.Count(p => !IsScalar(p)) + 1;
        if (parallel && spans > SpanArgumentsLimit)
        {
            yield return (name, $"Target = Parallel passes its {spans} spans through the runtime, which takes at most {SpanArgumentsLimit}; mark some parameters [Scalar] or use Target = Cpu");
        }
    }

    /// <summary><c>AutoParallel.SpanArguments.MaxCount</c>.</summary>
    private const int SpanArgumentsLimit = 8;

    public static bool IsScalar(IParameterSymbol parameter)
        => parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "AutoParallel.ScalarAttribute");

    /// <summary>The size of the widest type any varying value has: every value runs in lanes of that width.</summary>
    private static int Width(IOperation body, Uniformity uniformity, IEnumerable<IParameterSymbol> varying, LaneType result)
    {
        int width = varying.Select(p => LaneType.Of(p.Type)?.Size ?? 0).Concat(new[] { result.Size })
            .Concat(body.DescendantsAndSelf().Where(uniformity.IsVarying).Select(o => LaneType.Of(o.Type)?.Size ?? 0))
            .Max();
        return width == 0 ? 1 : width;
    }

    private static KernelValueModel Value(LaneType type, int width)
        => new(type.Keyword, type.Representation(width).Keyword,
            type.Kind == LaneKind.Bool ? LaneAccess.Mask : type.Size == width ? LaneAccess.Direct : LaneAccess.Resized);

    /// <summary>The type named in <c>Vector&lt;T&gt;.Count</c>: the first span of the lane width (the one users think in).</summary>
    private static string CountType(IEnumerable<IParameterSymbol> varying, LaneType result, int width)
        => varying.Select(p => LaneType.Of(p.Type)!).Concat(new[] { result }).FirstOrDefault(t => t.Size == width)?.Keyword
            ?? LaneType.MaskOf(width).Keyword;

    private static string Summary(IOperation body, Uniformity uniformity, IEnumerable<IParameterSymbol> varying, LaneType result, int width)
    {
        var narrow = varying.Select(p => LaneType.Of(p.Type)!).Concat(new[] { result })
            .Concat(body.DescendantsAndSelf().Where(uniformity.IsVarying).Select(o => LaneType.Of(o.Type)).OfType<LaneType>())
            .Where(t => t.Kind != LaneKind.Bool && t.Size < width)
            .Distinct()
            .Select(t => $"{t} in {t.Representation(width)} lanes");
        string held = string.Join(", ", narrow);
        return $"every value in {width}-byte lanes" + (held.Length > 0 ? $" ({held})" : string.Empty);
    }

    private static readonly char[] LineBreaks = { '\r', '\n' };

    private static string Shorten(string text)
    {
        string line = string.Join(" ", text.Split(LineBreaks, System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return line.Length <= 80 ? line : line.Substring(0, 77) + "…";
    }
}
