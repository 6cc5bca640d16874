using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Analysis;

/// <summary>The diagnostics found for one loop (or method), each reported once, with the first error kept as the loop's reason.</summary>
internal sealed class LoopFindings
{
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly HashSet<(string Id, Location Location)> _seen = new();

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The message of the first error, used to say why a loop stayed sequential (AP0014).</summary>
    public string? FirstError => _diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.GetMessage(CultureInfo.InvariantCulture);

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
    {
        if (_seen.Add((descriptor.Id, location)))
        {
            _diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));
        }
    }

    public void AddRange(LoopFindings other, bool errorsOnly = false)
    {
        foreach (Diagnostic diagnostic in other._diagnostics.Where(d => !errorsOnly || d.Severity == DiagnosticSeverity.Error))
        {
            if (_seen.Add((diagnostic.Id, diagnostic.Location)))
            {
                _diagnostics.Add(diagnostic);
            }
        }
    }
}
