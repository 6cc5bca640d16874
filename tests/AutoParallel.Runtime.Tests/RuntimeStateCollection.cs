namespace AutoParallel.Runtime.Tests;

/// <summary>The runtime's thread count and nesting switch are process-wide: tests that change them run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeStateCollection
{
    public const string Name = "Runtime state";
}
