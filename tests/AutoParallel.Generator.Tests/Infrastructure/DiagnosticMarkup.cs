using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.Generator.Tests.Infrastructure;

/// <summary>
/// Diagnostic tests in the style of Roslyn's analyzer testing: the source marks each expected diagnostic as
/// <c>{|AP0003:a[i - 1]|}</c>, and the test checks that exactly those AP diagnostics are reported, at exactly those spans.
/// </summary>
internal static class DiagnosticMarkup
{
    /// <summary>Runs the generator then the analyzers (as a build does) and checks the AP diagnostics against the markup.</summary>
    /// <param name="markup">Source with <c>{|ID:text|}</c> markers.</param>
    /// <param name="ignore">IDs not checked (reported or not).</param>
    /// <returns>The reported diagnostics, for assertions on messages.</returns>
    public static ImmutableArray<Diagnostic> Verify(string markup, bool allowUnsafe = true, params string[] ignore)
    {
        var (source, expected) = Parse(markup);
        var run = TestCompiler.Generate(TestCompiler.Compile(source, allowUnsafe));
        var compileErrors = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) != true)
            .ToList();
        Assert.True(compileErrors.Count == 0, "The test source does not compile:\n" + string.Join("\n", compileErrors));

        ImmutableArray<Diagnostic> actual = TestCompiler.Analyze(run.Output)
            .Where(d => d.Id.StartsWith("AP", StringComparison.Ordinal) && !ignore.Contains(d.Id))
            .Where(d => d.Id != "AP0013" || expected.Any(e => e.Id == "AP0013"))
            .ToImmutableArray();

        // A method with an error gets no generated code (DESIGN.md §5: the generator emits nothing for a method with an error).
        foreach (Diagnostic error in actual.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            string? method = error.Location.SourceTree!.GetRoot().FindNode(error.Location.SourceSpan)
                .AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.Text;
            Assert.False(method is not null && run.Sources.Keys.Any(hint => hint.Contains("." + method + ".Parallel", StringComparison.Ordinal)
                || hint.Contains("." + method + ".Vectorise", StringComparison.Ordinal)
                || hint.Contains("." + method + "_", StringComparison.Ordinal)),
                $"{error.Id} was reported in '{method}', yet code was generated for it");
        }

        var actualSet = actual.Select(d => (d.Id, d.Location.SourceSpan)).ToList();
        var missing = expected.Where(e => !actualSet.Contains((e.Id, e.Span))).ToList();
        var unexpected = actual.Where(d => !expected.Contains((d.Id, d.Location.SourceSpan))).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var text = new StringBuilder();
            foreach (var (id, span) in missing)
            {
                text.AppendLine($"missing  {id} at '{source.Substring(span.Start, span.Length)}' {span}");
            }

            foreach (Diagnostic d in unexpected)
            {
                text.AppendLine($"unexpected {d.Id} at '{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}' {d.Location.SourceSpan}: {d.GetMessage()}");
            }

            throw new Xunit.Sdk.XunitException(text.ToString());
        }

        return actual;
    }

    public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<(string Id, TextSpan Span)>();
        var open = new Stack<(string Id, int Start)>();
        int k = 0;
        while (k < markup.Length)
        {
            if (markup[k] == '{' && k + 1 < markup.Length && markup[k + 1] == '|')
            {
                int colon = markup.IndexOf(':', k);
                open.Push((markup.Substring(k + 2, colon - k - 2), source.Length));
                k = colon + 1;
            }
            else if (markup[k] == '|' && k + 1 < markup.Length && markup[k + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, source.Length)));
                k += 2;
            }
            else
            {
                source.Append(markup[k]);
                k++;
            }
        }

        return (source.ToString(), expected);
    }
}
