using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Code-fix tests in the style of Roslyn's CodeFix.Testing: sources mark each expected diagnostic of the fixed rule
/// (<c>{|AP0007:sum|}</c>); the analyzers must report exactly those; the fix (one, or fix-all in a scope) must produce the expected text,
/// which must compile, and in which the fixed diagnostics must be gone (or be the ones its own markup names).
/// </summary>
internal static class CodeFixVerifier
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-references.txt"))
        .Where(line => line.Length > 0)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .Append(MetadataReference.CreateFromFile(typeof(ParalleliseAttribute).Assembly.Location))
        .ToImmutableArray();

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new ParalleliseAnalyzer(), new InnerLoopParallelismAnalyzer(), new NestedParallelismAnalyzer(), new CapturedClosureAnalyzer());

    /// <summary>Applies the one fix offered for the first marked diagnostic and compares the document with <paramref name="expected"/>.</summary>
    public static async Task FixOneAsync(AutoParallelCodeFix fix, string markup, string expected, string? title = null)
    {
        var (solution, marked) = CreateSolution(new[] { new[] { markup } });
        Document document = solution.Projects.Single().Documents.Single();
        var diagnostics = await CheckMarkedAsync(solution, fix, marked).ConfigureAwait(false);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None);
        await fix.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        Assert.True(actions.Count == 1, $"expected one fix for {diagnostics[0]}, got {actions.Count}");
        if (title is not null)
        {
            Assert.Equal(title, actions[0].Title);
        }

        Assert.Equal(fix.EquivalenceKey, actions[0].EquivalenceKey);
        Solution changed = await ApplyAsync(actions[0]).ConfigureAwait(false);
        await CheckResultAsync(changed, fix, new[] { new[] { expected } }).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies the fix to diagnostics made from the markup itself, not by the analyzers: for fixes of diagnostics that another analyzer
    /// reports (the [Parallelise] analysis's AP0005 on <c>Outer = false</c>), tested against the location that analyzer uses.
    /// </summary>
    public static async Task FixMarkedAsync(AutoParallelCodeFix fix, string markup, string expected, string? title = null)
    {
        var (solution, marked) = CreateSolution(new[] { new[] { markup } });
        Document document = solution.Projects.Single().Documents.Single();
        SyntaxTree tree = (await document.GetSyntaxTreeAsync().ConfigureAwait(false))!;
        var (id, span) = marked[document.Id].Single();
        var descriptor = new DiagnosticDescriptor(id, id, id, "AutoParallel", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        Diagnostic diagnostic = Diagnostic.Create(descriptor, Location.Create(tree, span));

        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)).ConfigureAwait(false);
        Assert.True(actions.Count == 1, $"expected one fix, got {actions.Count}");
        if (title is not null)
        {
            Assert.Equal(title, actions[0].Title);
        }

        Solution changed = await ApplyAsync(actions[0]).ConfigureAwait(false);
        string actual = (await changed.GetDocument(document.Id)!.GetTextAsync().ConfigureAwait(false)).ToString();
        Assert.Equal(Normalise(expected), Normalise(actual));
        await CheckCompilesAsync(changed).ConfigureAwait(false);
    }

    /// <summary>Asserts that no fix is offered for any of the marked diagnostics (which the analyzers must still report).</summary>
    public static async Task NoFixAsync(AutoParallelCodeFix fix, string markup)
    {
        var (solution, marked) = CreateSolution(new[] { new[] { markup } });
        Document document = solution.Projects.Single().Documents.Single();
        foreach (Diagnostic diagnostic in await CheckMarkedAsync(solution, fix, marked).ConfigureAwait(false))
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)).ConfigureAwait(false);
            Assert.True(actions.Count == 0, $"no fix expected for {diagnostic}, got '{string.Join("', '", actions.Select(a => a.Title))}'");
        }
    }

    /// <summary>
    /// Fix all in <paramref name="scope"/>, started from the first diagnostic of the first document, over projects of documents;
    /// <paramref name="equivalenceKey"/> <see langword="null"/> is what some versions of dotnet format pass.
    /// </summary>
    public static async Task FixAllAsync(AutoParallelCodeFix fix, FixAllScope scope, string[][] projects, string[][] expected, bool useEquivalenceKey = true)
    {
        var (solution, marked) = CreateSolution(projects);
        var diagnostics = await CheckMarkedAsync(solution, fix, marked).ConfigureAwait(false);
        Document first = solution.GetDocument(diagnostics[0].Location.SourceTree)!;
        var context = new FixAllContext(
            first, fix, scope, useEquivalenceKey ? fix.EquivalenceKey : null!, fix.FixableDiagnosticIds, new AnalyzerDiagnostics(), CancellationToken.None);
        CodeAction? action = await fix.GetFixAllProvider().GetFixAsync(context).ConfigureAwait(false);
        Assert.NotNull(action);
        Solution changed = await ApplyAsync(action!).ConfigureAwait(false);
        await CheckResultAsync(changed, fix, expected).ConfigureAwait(false);
    }

    /// <summary>Builds a solution for raw text (no markup) and returns the analyzer diagnostics, for tests that inject their own.</summary>
    public static (Solution Solution, Document Document) CreateDocument(string source)
    {
        var (solution, _) = CreateSolution(new[] { new[] { source } }, parseMarkup: false);
        return (solution, solution.Projects.Single().Documents.Single());
    }

    public static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        Compilation compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        return (await compilation.WithAnalyzers(Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private static (Solution Solution, Dictionary<DocumentId, List<(string Id, TextSpan Span)>> Marked) CreateSolution(string[][] projects, bool parseMarkup = true)
    {
        var workspace = new AdhocWorkspace();
        Solution solution = workspace.CurrentSolution;
        var marked = new Dictionary<DocumentId, List<(string Id, TextSpan Span)>>();
        for (int p = 0; p < projects.Length; p++)
        {
            ProjectId projectId = ProjectId.CreateNewId();
            string name = "Project" + p;
            solution = solution.AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Create(), name, name, LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: ParseOptions,
                metadataReferences: References));
            for (int d = 0; d < projects[p].Length; d++)
            {
                var (source, expected) = parseMarkup ? Markup.Parse(projects[p][d]) : (projects[p][d], new List<(string, TextSpan)>());
                DocumentId documentId = DocumentId.CreateNewId(projectId);
                solution = solution.AddDocument(documentId, $"Source{d}.cs", SourceText.From(source), filePath: $"/{name}/Source{d}.cs");
                marked[documentId] = expected;
            }
        }

        return (solution, marked);
    }

    /// <summary>The analyzers report exactly the marked diagnostics of the fixed rule; returns them in document order.</summary>
    private static async Task<List<Diagnostic>> CheckMarkedAsync(Solution solution, AutoParallelCodeFix fix, Dictionary<DocumentId, List<(string Id, TextSpan Span)>> marked)
    {
        await CheckCompilesAsync(solution).ConfigureAwait(false);
        var found = new List<Diagnostic>();
        var problems = new StringBuilder();
        foreach (Project project in solution.Projects)
        {
            var diagnostics = (await AnalyzeAsync(project).ConfigureAwait(false)).Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToList();
            foreach (Document document in project.Documents)
            {
                var actual = diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath).ToList();
                var expected = marked[document.Id];
                foreach (var (id, span) in expected.Where(e => !actual.Any(d => d.Id == e.Id && d.Location.SourceSpan == e.Span)))
                {
                    problems.AppendLine($"missing {id} at {span} in {document.Name}");
                }

                foreach (Diagnostic d in actual.Where(d => !expected.Contains((d.Id, d.Location.SourceSpan))))
                {
                    problems.AppendLine($"unexpected {d} in {document.Name}");
                }

                found.AddRange(actual);
            }
        }

        Assert.True(problems.Length == 0, problems.ToString());
        Assert.NotEmpty(found);
        return found;
    }

    /// <summary>The fixed documents read as expected, compile, and report just the diagnostics their markup names.</summary>
    private static async Task CheckResultAsync(Solution changed, AutoParallelCodeFix fix, string[][] expected)
    {
        var projects = changed.Projects.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Length, projects.Count);
        for (int p = 0; p < projects.Count; p++)
        {
            var documents = projects[p].Documents.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
            var diagnostics = (await AnalyzeAsync(projects[p]).ConfigureAwait(false)).Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToList();
            for (int d = 0; d < documents.Count; d++)
            {
                var (want, remaining) = Markup.Parse(expected[p][d]);
                string actual = (await documents[d].GetTextAsync().ConfigureAwait(false)).ToString();
                Assert.Equal(Normalise(want), Normalise(actual));
                var left = diagnostics.Where(x => x.Location.SourceTree?.FilePath == documents[d].FilePath).Select(x => (x.Id, x.Location.SourceSpan)).ToList();
                Assert.Equal(remaining.Select(r => (r.Id, r.Span)).OrderBy(r => r.Span.Start), left.OrderBy(r => r.SourceSpan.Start));
            }
        }

        await CheckCompilesAsync(changed).ConfigureAwait(false);
    }

    private static async Task CheckCompilesAsync(Solution solution)
    {
        foreach (Project project in solution.Projects)
        {
            Compilation compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "does not compile:\n" + string.Join("\n", errors) + "\n\n"
                + string.Join("\n\n", project.Documents.Select(d => d.GetTextAsync().Result.ToString())));
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>What fix-all sees: the analyzers' diagnostics on the solution as it is when fix-all starts.</summary>
    private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await AnalyzeAsync(project).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => (await AnalyzeAsync(document.Project).ConfigureAwait(false)).Where(d => d.Location.SourceTree?.FilePath == document.FilePath);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => (await AnalyzeAsync(project).ConfigureAwait(false)).Where(d => !d.Location.IsInSource);
    }
}
