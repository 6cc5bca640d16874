using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.Generator.Analysis;

/// <summary>Cuts the user's source text into the pieces the generated code reuses, applying the few edits it needs.</summary>
internal static class SourceSlice
{
    /// <summary>The text of <paramref name="span"/> with every edit inside it applied (edits are replacements, or insertions when empty).</summary>
    public static string Text(SourceText source, TextSpan span, IEnumerable<(TextSpan Span, string Text)> edits)
    {
        var builder = new StringBuilder();
        int position = span.Start;
        foreach (var edit in edits.Where(e => span.Contains(e.Span)).OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length))
        {
            if (edit.Span.Start < position)
            {
                continue;
            }

            builder.Append(source.ToString(TextSpan.FromBounds(position, edit.Span.Start)));
            builder.Append(edit.Text);
            position = edit.Span.End;
        }

        builder.Append(source.ToString(TextSpan.FromBounds(position, span.End)));
        return builder.ToString().Replace("\r\n", "\n");
    }

    /// <summary>
    /// What a block holds between its braces, or the whole statement when it is not a block (from the start of its line, so the
    /// statement keeps its indentation relative to the lines after it).
    /// </summary>
    public static TextSpan Inside(StatementSyntax statement, SourceText source)
    {
        if (statement is BlockSyntax block)
        {
            return TextSpan.FromBounds(block.OpenBraceToken.Span.End, block.CloseBraceToken.SpanStart);
        }

        int lineStart = source.Lines.GetLineFromPosition(statement.SpanStart).Start;
        bool onlyIndentBefore = source.ToString(TextSpan.FromBounds(lineStart, statement.SpanStart)).Trim().Length == 0;
        return TextSpan.FromBounds(onlyIndentBefore ? lineStart : statement.SpanStart, statement.Span.End);
    }
}
