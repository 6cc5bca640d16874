using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.CodeFixes;

/// <summary>
/// AP0007 on a loop variable captured by a task: <c>for (…; i++) Task.Run(() =&gt; Use(i))</c> becomes
/// <c>int iCopy = i; Task.Run(() =&gt; Use(iCopy))</c>, one copy per iteration, which the loop never changes.
/// </summary>
internal static class LoopVariableCopy
{
    public static PlannedFix? Plan(Document document, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node is not IdentifierNameSyntax reference
            || model.GetSymbolInfo(reference, cancellationToken).Symbol is not ILocalSymbol local
            || TaskLambda(reference, model, cancellationToken) is not { } lambda
            || lambda.FirstAncestorOrSelf<StatementSyntax>() is not { } statement)
        {
            return null;
        }

        string copy = Names.Unique(local.Name + "Copy", statement, model, statement.SpanStart);
        var references = lambda.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(id => id.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, local))
            .ToList();
        TypeSyntax type = SyntaxFactory.ParseTypeName(local.Type.ToMinimalDisplayString(model, statement.SpanStart));
        LocalDeclarationStatementSyntax declaration = SyntaxFactory.LocalDeclarationStatement(
            SyntaxFactory.VariableDeclaration(type, SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(copy))
                    .WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.IdentifierName(local.Name))))));

        return new PlannedFix($"Copy '{local.Name}' into a local before the lambda", async cancellationToken =>
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            StatementSyntax rewritten = statement.ReplaceNodes(references, (original, _) => SyntaxFactory.IdentifierName(copy).WithTriviaFrom(original));
            return document.WithSyntaxRoot(StatementInsertion.InsertBefore(root, statement, rewritten, declaration));
        });
    }

    /// <summary>The lambda, around the reference, that is passed to <c>Task.Run</c>, <c>TaskFactory.StartNew</c> or the thread pool.</summary>
    private static AnonymousFunctionExpressionSyntax? TaskLambda(SyntaxNode reference, SemanticModel model, CancellationToken cancellationToken)
        => reference.Ancestors().OfType<AnonymousFunctionExpressionSyntax>().FirstOrDefault(lambda =>
            lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
            && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method
            && (method.ContainingType?.Name, method.Name) is ("Task", "Run") or ("TaskFactory", "StartNew") or ("ThreadPool", "QueueUserWorkItem" or "UnsafeQueueUserWorkItem"));
}
