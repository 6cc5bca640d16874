using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AutoParallel.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles test sources in memory against the .NET 8 reference assemblies and AutoParallel.dll, with the compiler the generator
/// targets (Roslyn 4.8, C# 12), and runs the generator and the analyzers over them.
/// </summary>
internal static class TestCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>The net8.0 reference assemblies this test project itself compiles against (see the .csproj), and AutoParallel.dll.</summary>
    private static readonly ImmutableArray<MetadataReference> References = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-references.txt"))
        .Where(line => line.Length > 0)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .Append(MetadataReference.CreateFromFile(typeof(ParalleliseAttribute).Assembly.Location))
        .ToImmutableArray();

    public static CSharpCompilation Compile(string source, bool allowUnsafe = true, bool nullable = true, string assemblyName = "TestAssembly")
        => Compile(new[] { source }, allowUnsafe, nullable, assemblyName);

    public static CSharpCompilation Compile(IEnumerable<string> sources, bool allowUnsafe = true, bool nullable = true, string assemblyName = "TestAssembly")
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, k) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{k}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: allowUnsafe,
                nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                optimizationLevel: OptimizationLevel.Release));

    public static GeneratorRun Generate(string source, bool allowUnsafe = true) => Generate(Compile(source, allowUnsafe));

    public static GeneratorRun Generate(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ParalleliseGenerator().AsSourceGenerator(), new VectoriseGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorRun(compilation, output, driver, generatorDiagnostics);
    }

    /// <summary>Every analyzer AutoParallel ships: the [Parallelise] analysis and the rules for hand-written parallel code.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => ImmutableArray.Create<DiagnosticAnalyzer>(
        new ParalleliseAnalyzer(),
        new VectoriseAnalyzer(),
        new InnerLoopParallelismAnalyzer(),
        new NestedParallelismAnalyzer(),
        new CapturedClosureAnalyzer());

    /// <summary>Every analyzer diagnostic of the compilation (AP0013, off by default, switched on), sorted by position.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
        => AnalyzeAsConfigured(compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem(RuleIds.ParallelisationReport, ReportDiagnostic.Info))));

    /// <summary>Every analyzer diagnostic, with the severities the compilation's options (and .editorconfig, if given) configure.</summary>
    public static ImmutableArray<Diagnostic> AnalyzeAsConfigured(Compilation compilation, AnalyzerOptions? options = null)
    {
        return compilation
            .WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    public static ImmutableArray<Diagnostic> Analyze(string source, bool allowUnsafe = true) => Analyze(Compile(source, allowUnsafe));
}

/// <summary>The result of running the generator over a compilation.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(Compilation input, Compilation output, GeneratorDriver driver, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Input = input;
        Output = output;
        Driver = driver;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public Compilation Input { get; }

    public Compilation Output { get; }

    public GeneratorDriver Driver { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources => Driver.GetRunResult().Results
        .SelectMany(r => r.GeneratedSources)
        .ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Compiler errors in the user code plus generated code (there must be none).</summary>
    public ImmutableArray<Diagnostic> Errors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>Compiler warnings that come from generated files.</summary>
    public ImmutableArray<Diagnostic> GeneratedWarnings => Output.GetDiagnostics()
        .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
        .ToImmutableArray();

    /// <summary>Throws with the errors and the generated code when the output does not compile cleanly.</summary>
    public GeneratorRun ShouldCompile()
    {
        var problems = GeneratorDiagnostics.Concat(Errors).Concat(GeneratedWarnings).ToList();
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                "The generated code does not compile cleanly:\n" + string.Join("\n", problems) + "\n\n" + string.Join("\n\n", Sources.Values));
        }

        return this;
    }

    public byte[] Emit()
    {
        ShouldCompile();
        using var stream = new MemoryStream();
        var result = Output.Emit(stream);
        if (!result.Success)
        {
            throw new Xunit.Sdk.XunitException("Emit failed:\n" + string.Join("\n", result.Diagnostics));
        }

        return stream.ToArray();
    }
}
