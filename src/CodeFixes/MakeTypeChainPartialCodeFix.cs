using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.CodeFixes;

/// <summary>
/// AP0001: makes the reported type partial, together with every type of the nesting chain that the generated code reopens: the types
/// around it, and the types between it and each <c>[Parallelise]</c>/<c>[Vectorise]</c> method it contains.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTypeChainPartialCodeFix))]
[Shared]
public sealed class MakeTypeChainPartialCodeFix : AutoParallelCodeFix
{
    private static readonly string[] MarkerAttributes = { "Parallelise", "ParalleliseAttribute", "Vectorise", "VectoriseAttribute" };

    /// <inheritdoc />
    protected override string RuleId => RuleIds.TypeMustBePartial;

    internal override Task<PlannedFix?> PlanAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } type)
        {
            return Task.FromResult<PlannedFix?>(null);
        }

        var chain = new HashSet<TypeDeclarationSyntax>(type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>());
        foreach (MethodDeclarationSyntax method in type.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsMarked))
        {
            chain.UnionWith(method.Ancestors().OfType<TypeDeclarationSyntax>().TakeWhile(t => t != type));
        }

        var missing = chain.Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).ToList();
        if (missing.Count == 0)
        {
            return Task.FromResult<PlannedFix?>(null);
        }

        string title = missing.Count == 1 ? $"Make '{type.Identifier.ValueText}' partial" : $"Make '{type.Identifier.ValueText}' and its type chain partial";
        return Task.FromResult<PlannedFix?>(new PlannedFix(title, async cancellationToken =>
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            return document.WithSyntaxRoot(root.ReplaceNodes(missing, (_, rewritten) => AddPartial(rewritten)));
        }));
    }

    private static bool IsMarked(MethodDeclarationSyntax method)
        => method.AttributeLists.SelectMany(l => l.Attributes).Any(a => MarkerAttributes.Contains(RightmostName(a.Name)));

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };

    /// <summary><c>partial</c> goes last among the modifiers, right before <c>class</c>/<c>struct</c>/<c>record</c>.</summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Count == 0)
        {
            SyntaxToken keyword = type.Keyword;
            SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return type.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return type.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
    }
}
