namespace AutoParallel.Generator.Tests.Execution;

/// <summary>Tests that change <see cref="ParallelRuntime.NumThreads"/> (process-wide) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeStateCollection
{
    public const string Name = "Runtime state";
}
