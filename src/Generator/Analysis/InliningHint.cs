using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Which generated code asks the JIT to inline it (<c>MethodImplOptions.AggressiveInlining</c>): a chunk body of a few
/// statements, and a twin that is nothing but one such loop and a few statements around it.
/// </summary>
/// <remarks>
/// The JIT inlines a small user method such as <c>Sum</c> into its caller, so at 0 or 1 elements the user pays for the loop
/// test alone. The twin of that method would pay a call, a frame and the body's <c>Execute</c> call on top (issue 6,
/// target 1, "never slower than sequential"). Inlined, the twin's one-chunk path is the user's loop behind one comparison,
/// and the chunked path stays a call (<c>ParallelRuntime.Run</c> is never inlined), so callers grow by a few instructions.
/// </remarks>
internal static class InliningHint
{
    /// <summary>The most statements (blocks not counted) a chunk body may hold to be inlined.</summary>
    public const int MaxBodyStatements = 3;

    /// <summary>The most statements a method may hold around its one parallel loop for its twin to be inlined.</summary>
    public const int MaxMethodStatements = 4;

    /// <summary>Whether the loop's body (the innermost fused loop's) is a few statements with no loop, <c>try</c> or lambda inside.</summary>
    public static bool IsSmallBody(LoopAnalysis loop)
    {
        LoopShape innermost = loop.Fused.Count > 0 ? loop.Fused[loop.Fused.Count - 1].Shape : loop.Shape;
        return IsSmall(innermost.BodySyntax, MaxBodyStatements);
    }

    /// <summary>Whether the twin of <paramref name="method"/> is small enough to inline: one small loop, a few statements around it.</summary>
    public static bool IsSmallMethod(MethodDeclarationSyntax method, IReadOnlyList<LoopAnalysis> targets)
    {
        if (targets.Count != 1 || method.Body is not { } body || method.Modifiers.Any(SyntaxKind.AsyncKeyword)
            || targets[0].AliasGuards.Count > 0 || !IsSmallBody(targets[0]))
        {
            return false;
        }

        SyntaxNode loop = targets[0].Shape.Syntax;
        if (!body.Statements.Contains(loop))
        {
            return false;
        }

        var outside = body.Statements.Where(s => s != loop).ToList();
        return outside.Count <= MaxMethodStatements && outside.All(s => IsSmall(s, MaxMethodStatements));
    }

    private static bool IsSmall(SyntaxNode node, int maxStatements)
    {
        var nodes = node.DescendantNodesAndSelf().ToList();
        if (nodes.Any(n => n is CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                or TryStatementSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or YieldStatementSyntax))
        {
            return false;
        }

        return nodes.Count(n => n is StatementSyntax and not BlockSyntax) <= maxStatements;
    }
}
