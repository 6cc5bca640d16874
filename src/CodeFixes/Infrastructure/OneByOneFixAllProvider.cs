using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AutoParallel.CodeFixes;

/// <summary>
/// Fix all in document, project or solution, for fixes that rewrite whole statements (a loop, a <c>Parallel.For</c> call): the batch
/// fixer's merge of independent text edits would drop the second of two overlapping rewrites, so here the fixes of one document are
/// applied one after another, each planned afresh on the result of the one before. Each diagnostic's node is found again through an
/// annotation; a node that an earlier fix rewrote away (two inner loops moved out with one outer loop) needs nothing more.
/// </summary>
internal sealed class OneByOneFixAllProvider : FixAllProvider
{
    private const string AnnotationKind = "AutoParallel.FixAll";

    private readonly AutoParallelCodeFix _fix;

    public OneByOneFixAllProvider(AutoParallelCodeFix fix)
    {
        _fix = fix;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
    {
        if (context.CodeActionEquivalenceKey is { } key && key != _fix.EquivalenceKey)
        {
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is not null:
                diagnostics.AddRange(await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false));
                break;
            case FixAllScope.Project:
                diagnostics.AddRange(await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false));
                break;
            case FixAllScope.Solution:
                foreach (Project project in context.Solution.Projects)
                {
                    diagnostics.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                break;
            default:
                return null;
        }

        var byDocument = diagnostics
            .Where(d => _fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource)
            .GroupBy(d => d.Location.SourceTree!)
            .ToList();
        if (byDocument.Count == 0)
        {
            return null;
        }

        Solution solution = context.Solution;
        string title = $"Fix all {_fix.FixableDiagnosticIds[0]} in {context.Scope.ToString().ToLowerInvariant()}";
        return CodeAction.Create(title, async cancellationToken =>
        {
            Solution result = solution;
            foreach (var group in byDocument)
            {
                Document? document = solution.GetDocument(group.Key);
                if (document is not null)
                {
                    Document fixedDocument = await FixDocumentAsync(document, group.ToImmutableArray(), cancellationToken).ConfigureAwait(false);
                    result = result.WithDocumentSyntaxRoot(document.Id, (await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
                }
            }

            return result;
        }, _fix.EquivalenceKey);
    }

    private async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var marks = new List<(Diagnostic Diagnostic, SyntaxAnnotation Mark, SyntaxNode Node)>();
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var mark = new SyntaxAnnotation(AnnotationKind, marks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            marks.Add((diagnostic, mark, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)));
        }

        root = root.ReplaceNodes(
            marks.Select(m => m.Node).Distinct(),
            (original, rewritten) => rewritten.WithAdditionalAnnotations(marks.Where(m => m.Node == original).Select(m => m.Mark)));
        document = document.WithSyntaxRoot(root);

        // Last first: an edit rarely moves code after it.
        foreach (var (diagnostic, mark, _) in marks.AsEnumerable().Reverse())
        {
            SyntaxNode current = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            SyntaxNode? node = current.GetAnnotatedNodes(mark).FirstOrDefault();
            if (node is null)
            {
                continue;
            }

            PlannedFix? fix = await _fix.PlanAsync(document, node, diagnostic, cancellationToken).ConfigureAwait(false);
            if (fix is not null)
            {
                document = await fix.Apply(cancellationToken).ConfigureAwait(false);
            }
        }

        return document;
    }
}
