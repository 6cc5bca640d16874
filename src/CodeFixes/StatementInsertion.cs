using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace AutoParallel.CodeFixes;

/// <summary>Puts a new declaration right before a statement: in its block, or in a new block with it when it has none.</summary>
internal static class StatementInsertion
{
    public static SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax statement, StatementSyntax rewritten, StatementSyntax declaration)
    {
        declaration = declaration
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (statement.Parent is BlockSyntax block)
        {
            int index = block.Statements.IndexOf(statement);
            BlockSyntax updated = block.WithStatements(block.Statements.RemoveAt(index).Insert(index, rewritten).Insert(index, declaration.WithLeadingTrivia(statement.GetLeadingTrivia())));
            return root.ReplaceNode(block, updated.WithAdditionalAnnotations(Formatter.Annotation));
        }

        if (statement.Parent is SwitchSectionSyntax section)
        {
            int index = section.Statements.IndexOf(statement);
            SwitchSectionSyntax updated = section.WithStatements(section.Statements.RemoveAt(index).Insert(index, rewritten).Insert(index, declaration.WithLeadingTrivia(statement.GetLeadingTrivia())));
            return root.ReplaceNode(section, updated.WithAdditionalAnnotations(Formatter.Annotation));
        }

        BlockSyntax wrapped = SyntaxFactory.Block(declaration, rewritten.WithoutLeadingTrivia())
            .WithTriviaFrom(statement)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return root.ReplaceNode(statement, wrapped);
    }
}
