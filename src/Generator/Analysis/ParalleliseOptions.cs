using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoParallel.Generator.Analysis;

/// <summary>The values of one <c>[Parallelise(…)]</c>, with the attribute's defaults (DESIGN.md §2).</summary>
internal sealed record ParalleliseOptions(
    bool Outer,
    int MaxDegreeOfParallelism,
    string Schedule,
    int ChunkSize,
    int Collapse,
    long MinIterations,
    bool Deterministic,
    string? Name)
{
    public static ParalleliseOptions Default { get; } = new(true, 0, "Auto", 0, 1, 0, true, null);

    private static readonly string[] ScheduleNames = { "Auto", "Static", "Dynamic", "Guided" };

    public static ParalleliseOptions From(AttributeData attribute)
    {
        ParalleliseOptions options = Default;
        foreach (var argument in attribute.NamedArguments)
        {
            object? value = argument.Value.Value;
            options = argument.Key switch
            {
                "Outer" when value is bool b => options with { Outer = b },
                "MaxDegreeOfParallelism" when value is int n => options with { MaxDegreeOfParallelism = n },
                "Schedule" when value is int s => options with { Schedule = s >= 0 && s < ScheduleNames.Length ? ScheduleNames[s] : "Auto" },
                "ChunkSize" when value is int c => options with { ChunkSize = c },
                "Collapse" when value is int k => options with { Collapse = k },
                "MinIterations" when value is long m => options with { MinIterations = m },
                "MinIterations" when value is int m => options with { MinIterations = m },
                "Deterministic" when value is bool d => options with { Deterministic = d },
                "Name" when value is string name => options with { Name = name },
                _ => options,
            };
        }

        return options;
    }

    /// <summary>The attribute's own problems (negative chunk size, Collapse &lt; 1 …), as messages.</summary>
    public string[] Problems()
    {
        return new[]
        {
            ChunkSize < 0 ? $"ChunkSize = {ChunkSize} must not be negative" : null,
            Collapse < 1 ? $"Collapse = {Collapse} must be at least 1" : null,
            MinIterations < 0 ? $"MinIterations = {MinIterations} must not be negative" : null,
            Name is not null && !SyntaxFacts.IsValidIdentifier(Name) ? $"Name = \"{Name}\" is not a valid C# identifier" : null,
        }.Where(p => p is not null).Select(p => p!).ToArray();
    }
}
