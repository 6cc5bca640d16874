using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Tests.Analyzers;

/// <summary>Every ID's severity is the user's to choose in .editorconfig: AP0013 switched on, warnings silenced or raised to errors.</summary>
public sealed class EditorConfigSeverityTests
{
    private const string Source = """
        using System;
        using System.Threading.Tasks;
        using AutoParallel;
        public static partial class K
        {
            [Parallelise]
            public static void Chatty(int[] values)
            {
                for (int i = 0; i < values.Length; i++) Console.WriteLine(values[i]);
            }

            public static double Sum(double[] a, double[][] m)
            {
                double sum = 0;
                Parallel.For(0, a.Length, i => sum += a[i]);
                for (int i = 0; i < m.Length; i++)
                    Parallel.For(0, m[i].Length, j => m[i][j] *= 2);
                return sum;
            }
        }
        """;

    [Fact]
    public void Without_editorconfig_the_report_is_off_and_the_defaults_apply()
    {
        var diagnostics = Analyze(editorConfig: null);
        Assert.Equal(new[] { ("AP0008", DiagnosticSeverity.Warning), ("AP0007", DiagnosticSeverity.Warning), ("AP0005", DiagnosticSeverity.Warning) }, diagnostics);
    }

    [Fact]
    public void AP0013_is_switched_on_through_editorconfig()
    {
        var diagnostics = Analyze("""
            root = true
            [*.cs]
            dotnet_diagnostic.AP0013.severity = suggestion
            """);
        Assert.Contains(("AP0013", DiagnosticSeverity.Info), diagnostics);
        Assert.Equal(4, diagnostics.Length);
    }

    [Fact]
    public void Warnings_are_silenced_or_raised_per_ID()
    {
        var diagnostics = Analyze("""
            root = true
            [*.cs]
            dotnet_diagnostic.AP0008.severity = none
            dotnet_diagnostic.AP0007.severity = error
            dotnet_diagnostic.AP0005.severity = suggestion
            """);
        Assert.Equal(new[] { ("AP0007", DiagnosticSeverity.Error), ("AP0005", DiagnosticSeverity.Info) }, diagnostics);
    }

    [Fact]
    public void A_whole_category_is_configured_at_once()
    {
        var diagnostics = Analyze("""
            root = true
            [*.cs]
            dotnet_analyzer_diagnostic.category-AutoParallel.Correctness.severity = error
            dotnet_analyzer_diagnostic.category-AutoParallel.Performance.severity = none
            """);
        Assert.Equal(new[] { ("AP0008", DiagnosticSeverity.Error), ("AP0007", DiagnosticSeverity.Error) }, diagnostics);
    }

    [Fact]
    public void A_category_setting_does_not_switch_on_the_report_which_is_off_by_default()
    {
        // .NET's rule: bulk (category) settings apply only to rules enabled by default. AP0013 needs its own line.
        var diagnostics = Analyze("""
            root = true
            [*.cs]
            dotnet_analyzer_diagnostic.category-AutoParallel.Report.severity = warning
            """);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AP0013");
    }

    [Fact]
    public void Sections_apply_only_to_the_files_they_match()
    {
        var diagnostics = Analyze("""
            root = true
            [Other*.cs]
            dotnet_diagnostic.AP0007.severity = none
            """);
        Assert.Contains(("AP0007", DiagnosticSeverity.Warning), diagnostics);
    }

    private static (string Id, DiagnosticSeverity Severity)[] Analyze(string? editorConfig)
    {
        Compilation compilation = TestCompiler.Compile(Source);
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty);
        if (editorConfig is not null)
        {
            (compilation, options) = EditorConfig.Apply(compilation, editorConfig);
        }

        return TestCompiler.AnalyzeAsConfigured(compilation, options)
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .Select(d => (d.Id, d.Severity))
            .ToArray();
    }
}
