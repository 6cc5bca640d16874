using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Tests.Diagnostics;

/// <summary>Every diagnostic has a help link to its page in docs/diagnostics, the page exists, and the release file tracks it.</summary>
public sealed class DescriptorCatalogueTests
{
    public static IEnumerable<object[]> Descriptors() => typeof(ParalleliseGenerator).Assembly
        .GetType("AutoParallel.Generator.Diagnostics.DiagnosticDescriptors")!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => new object[] { ((DiagnosticDescriptor)f.GetValue(null)!).Id });

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Has_a_page_a_help_link_and_a_release_entry(string id)
    {
        DiagnosticDescriptor descriptor = Find(id);
        Assert.Equal($"https://github.com/autoparallel/autoparallel/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        string page = Path.Combine(Root(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text);
        Assert.Contains(descriptor.DefaultSeverity == DiagnosticSeverity.Info && !descriptor.IsEnabledByDefault ? "off by default" : descriptor.DefaultSeverity.ToString(), text);
        Assert.Contains("## ", text);

        string releases = File.ReadAllText(Path.Combine(Root(), "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} |", releases);
    }

    [Fact]
    public void Ids_are_unique_and_numbered_without_gaps()
    {
        var ids = Descriptors().Select(d => (string)d[0]).OrderBy(id => id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(n => $"AP{n:0000}"), ids);
    }

    private static DiagnosticDescriptor Find(string id) => typeof(ParalleliseGenerator).Assembly
        .GetType("AutoParallel.Generator.Diagnostics.DiagnosticDescriptors")!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .Single(d => d.Id == id);

    private static string Root([CallerFilePath] string file = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
