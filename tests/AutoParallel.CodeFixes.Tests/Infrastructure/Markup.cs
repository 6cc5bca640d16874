using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.CodeFixes.Tests.Infrastructure;

/// <summary>Reads <c>{|ID:text|}</c> markers out of a source: the text without them, and each marked span with its ID.</summary>
internal static class Markup
{
    public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<(string Id, TextSpan Span)>();
        var open = new Stack<(string Id, int Start)>();
        int k = 0;
        while (k < markup.Length)
        {
            if (markup[k] == '{' && k + 1 < markup.Length && markup[k + 1] == '|')
            {
                int colon = markup.IndexOf(':', k);
                open.Push((markup.Substring(k + 2, colon - k - 2), source.Length));
                k = colon + 1;
            }
            else if (markup[k] == '|' && k + 1 < markup.Length && markup[k + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, source.Length)));
                k += 2;
            }
            else
            {
                source.Append(markup[k]);
                k++;
            }
        }

        return (source.ToString(), expected);
    }
}
