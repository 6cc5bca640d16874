using System;

namespace AutoParallel.Report.Output;

/// <summary>
/// Replaces the generated part of a markdown document, between <c>&lt;!-- report:begin --&gt;</c> and
/// <c>&lt;!-- report:end --&gt;</c>, and leaves everything outside the markers as it is.
/// </summary>
public static class DocumentSplicer
{
    /// <summary>The marker before the generated part.</summary>
    public const string Begin = "<!-- report:begin -->";

    /// <summary>The marker after the generated part.</summary>
    public const string End = "<!-- report:end -->";

    /// <summary>
    /// <paramref name="document"/> with the text between the markers replaced by <paramref name="generated"/>. Without markers,
    /// they are inserted after the title (the first <c># </c> line), or at the top when there is none.
    /// </summary>
    /// <exception cref="FormatException">Only one marker, or the end marker before the begin marker.</exception>
    public static string Splice(string document, string generated)
    {
        string newline = document.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string body = generated.ReplaceLineEndings(newline).TrimEnd() + newline;
        int begin = document.IndexOf(Begin, StringComparison.Ordinal);
        int end = document.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 && end < 0)
        {
            int insertAt = AfterTitle(document);
            string before = document[..insertAt];
            string after = document[insertAt..].TrimStart('\r', '\n');
            return before + (before.Length > 0 ? newline : "") + Begin + newline + body + End + newline + (after.Length > 0 ? newline + after : "");
        }

        if (begin < 0 || end < begin)
        {
            throw new FormatException($"The document has {(begin < 0 ? "no" : "a misplaced")} '{Begin}' marker for its '{End}'.");
        }

        return document[..(begin + Begin.Length)] + newline + body + document[end..];
    }

    /// <summary>The index just after the title line, or 0.</summary>
    private static int AfterTitle(string document)
    {
        int start = 0;
        while (start < document.Length)
        {
            int lineEnd = document.IndexOf('\n', start);
            int next = lineEnd < 0 ? document.Length : lineEnd + 1;
            if (document.AsSpan(start).StartsWith("# ", StringComparison.Ordinal))
            {
                return next;
            }

            start = next;
        }

        return 0;
    }
}
