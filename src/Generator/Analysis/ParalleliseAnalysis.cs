using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using AutoParallel.Generator.Diagnostics;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using System.Collections.Generic;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// The one analysis of a <c>[Parallelise]</c> method, shared by the generator (which keeps <see cref="Model"/>) and the analyzer
/// (which reports <see cref="Diagnostics"/>). A method with any error gets no model, so nothing is generated for it.
/// </summary>
internal sealed class ParalleliseAnalysis
{
    private ParalleliseAnalysis(ImmutableArray<Diagnostic> diagnostics, ParallelMethodModel? model)
    {
        Diagnostics = diagnostics;
        Model = model;
    }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>What to generate, or <see langword="null"/> when the method has errors.</summary>
    public ParallelMethodModel? Model { get; }

    /// <summary>Message prefix of the diagnostic that replaces an analysis failure (tests look for it: it is always a bug).</summary>
    public const string InternalErrorPrefix = "AutoParallel could not analyse this method";

    public static ParalleliseAnalysis Analyze(
        MethodDeclarationSyntax syntax, IMethodSymbol method, AttributeData attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            return AnalyzeMethod(syntax, method, attribute, model, cancellationToken);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            // Never crash the compiler (CS8785/AD0001 tell users nothing): refuse the method with a clear error instead.
            var failure = Diagnostic.Create(DiagnosticDescriptors.NoTargetLoop, syntax.Identifier.GetLocation(), method.Name,
                $"{InternalErrorPrefix} ({e.GetType().Name}: {e.Message}); nothing was generated. Please report this with the method's code");
            return new ParalleliseAnalysis(ImmutableArray.Create(failure), null);
        }
    }

    private static ParalleliseAnalysis AnalyzeMethod(
        MethodDeclarationSyntax syntax, IMethodSymbol method, AttributeData attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        var known = new KnownSymbols(model.Compilation);
        var options = ParalleliseOptions.From(attribute);
        string generatedName = options.Name ?? method.Name + "Parallel";
        var findings = new LoopFindings();

        TypeChain.CheckPartial(syntax, generatedName, findings);
        foreach (string problem in options.Problems())
        {
            findings.Report(DiagnosticDescriptors.NoTargetLoop, attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? syntax.Identifier.GetLocation(), method.Name, problem);
        }

        if (ConflictingMember(method, generatedName) is { } conflict)
        {
            findings.Report(DiagnosticDescriptors.NoTargetLoop, syntax.Identifier.GetLocation(), method.Name,
                $"the generated method '{generatedName}' would clash with the existing {conflict}; choose another name with [Parallelise(Name = \"…\")]");
        }

        if (syntax.Body is null)
        {
            findings.Report(DiagnosticDescriptors.NoTargetLoop, syntax.Identifier.GetLocation(), method.Name, "it has no block body with a loop");
            return new ParalleliseAnalysis(findings.Diagnostics.ToImmutableArray(), null);
        }

        LoopSelection selection = LoopSelection.Select(syntax.Body, method.Name, options, model, known, cancellationToken);
        findings.AddRange(selection.Findings);
        if (selection.Targets.Count == 0 && !findings.HasErrors)
        {
            findings.Report(DiagnosticDescriptors.NoTargetLoop, syntax.Identifier.GetLocation(), method.Name, "it contains no for or foreach loop");
        }

        foreach (LoopAnalysis target in selection.Targets)
        {
            findings.Report(DiagnosticDescriptors.ParallelisationReport, target.Shape.HeaderLocation, Report(method.Name, target, options));
        }

        ParallelMethodModel? generated = findings.HasErrors
            ? null
            : MethodModelBuilder.Build(syntax, method, generatedName, options, selection.Targets, model, cancellationToken);
        return new ParalleliseAnalysis(findings.Diagnostics.ToImmutableArray(), generated);
    }

    /// <summary>
    /// A member the generated method cannot sit beside: anything but a method with that name, or a method with the same
    /// parameter types. AutoParallel's own generated methods (seen by the analyzer after generation) do not count.
    /// </summary>
    private static string? ConflictingMember(IMethodSymbol method, string generatedName)
    {
        foreach (ISymbol member in method.ContainingType.GetMembers(generatedName))
        {
            if (member is not IMethodSymbol other)
            {
                return $"{member.Kind.ToString().ToLowerInvariant()} '{member.Name}'";
            }

            bool generatedByUs = other.GetAttributes().Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute"
                && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is string tool && tool.StartsWith("AutoParallel", System.StringComparison.Ordinal));
            bool sameParameters = other.Parameters.Length == method.Parameters.Length
                && other.Parameters.Zip(method.Parameters, (a, b) => a.RefKind == b.RefKind && SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same);
            if (!generatedByUs && sameParameters && other.TypeParameters.Length == method.TypeParameters.Length)
            {
                return $"method '{other.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'";
            }
        }

        return null;
    }

    /// <summary>AP0013, numba's parallel_diagnostics: what was done with one loop.</summary>
    private static string Report(string method, LoopAnalysis loop, ParalleliseOptions options)
    {
        string reductions = loop.Reductions.Count == 0 ? "none" : string.Join(", ", loop.Reductions.Select(r => $"{r.Name} ({r.Description})"));
        string privates = loop.PrivateVariables.Count == 0 ? "none" : string.Join(", ", loop.PrivateVariables);
        var sharedNames = (loop.Captures?.Captures ?? Enumerable.Empty<CaptureModel>()).Select(c => c.Name).Where(n => !loop.Reductions.Any(r => r.Name == n)).ToList();
        string shared = sharedNames.Count == 0 ? "none" : string.Join(", ", sharedNames);
        string fused = loop.Fused.Count == 0 ? string.Empty : " fused with '" + string.Join("', '", loop.Fused.Select(f => f.Shape.Header)) + "'";
        string chunk = options.ChunkSize > 0 ? options.ChunkSize.ToString(CultureInfo.InvariantCulture) : "chosen by the runtime";
        return $"'{method}': parallelised '{loop.Shape.Header}'{fused}; reductions: {reductions}; private: {privates}; shared: {shared}; "
            + $"schedule: {options.Schedule}, chunk size {chunk}; estimated cost {loop.EffectiveCost.ToString("0.##", CultureInfo.InvariantCulture)} ns per iteration";
    }
}
