using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AutoParallel.Generator.Tests.Infrastructure;

/// <summary>
/// Applies an .editorconfig to an in-memory compilation the way the compiler does in a build: the file is parsed and resolved per
/// source path by Roslyn's own <see cref="AnalyzerConfigSet"/>; its <c>dotnet_diagnostic.ID.severity</c> entries become the
/// compilation's per-tree severities, and every other key reaches analyzers through <see cref="AnalyzerOptions"/>
/// (where the compiler reads <c>dotnet_analyzer_diagnostic.*</c> from).
/// </summary>
internal static class EditorConfig
{
    public const string Directory = "/project";

    /// <summary>The compilation with its trees under <see cref="Directory"/> and <paramref name="editorConfig"/> applied, and the analyzer options.</summary>
    public static (Compilation Compilation, AnalyzerOptions Options) Apply(Compilation compilation, string editorConfig)
    {
        AnalyzerConfigSet set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, Directory + "/.editorconfig") });
        foreach (SyntaxTree tree in compilation.SyntaxTrees.ToList())
        {
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithFilePath(Directory + "/" + tree.FilePath.TrimStart('/')));
        }

        var results = compilation.SyntaxTrees.ToDictionary(t => t, t => set.GetOptionsForSourcePath(t.FilePath));
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new TreeSeverities(results, set.GlobalConfigOptions)));
        return (compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptionsProvider(results, set.GlobalConfigOptions)));
    }

    private sealed class TreeSeverities : SyntaxTreeOptionsProvider
    {
        private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> _results;
        private readonly AnalyzerConfigOptionsResult _global;

        public TreeSeverities(Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> results, AnalyzerConfigOptionsResult global)
        {
            _results = results;
            _global = global;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return _results.TryGetValue(tree, out var result) && result.TreeOptions.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> _results;

        public ConfigOptionsProvider(Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> results, AnalyzerConfigOptionsResult global)
        {
            _results = results;
            GlobalOptions = new Options(global.AnalyzerOptions);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree)
            => _results.TryGetValue(tree, out var result) ? new Options(result.AnalyzerOptions) : GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}
