using System.Collections.Generic;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.CodeFixes;

/// <summary>
/// AP0005: moves the parallelism to the outer loop. On a <c>[Parallelise(Outer = false)]</c> method it sets <c>Outer = true</c>; on a
/// hand-written <c>Parallel.For</c>/<c>ForEach</c> inside an independent loop it makes the outer loop the <c>Parallel.For</c>/<c>ForEach</c>
/// and the inner parallel loops plain loops, so the threads fork and join once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InnerLoopParallelismCodeFix))]
[Shared]
public sealed class InnerLoopParallelismCodeFix : AutoParallelCodeFix
{
    /// <inheritdoc />
    protected override string RuleId => RuleIds.InnerLoopParallelism;

    internal override async Task<PlannedFix?> PlanAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (OuterFalseArgument(node) is { } outerFalse)
        {
            return new PlannedFix("Parallelise the outer loop (Outer = true)", async cancellationToken =>
            {
                SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                return document.WithSyntaxRoot(root.ReplaceNode(outerFalse, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(outerFalse)));
            });
        }

        if (!diagnostic.Properties.ContainsKey(InnerLoopParallelismAnalyzer.MovableProperty)
            || !int.TryParse(diagnostic.Properties[InnerLoopParallelismAnalyzer.OuterLoopProperty], NumberStyles.None, CultureInfo.InvariantCulture, out int level)
            || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call
            || EnclosingLoops(call).ElementAtOrDefault(level - 1) is not { } outer)
        {
            return null;
        }

        SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        if (ParallelOuterLoop.Rewrite(outer, call, model, cancellationToken) is not { } rewritten)
        {
            return null;
        }

        string title = outer is ForStatementSyntax ? "Make the outer loop the Parallel.For" : "Make the outer loop the Parallel.ForEach";
        return new PlannedFix(title, async cancellationToken =>
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            return document.WithSyntaxRoot(root.ReplaceNode(outer, rewritten));
        });
    }

    /// <summary>The <c>false</c> of <c>Outer = false</c> on the <c>[Parallelise]</c> of the method around <paramref name="node"/>.</summary>
    private static ExpressionSyntax? OuterFalseArgument(SyntaxNode node)
        => node.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.AttributeLists
            .SelectMany(l => l.Attributes)
            .Where(a => a.Name.ToString() is "Parallelise" or "ParalleliseAttribute" or "AutoParallel.Parallelise" or "AutoParallel.ParalleliseAttribute")
            .SelectMany(a => a.ArgumentList?.Arguments ?? default)
            .Where(a => a.NameEquals?.Name.Identifier.ValueText == "Outer" && a.Expression.IsKind(SyntaxKind.FalseLiteralExpression))
            .Select(a => a.Expression)
            .FirstOrDefault();

    /// <summary>The loops around a node, innermost first, up to the enclosing lambda, local function or member (as the analyzer counts them).</summary>
    internal static IEnumerable<StatementSyntax> EnclosingLoops(SyntaxNode node)
    {
        SyntaxNode child = node;
        foreach (SyntaxNode ancestor in node.Ancestors())
        {
            if (SequentialLoop.IsFunction(ancestor) || ancestor is MemberDeclarationSyntax)
            {
                yield break;
            }

            if (SequentialLoop.IsLoop(ancestor) && Body((StatementSyntax)ancestor) == child)
            {
                yield return (StatementSyntax)ancestor;
            }

            child = ancestor;
        }
    }

    internal static StatementSyntax Body(StatementSyntax loop) => loop switch
    {
        ForStatementSyntax f => f.Statement,
        CommonForEachStatementSyntax f => f.Statement,
        WhileStatementSyntax w => w.Statement,
        DoStatementSyntax d => d.Statement,
        _ => loop,
    };
}

/// <summary>The rewrite of an outer loop into <c>Parallel.For</c>/<c>ForEach</c>, with its inner parallel loops made plain loops.</summary>
internal static class ParallelOuterLoop
{
    public static StatementSyntax? Rewrite(StatementSyntax outer, InvocationExpressionSyntax reported, SemanticModel model, CancellationToken cancellationToken)
    {
        if (reported.Expression is not MemberAccessExpressionSyntax { Expression: { } parallelType })
        {
            return null;
        }

        StatementSyntax body = InnerLoopParallelismCodeFix.Body(outer);
        var inner = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (ExpressionStatementSyntax statement in body.DescendantNodesAndSelf(n => !SequentialLoop.IsFunction(n)).OfType<ExpressionStatementSyntax>())
        {
            if (statement.Expression is InvocationExpressionSyntax invocation
                && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                && SequentialLoop.Of(operation) is { IsExact: true } sequential)
            {
                inner[statement] = sequential.ToStatement().WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation);
            }
        }

        // continue; of the outer loop ends one iteration: in the lambda, that is return;.
        foreach (ContinueStatementSyntax next in body.DescendantNodesAndSelf(n => !SequentialLoop.IsFunction(n) && !(n != body && SequentialLoop.IsLoop(n))).OfType<ContinueStatementSyntax>())
        {
            inner[next] = SyntaxFactory.ReturnStatement().WithTriviaFrom(next);
        }

        body = body.ReplaceNodes(inner.Keys, (original, _) => inner[original]);
        ExpressionSyntax? call = outer switch
        {
            ForStatementSyntax forLoop => ForCall(forLoop, parallelType, body, model, cancellationToken),
            ForEachStatementSyntax forEach => ForEachCall(forEach, parallelType, body),
            _ => null,
        };

        return call is null
            ? null
            : SyntaxFactory.ExpressionStatement(call).WithTriviaFrom(outer).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static InvocationExpressionSyntax? ForCall(ForStatementSyntax loop, ExpressionSyntax parallelType, StatementSyntax body, SemanticModel model, CancellationToken cancellationToken)
    {
        if (loop.Declaration is not { Variables: { Count: 1 } variables } declaration
            || variables[0].Initializer is not { } initializer
            || loop.Condition is not BinaryExpressionSyntax condition
            || condition.Left is not IdentifierNameSyntax { Identifier.ValueText: var name } || name != variables[0].Identifier.ValueText)
        {
            return null;
        }

        ExpressionSyntax to = condition.Right.WithoutTrivia();
        if (condition.IsKind(SyntaxKind.LessThanOrEqualExpression))
        {
            to = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, Parenthesize(to), SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)));
        }
        else if (!condition.IsKind(SyntaxKind.LessThanExpression))
        {
            return null;
        }

        bool isLong = model.GetDeclaredSymbol(variables[0], cancellationToken) is ILocalSymbol { Type.SpecialType: SpecialType.System_Int64 };
        ParameterSyntax parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name));
        if (isLong)
        {
            parameter = parameter.WithType(declaration.Type.IsVar ? SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.LongKeyword)) : declaration.Type.WithoutTrivia());
        }

        return Invoke(parallelType, "For", initializer.Value.WithoutTrivia(), to, Lambda(parameter, isLong, body));
    }

    private static InvocationExpressionSyntax ForEachCall(ForEachStatementSyntax loop, ExpressionSyntax parallelType, StatementSyntax body)
    {
        ParameterSyntax parameter = SyntaxFactory.Parameter(loop.Identifier.WithoutTrivia());
        bool typed = !loop.Type.IsVar;
        if (typed)
        {
            parameter = parameter.WithType(loop.Type.WithoutTrivia());
        }

        return Invoke(parallelType, "ForEach", loop.Expression.WithoutTrivia(), null, Lambda(parameter, typed, body));
    }

    private static LambdaExpressionSyntax Lambda(ParameterSyntax parameter, bool typed, StatementSyntax body)
    {
        CSharpSyntaxNode lambdaBody = body switch
        {
            BlockSyntax block => block.WithoutTrivia(),
            ExpressionStatementSyntax expression => expression.Expression.WithoutTrivia(),
            _ => SyntaxFactory.Block(body.WithoutTrivia()),
        };

        return typed
            ? SyntaxFactory.ParenthesizedLambdaExpression(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(parameter)), lambdaBody)
            : SyntaxFactory.SimpleLambdaExpression(parameter, lambdaBody);
    }

    private static InvocationExpressionSyntax Invoke(ExpressionSyntax parallelType, string method, ExpressionSyntax first, ExpressionSyntax? second, ExpressionSyntax lambda)
    {
        var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(first) };
        if (second is not null)
        {
            arguments.Add(SyntaxFactory.Argument(second));
        }

        arguments.Add(SyntaxFactory.Argument(lambda));
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, parallelType.WithoutTrivia(), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));
    }

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? expression
            : SyntaxFactory.ParenthesizedExpression(expression);
}
