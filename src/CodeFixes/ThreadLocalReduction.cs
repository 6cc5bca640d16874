using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.CodeFixes;

/// <summary>How a captured variable is accumulated, and so how per-worker partial results combine.</summary>
internal enum ReductionFamily
{
    Add,
    Multiply,
    Or,
    And,
    Xor,
    Min,
    Max,
}

/// <summary>
/// AP0007 on a reduction into a captured variable: <c>Parallel.For(a, b, i =&gt; sum += f(i))</c> becomes the <c>localInit</c>/
/// <c>localFinally</c> overload, <c>Parallel.For(a, b, () =&gt; 0.0, (i, _, localSum) =&gt; localSum + f(i), localSum =&gt; { lock (sumLock) sum += localSum; })</c>:
/// each worker accumulates privately from the identity of the operation, and the partial results are combined under a lock once per worker.
/// Offered when every use of the variable in the body is one update of one family (<c>+= -= ++ --</c>, <c>*=</c>, <c>|= &amp;= ^=</c>,
/// <c>x = Math.Min/Max(x, e)</c>, <c>x = x op e</c>), each a statement of its own.
/// </summary>
internal static class ThreadLocalReduction
{
    public static PlannedFix? Plan(Document document, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node is not ExpressionSyntax reported
            || model.GetSymbolInfo(reported, cancellationToken).Symbol is not { } symbol
            || symbol is not (ILocalSymbol or IParameterSymbol or IFieldSymbol)
            || reported.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is not { } lambda
            || lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } bodyArgument
            || model.GetOperation(call, cancellationToken) is not IInvocationOperation operation
            || !IsPlainParallelLoop(operation, bodyArgument, lambda, model, cancellationToken, out string parameter)
            || TypeOf(symbol) is not { } type
            || call.FirstAncestorOrSelf<StatementSyntax>() is not { } statement)
        {
            return null;
        }

        var updates = new List<Update>();
        foreach (ExpressionSyntax reference in References(lambda, symbol, model, cancellationToken))
        {
            if (reference.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() != lambda || Classify(reference, symbol, model, cancellationToken) is not { } update)
            {
                return null;
            }

            if (!updates.Any(u => u.Expression == update.Expression))
            {
                updates.Add(update);
            }
        }

        if (updates.Count == 0 || updates.Select(u => u.Family).Distinct().Count() != 1
            || Identity(updates[0].Family, type) is not { } identity
            || updates.Any(u => !(u.Expression.Parent is ExpressionStatementSyntax || u.Expression == lambda.ExpressionBody)))
        {
            return null;
        }

        ReductionFamily family = updates[0].Family;
        string name = symbol.Name;
        string local = Names.Unique("local" + Names.Capitalised(name), statement, model, statement.SpanStart);
        string gate = Names.Unique(Names.Plain(name) + "Lock", statement, model, statement.SpanStart, local);
        string state = parameter == "_" ? Names.Unique("state", statement, model, statement.SpanStart, local, gate) : "_";
        ExpressionSyntax target = References(lambda, symbol, model, cancellationToken).First().WithoutTrivia();
        ExpressionSyntax? mathCall = updates.Select(u => u.MathMethod).FirstOrDefault(m => m is not null);

        return new PlannedFix($"Accumulate '{name}' per worker (localInit/localFinally)", async cancellationToken =>
        {
            CSharpSyntaxNode body = Body(lambda, updates, symbol, local, model, type, cancellationToken);
            LambdaExpressionSyntax newBody = SyntaxFactory.ParenthesizedLambdaExpression(
                SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(new[] { parameter, state, local }.Select(p => SyntaxFactory.Parameter(SyntaxFactory.Identifier(p))))),
                body);
            LambdaExpressionSyntax localInit = SyntaxFactory.ParenthesizedLambdaExpression(SyntaxFactory.ParameterList(), identity);
            LambdaExpressionSyntax localFinally = SyntaxFactory.SimpleLambdaExpression(
                SyntaxFactory.Parameter(SyntaxFactory.Identifier(local)),
                SyntaxFactory.Block(SyntaxFactory.LockStatement(SyntaxFactory.IdentifierName(gate), Combine(family, target, local, mathCall))));

            var arguments = call.ArgumentList.Arguments.ToList();
            int at = arguments.IndexOf(bodyArgument);
            arguments.RemoveAt(at);
            arguments.InsertRange(at, new[] { localInit, newBody, localFinally }.Select(SyntaxFactory.Argument));
            InvocationExpressionSyntax rewrittenCall = call.WithArgumentList(call.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments)))
                .WithAdditionalAnnotations(Formatter.Annotation);

            StatementSyntax rewritten = statement.ReplaceNode(call, rewrittenCall);
            LocalDeclarationStatementSyntax declaration = SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ObjectKeyword)),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(gate))
                        .WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.ObjectCreationExpression(
                            SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ObjectKeyword)), SyntaxFactory.ArgumentList(), null))))));
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            return document.WithSyntaxRoot(StatementInsertion.InsertBefore(root, statement, rewritten, declaration));
        });
    }

    /// <summary><c>Parallel.For(from, to[, options], i =&gt; …)</c> or <c>Parallel.ForEach(IEnumerable source[, options], x =&gt; …)</c> with this lambda as its body.</summary>
    private static bool IsPlainParallelLoop(IInvocationOperation call, ArgumentSyntax bodyArgument, AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken, out string parameter)
    {
        parameter = string.Empty;
        IMethodSymbol method = call.TargetMethod;
        if (method.ContainingType?.ToDisplayString() != "System.Threading.Tasks.Parallel" || method.Name is not ("For" or "ForEach")
            || call.Arguments.Any(a => a.Parameter?.Name is not ("fromInclusive" or "toExclusive" or "source" or "body" or "parallelOptions"))
            || call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "body")?.Syntax != bodyArgument
            || (method.Name == "ForEach" && method.Parameters.FirstOrDefault(p => p.Name == "source")?.Type.OriginalDefinition.ToDisplayString() != "System.Collections.Generic.IEnumerable<T>"))
        {
            return false;
        }

        // An explicitly typed parameter would have to be typed with the other two; the untyped form keeps the overload the same.
        switch (lambda)
        {
            case SimpleLambdaExpressionSyntax simple:
                parameter = simple.Parameter.Identifier.ValueText;
                return true;
            case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: { Count: 1 } parameters } when parameters[0].Type is null:
                parameter = parameters[0].Identifier.ValueText;
                return true;
            default:
                return false;
        }
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol { RefKind: RefKind.None } parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    /// <summary>The references to the variable in the lambda: <c>sum</c>, or <c>this.total</c> as a whole.</summary>
    private static IEnumerable<ExpressionSyntax> References(AnonymousFunctionExpressionSyntax lambda, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        => lambda.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(id => id.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, symbol))
            .Select(id => id.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == id ? (ExpressionSyntax)access : id);

    private sealed class Update
    {
        public Update(ExpressionSyntax expression, ReductionFamily family, ExpressionSyntax? mathMethod)
        {
            Expression = expression;
            Family = family;
            MathMethod = mathMethod;
        }

        /// <summary>The whole update: <c>sum += e</c>, <c>n++</c>, <c>max = Math.Max(max, e)</c>.</summary>
        public ExpressionSyntax Expression { get; }

        public ReductionFamily Family { get; }

        /// <summary><c>Math.Max</c> as written, for the combining step of min/max.</summary>
        public ExpressionSyntax? MathMethod { get; }
    }

    /// <summary>The update a reference is part of, or <see langword="null"/> when it is read or written any other way.</summary>
    private static Update? Classify(ExpressionSyntax reference, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (reference.Parent)
        {
            case AssignmentExpressionSyntax compound when compound.Left == reference && !compound.IsKind(SyntaxKind.SimpleAssignmentExpression):
                ReductionFamily? family = compound.Kind() switch
                {
                    SyntaxKind.AddAssignmentExpression or SyntaxKind.SubtractAssignmentExpression => ReductionFamily.Add,
                    SyntaxKind.MultiplyAssignmentExpression => ReductionFamily.Multiply,
                    SyntaxKind.OrAssignmentExpression => ReductionFamily.Or,
                    SyntaxKind.AndAssignmentExpression => ReductionFamily.And,
                    SyntaxKind.ExclusiveOrAssignmentExpression => ReductionFamily.Xor,
                    _ => null,
                };
                return family is null || Mentions(compound.Right, symbol, model, cancellationToken) ? null : new Update(compound, family.Value, null);
            case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax when reference.Parent.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PreIncrementExpression
                or SyntaxKind.PostDecrementExpression or SyntaxKind.PreDecrementExpression:
                return new Update((ExpressionSyntax)reference.Parent, ReductionFamily.Add, null);
            case AssignmentExpressionSyntax assignment when assignment.Left == reference && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return ClassifyAssignment(assignment, symbol, model, cancellationToken);
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Parent: AssignmentExpressionSyntax assignment } } }
                when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && IsReference(assignment.Left, symbol, model, cancellationToken):
                return ClassifyAssignment(assignment, symbol, model, cancellationToken);
            case BinaryExpressionSyntax { Parent: AssignmentExpressionSyntax assignment }
                when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && IsReference(assignment.Left, symbol, model, cancellationToken):
                return ClassifyAssignment(assignment, symbol, model, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary><c>x = Math.Max(x, e)</c>, <c>x = Math.Min(e, x)</c>, <c>x = x + e</c>, <c>x = e * x</c> …</summary>
    private static Update? ClassifyAssignment(AssignmentExpressionSyntax assignment, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (assignment.Right)
        {
            case InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments } math
                when model.GetSymbolInfo(math, cancellationToken).Symbol is IMethodSymbol { Name: "Max" or "Min", ContainingType: { } type }
                    && type.ToDisplayString() is "System.Math" or "System.MathF":
            {
                bool first = IsReference(arguments[0].Expression, symbol, model, cancellationToken);
                bool second = IsReference(arguments[1].Expression, symbol, model, cancellationToken);
                ExpressionSyntax other = first ? arguments[1].Expression : arguments[0].Expression;
                if (first == second || Mentions(other, symbol, model, cancellationToken))
                {
                    return null;
                }

                ReductionFamily family = ((IMethodSymbol)model.GetSymbolInfo(math, cancellationToken).Symbol!).Name == "Max" ? ReductionFamily.Max : ReductionFamily.Min;
                return new Update(assignment, family, math.Expression);
            }

            case BinaryExpressionSyntax binary:
            {
                ReductionFamily? family = binary.Kind() switch
                {
                    SyntaxKind.AddExpression => ReductionFamily.Add,
                    SyntaxKind.MultiplyExpression => ReductionFamily.Multiply,
                    SyntaxKind.BitwiseOrExpression => ReductionFamily.Or,
                    SyntaxKind.BitwiseAndExpression => ReductionFamily.And,
                    SyntaxKind.ExclusiveOrExpression => ReductionFamily.Xor,
                    SyntaxKind.SubtractExpression => ReductionFamily.Add,
                    _ => null,
                };
                bool left = IsReference(binary.Left, symbol, model, cancellationToken);
                bool right = IsReference(binary.Right, symbol, model, cancellationToken) && !binary.IsKind(SyntaxKind.SubtractExpression);
                ExpressionSyntax other = left ? binary.Right : binary.Left;
                return family is null || left == right || Mentions(other, symbol, model, cancellationToken) ? null : new Update(assignment, family.Value, null);
            }

            default:
                return null;
        }
    }

    private static bool IsReference(ExpressionSyntax expression, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression, cancellationToken).Symbol, symbol);

    private static bool Mentions(SyntaxNode node, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        => node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Any(id => id.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, symbol));

    /// <summary>The value each worker starts from: the identity of the operation, typed so that the local's type is inferred right.</summary>
    private static ExpressionSyntax? Identity(ReductionFamily family, ITypeSymbol type)
    {
        string? text = (family, type.SpecialType) switch
        {
            (ReductionFamily.Add or ReductionFamily.Or or ReductionFamily.Xor, SpecialType.System_Int32) => "0",
            (ReductionFamily.Add or ReductionFamily.Or or ReductionFamily.Xor, SpecialType.System_Int64) => "0L",
            (ReductionFamily.Add or ReductionFamily.Or or ReductionFamily.Xor, SpecialType.System_UInt32) => "0U",
            (ReductionFamily.Add or ReductionFamily.Or or ReductionFamily.Xor, SpecialType.System_UInt64) => "0UL",
            (ReductionFamily.Add, SpecialType.System_Single) => "0f",
            (ReductionFamily.Add, SpecialType.System_Double) => "0.0",
            (ReductionFamily.Add, SpecialType.System_Decimal) => "0m",
            (ReductionFamily.Multiply, SpecialType.System_Int32) => "1",
            (ReductionFamily.Multiply, SpecialType.System_Int64) => "1L",
            (ReductionFamily.Multiply, SpecialType.System_UInt32) => "1U",
            (ReductionFamily.Multiply, SpecialType.System_UInt64) => "1UL",
            (ReductionFamily.Multiply, SpecialType.System_Single) => "1f",
            (ReductionFamily.Multiply, SpecialType.System_Double) => "1.0",
            (ReductionFamily.Multiply, SpecialType.System_Decimal) => "1m",
            (ReductionFamily.And, SpecialType.System_Int32) => "~0",
            (ReductionFamily.And, SpecialType.System_Int64) => "~0L",
            (ReductionFamily.And, SpecialType.System_UInt32) => "~0U",
            (ReductionFamily.And, SpecialType.System_UInt64) => "~0UL",
            (ReductionFamily.And, SpecialType.System_Boolean) => "true",
            (ReductionFamily.Or or ReductionFamily.Xor, SpecialType.System_Boolean) => "false",
            (ReductionFamily.Min, SpecialType.System_Single or SpecialType.System_Double) => $"{Keyword(type)}.PositiveInfinity",
            (ReductionFamily.Max, SpecialType.System_Single or SpecialType.System_Double) => $"{Keyword(type)}.NegativeInfinity",
            (ReductionFamily.Min, SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Decimal) => $"{Keyword(type)}.MaxValue",
            (ReductionFamily.Max, SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Decimal) => $"{Keyword(type)}.MinValue",
            _ => null,
        };
        return text is null ? null : SyntaxFactory.ParseExpression(text);
    }

    private static string Keyword(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_Int32 => "int",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_UInt64 => "ulong",
        _ => "decimal",
    };

    /// <summary>The new body: the old one accumulating into the worker's local, and returning it.</summary>
    private static CSharpSyntaxNode Body(AnonymousFunctionExpressionSyntax lambda, List<Update> updates, ISymbol symbol, string local, SemanticModel model, ITypeSymbol type, CancellationToken cancellationToken)
    {
        var references = References(lambda, symbol, model, cancellationToken).ToList();
        IdentifierNameSyntax localName = SyntaxFactory.IdentifierName(local);
        if (lambda.ExpressionBody is { } expression)
        {
            Update update = updates.Single();
            return ValueOf(update, references, localName, model, type, cancellationToken) ?? expression.ReplaceNodes(references, (original, _) => localName.WithTriviaFrom(original));
        }

        BlockSyntax block = lambda.Block!;
        var returns = block.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<ReturnStatementSyntax>().ToList();
        var replacements = references.Cast<SyntaxNode>().Concat(returns).ToList();
        block = block.ReplaceNodes(replacements, (original, _) => original is ReturnStatementSyntax ret
            ? ret.WithExpression(localName).WithReturnKeyword(ret.ReturnKeyword.WithTrailingTrivia(SyntaxFactory.Space))
            : localName.WithTriviaFrom(original));
        if (block.Statements.LastOrDefault() is not (ReturnStatementSyntax or ThrowStatementSyntax))
        {
            block = block.AddStatements(SyntaxFactory.ReturnStatement(localName).WithAdditionalAnnotations(Formatter.Annotation));
        }

        return block;
    }

    /// <summary>An expression-bodied update as the value it produces: <c>sum += e</c> → <c>localSum + e</c>, <c>n++</c> → <c>localN + 1</c>.</summary>
    private static ExpressionSyntax? ValueOf(Update update, List<ExpressionSyntax> references, IdentifierNameSyntax local, SemanticModel model, ITypeSymbol type, CancellationToken cancellationToken)
    {
        switch (update.Expression)
        {
            case AssignmentExpressionSyntax compound when !compound.IsKind(SyntaxKind.SimpleAssignmentExpression):
                SyntaxKind? binary = compound.Kind() switch
                {
                    SyntaxKind.AddAssignmentExpression => SyntaxKind.AddExpression,
                    SyntaxKind.SubtractAssignmentExpression => SyntaxKind.SubtractExpression,
                    SyntaxKind.MultiplyAssignmentExpression => SyntaxKind.MultiplyExpression,
                    SyntaxKind.OrAssignmentExpression => SyntaxKind.BitwiseOrExpression,
                    SyntaxKind.AndAssignmentExpression => SyntaxKind.BitwiseAndExpression,
                    SyntaxKind.ExclusiveOrAssignmentExpression => SyntaxKind.ExclusiveOrExpression,
                    _ => null,
                };

                // x += e also converts e back to x's type; written out, the sum must already have that type.
                if (binary is null || !model.ClassifyConversion(compound.Right, type).IsImplicit)
                {
                    return null;
                }

                return SyntaxFactory.BinaryExpression(binary.Value, local, Operand(compound.Right.WithoutTrivia()));
            case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax:
                SyntaxKind kind = update.Expression.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PreIncrementExpression ? SyntaxKind.AddExpression : SyntaxKind.SubtractExpression;
                return SyntaxFactory.BinaryExpression(kind, local, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)));
            case AssignmentExpressionSyntax assignment:
                return assignment.Right.ReplaceNodes(references.Where(r => assignment.Right.Span.Contains(r.Span)), (original, _) => local.WithTriviaFrom(original)).WithoutTrivia();
            default:
                return null;
        }
    }

    private static ExpressionSyntax Operand(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax
            ? expression
            : SyntaxFactory.ParenthesizedExpression(expression);

    /// <summary>The statement in <c>localFinally</c> that folds one worker's result into the variable.</summary>
    private static ExpressionStatementSyntax Combine(ReductionFamily family, ExpressionSyntax target, string local, ExpressionSyntax? mathMethod)
    {
        IdentifierNameSyntax localName = SyntaxFactory.IdentifierName(local);
        ExpressionSyntax combine = family switch
        {
            ReductionFamily.Min or ReductionFamily.Max => SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                target,
                SyntaxFactory.InvocationExpression(
                    mathMethod!.WithoutTrivia(),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(target), SyntaxFactory.Argument(localName) })))),
            _ => SyntaxFactory.AssignmentExpression(
                family switch
                {
                    ReductionFamily.Multiply => SyntaxKind.MultiplyAssignmentExpression,
                    ReductionFamily.Or => SyntaxKind.OrAssignmentExpression,
                    ReductionFamily.And => SyntaxKind.AndAssignmentExpression,
                    ReductionFamily.Xor => SyntaxKind.ExclusiveOrAssignmentExpression,
                    _ => SyntaxKind.AddAssignmentExpression,
                },
                target,
                localName),
        };
        return SyntaxFactory.ExpressionStatement(combine);
    }
}
