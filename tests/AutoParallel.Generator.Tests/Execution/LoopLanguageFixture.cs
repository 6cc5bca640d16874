using System;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>Compiles the loop-language kernels once for all tests of <see cref="LoopLanguageEquivalenceTests"/>.</summary>
public sealed class LoopLanguageFixture : IDisposable
{
    internal KernelRunner Kernels { get; } = new(LoopLanguageKernels.Source);

    public void Dispose() => Kernels.Dispose();
}
