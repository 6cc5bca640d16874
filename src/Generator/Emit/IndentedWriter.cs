using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AutoParallel.Generator.Emit;

/// <summary>A small writer for generated C#: four-space indentation, <c>\n</c> line ends, block scopes that close themselves.</summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _text = new();
    private int _depth;

    public void WriteLine(string line = "")
    {
        if (line.Length > 0)
        {
            for (int k = 0; k < _depth; k++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes lines of text as they are, re-indented to the current depth (the text's own common indentation is removed first).</summary>
    public void WriteBlockText(string text)
    {
        foreach (string line in Dedent(text))
        {
            WriteLine(line);
        }
    }

    /// <summary>Writes <c>{</c>, indents until the returned scope is disposed, then writes <c>}</c> (with an optional suffix such as <c>;</c>).</summary>
    public Scope Block(string closingSuffix = "")
    {
        WriteLine("{");
        _depth++;
        return new Scope(this, closingSuffix);
    }

    /// <summary>Indents until the returned scope is disposed, with no braces.</summary>
    public Scope Indented()
    {
        _depth++;
        return new Scope(this, null);
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// Splits text into lines, drops leading and trailing blank lines, and removes the indentation all non-blank lines share
    /// (tabs count as four spaces; preprocessor lines, which sit at column 0, do not count).
    /// </summary>
    public static IReadOnlyList<string> Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace("\t", IndentUnit).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        int common = lines.Where(l => l.Length > 0 && !l.TrimStart().StartsWith("#", StringComparison.Ordinal))
            .Select(l => l.Length - l.TrimStart().Length)
            .DefaultIfEmpty(0)
            .Min();
        return lines.Select(l => l.Length == 0 ? l : l.Substring(Math.Min(common, l.Length - l.TrimStart().Length))).ToList();
    }

    public readonly struct Scope : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly string? _suffix;

        public Scope(IndentedWriter writer, string? suffix)
        {
            _writer = writer;
            _suffix = suffix;
        }

        public void Dispose()
        {
            _writer._depth--;
            if (_suffix is not null)
            {
                _writer.WriteLine("}" + _suffix);
            }
        }
    }
}
