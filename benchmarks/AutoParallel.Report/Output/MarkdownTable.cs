using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AutoParallel.Report.Output;

/// <summary>A GitHub markdown table: a header, alignments, rows of cells.</summary>
public sealed class MarkdownTable
{
    private readonly string[] _header;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = new();

    /// <summary>A table with these columns; a column whose name starts with <c>&gt;</c> is right-aligned (the marker is dropped).</summary>
    public MarkdownTable(params string[] columns)
    {
        _rightAligned = columns.Select(c => c.StartsWith('>')).ToArray();
        _header = columns.Select(c => c.TrimStart('>')).ToArray();
    }

    /// <summary>Whether any row was added.</summary>
    public bool HasRows => _rows.Count > 0;

    /// <summary>Adds a row; missing cells are empty, pipes in cells are escaped.</summary>
    public void Add(params string[] cells)
        => _rows.Add(Enumerable.Range(0, _header.Length).Select(i => i < cells.Length ? cells[i].Replace("|", "\\|") : "").ToArray());

    /// <summary>Appends the table to <paramref name="text"/>.</summary>
    public void WriteTo(StringBuilder text)
    {
        text.Append("| ").AppendJoin(" | ", _header).AppendLine(" |");
        text.Append('|').AppendJoin("|", _rightAligned.Select(r => r ? " ---: " : " --- ")).AppendLine("|");
        foreach (string[] row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }
    }
}
