using System.Linq;
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
        // The file's own line ending, so that a CRLF file stays CRLF and an LF file LF.
        SyntaxTrivia newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (newLine == default)
        {
            newLine = SyntaxFactory.ElasticLineFeed;
        }

        if (statement.Parent is BlockSyntax oneLine && !oneLine.ToString().Contains("\n"))
        {
            // { a; b; } on one line stays on one line.
            var inline = oneLine.Statements.Replace(statement, rewritten);
            inline = inline.Insert(oneLine.Statements.IndexOf(statement), declaration.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space));
            return root.ReplaceNode(oneLine, oneLine.WithStatements(inline));
        }

        declaration = declaration.WithTrailingTrivia(newLine).WithAdditionalAnnotations(Formatter.Annotation);
        if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
        {
            // The declaration takes the statement's comments; the statement keeps its indentation.
            SyntaxTriviaList leading = statement.GetLeadingTrivia();
            SyntaxTriviaList indentation = leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(leading.Last()) : default;
            var statements = statement.Parent is BlockSyntax block ? block.Statements : ((SwitchSectionSyntax)statement.Parent).Statements;
            int index = statements.IndexOf(statement);
            statements = statements.RemoveAt(index).Insert(index, rewritten.WithLeadingTrivia(indentation)).Insert(index, declaration.WithLeadingTrivia(leading));
            SyntaxNode updated = statement.Parent is BlockSyntax b ? b.WithStatements(statements) : ((SwitchSectionSyntax)statement.Parent).WithStatements(statements);
            return root.ReplaceNode(statement.Parent, updated);
        }

        BlockSyntax wrapped = SyntaxFactory.Block(declaration.WithLeadingTrivia(SyntaxFactory.ElasticMarker), rewritten.WithoutLeadingTrivia())
            .WithTriviaFrom(statement)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return root.ReplaceNode(statement, wrapped);
    }
}
