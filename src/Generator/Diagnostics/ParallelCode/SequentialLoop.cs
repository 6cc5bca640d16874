using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Diagnostics;

/// <summary>
/// The plain loop a <c>Parallel.For(a, b, j =&gt; …)</c> or <c>Parallel.ForEach(source, x =&gt; …)</c> stands for:
/// <c>for (int j = a; j &lt; b; j++) …</c>, <c>foreach (var x in source) …</c>, with each <c>return;</c> of the lambda a <c>continue;</c>.
/// AP0005 analyses the outer loop as if its inner parallel loops were these; the AP0005 code fix writes them.
/// </summary>
/// <remarks>Compiled into both the analyzer and the code-fix assembly (linked source), so neither loads the other.</remarks>
internal sealed class SequentialLoop
{
    private SequentialLoop(string header, StatementSyntax body, bool isExact)
    {
        Header = header;
        Body = body;
        IsExact = isExact;
    }

    /// <summary><c>for (int j = a; j &lt; b; j++)</c> or <c>foreach (var x in source)</c>.</summary>
    public string Header { get; }

    /// <summary>The lambda's body as a statement, its <c>return;</c>s turned into <c>continue;</c>.</summary>
    public StatementSyntax Body { get; }

    /// <summary>
    /// Whether the loop does exactly what the parallel call did, run sequentially: false when a <c>return</c> of the lambda sits in a
    /// loop nested in it (a <c>continue</c> there would continue the nested loop).
    /// </summary>
    public bool IsExact { get; }

    /// <summary>The loop as one statement.</summary>
    public StatementSyntax ToStatement()
        => SyntaxFactory.ParseStatement(Header + "\n" + Body.ToFullString());

    /// <summary>
    /// The sequential loop of a <c>Parallel.For(from, to[, options], j =&gt; …)</c> or <c>Parallel.ForEach(source[, options], x =&gt; …)</c>
    /// over an <c>IEnumerable&lt;T&gt;</c>, or <see langword="null"/> for other overloads (loop state, thread-local state, partitioners).
    /// </summary>
    public static SequentialLoop? Of(IInvocationOperation call)
    {
        IMethodSymbol method = call.TargetMethod;
        if (method.ContainingType?.ToDisplayString() != "System.Threading.Tasks.Parallel" || method.Name is not ("For" or "ForEach")
            || call.Arguments.Any(a => a.Parameter?.Name is not ("fromInclusive" or "toExclusive" or "source" or "body" or "parallelOptions")))
        {
            return null;
        }

        if (Argument(call, "body") is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
            || lambda.Symbol.Parameters.Length != 1
            || lambda.Syntax is not AnonymousFunctionExpressionSyntax syntax)
        {
            return null;
        }

        string name = lambda.Symbol.Parameters[0].Name;
        string? declaredType = ExplicitParameterType(syntax);
        string header;
        if (method.Name == "For")
        {
            if (Argument(call, "fromInclusive") is not { } from || Argument(call, "toExclusive") is not { } to)
            {
                return null;
            }

            string type = declaredType ?? (lambda.Symbol.Parameters[0].Type.SpecialType == SpecialType.System_Int64 ? "long" : "int");
            header = $"for ({type} {name} = {from.Syntax}; {name} < {Bound((ExpressionSyntax)to.Syntax)}; {name}++)";
        }
        else
        {
            if (Argument(call, "source") is not { } source
                || method.Parameters.FirstOrDefault(p => p.Name == "source")?.Type.OriginalDefinition.ToDisplayString() != "System.Collections.Generic.IEnumerable<T>")
            {
                return null;
            }

            header = $"foreach ({declaredType ?? "var"} {name} in {source.Syntax})";
        }

        if (syntax.Block is { } block)
        {
            var returns = block.DescendantNodes(n => !IsFunction(n)).OfType<ReturnStatementSyntax>().ToList();
            if (returns.Any(r => r.Expression is not null))
            {
                return null;
            }

            bool exact = !returns.Any(r => r.Ancestors().TakeWhile(a => a != block).Any(IsLoop));
            BlockSyntax rewritten = block.ReplaceNodes(returns, (original, _) => SyntaxFactory.ContinueStatement().WithTriviaFrom(original));
            return new SequentialLoop(header, rewritten, exact);
        }

        if (syntax.ExpressionBody is { } expression)
        {
            return new SequentialLoop(header, SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()), isExact: true);
        }

        return null;
    }

    private static IOperation? Argument(IInvocationOperation call, string parameter)
    {
        IOperation? value = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter)?.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private static string? ExplicitParameterType(AnonymousFunctionExpressionSyntax syntax)
    {
        ParameterListSyntax? parameters = syntax switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
            AnonymousMethodExpressionSyntax method => method.ParameterList,
            _ => null,
        };
        return parameters is { Parameters.Count: 1 } && parameters.Parameters[0].Type is { } type ? type.ToString() : null;
    }

    /// <summary>The bound, parenthesised unless it binds tighter than <c>&lt;</c>.</summary>
    private static string Bound(ExpressionSyntax bound)
    {
        bool tight = bound is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax
            || bound is BinaryExpressionSyntax binary && binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression
                or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression
                or SyntaxKind.LeftShiftExpression or SyntaxKind.RightShiftExpression;
        return tight ? bound.ToString() : "(" + bound + ")";
    }

    public static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    public static bool IsLoop(SyntaxNode node)
        => node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;
}
