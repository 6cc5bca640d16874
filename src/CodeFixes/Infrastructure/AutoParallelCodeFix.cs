using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AutoParallel.CodeFixes;

/// <summary>One planned edit for one diagnostic: its title and the document it produces.</summary>
internal sealed class PlannedFix
{
    public PlannedFix(string title, System.Func<CancellationToken, Task<Document>> apply)
    {
        Title = title;
        Apply = apply;
    }

    public string Title { get; }

    public System.Func<CancellationToken, Task<Document>> Apply { get; }
}

/// <summary>
/// The shape every AutoParallel fix shares: for one diagnostic, plan at most one edit (the one that diagnostic calls for), offer it,
/// and fix all occurrences by applying the plans one after another (<see cref="OneByOneFixAllProvider"/>).
/// </summary>
/// <remarks>
/// All the fixes of one rule share one equivalence key, so "fix all" applies to each diagnostic the fix that suits it (a captured sum
/// gets thread-local accumulators, a captured loop variable a copy): <c>dotnet format</c> runs fix-all with the key of the first
/// fix it sees, or none.
/// </remarks>
public abstract class AutoParallelCodeFix : CodeFixProvider
{
    /// <summary>The rule this provider fixes.</summary>
    protected abstract string RuleId { get; }

    /// <summary>The equivalence key of every fix of this rule.</summary>
    public string EquivalenceKey => "AutoParallel." + RuleId;

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleId);

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => new OneByOneFixAllProvider(this);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            PlannedFix? fix = await PlanAsync(context.Document, node, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (fix is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(fix.Title, fix.Apply, EquivalenceKey), diagnostic);
            }
        }
    }

    /// <summary>The fix for <paramref name="diagnostic"/>, reported on <paramref name="node"/>, or <see langword="null"/> when none applies.</summary>
    internal abstract Task<PlannedFix?> PlanAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken);
}
