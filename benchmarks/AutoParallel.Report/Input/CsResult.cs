using System.Collections.Generic;

namespace AutoParallel.Report.Input;

/// <summary>One BenchmarkDotNet benchmark case: a method of a class at one set of parameter values.</summary>
/// <param name="Type">The benchmark class, e.g. <c>SumKernel</c>.</param>
/// <param name="Method">The benchmark method's name.</param>
/// <param name="Description">The method's <c>Description</c> (BenchmarkDotNet's <c>MethodTitle</c>): what the report keys on.</param>
/// <param name="Parameters">The <c>[Params]</c> values, by name.</param>
/// <param name="MedianNs">The median time of one call, in nanoseconds; <see langword="null"/> when the case did not run.</param>
/// <param name="StdDevNs">The standard deviation of one call's time, in nanoseconds.</param>
/// <param name="AllocatedBytes">Managed bytes allocated per call (MemoryDiagnoser); <see langword="null"/> when not measured.</param>
/// <param name="Job">The job's description, e.g. <c>ShortRun(IterationCount=9, …)</c>.</param>
/// <param name="HardwareIntrinsics">The instruction sets the JIT used, e.g. <c>AVX2,… VectorSize=256</c>.</param>
public sealed record CsResult(
    string Type,
    string Method,
    string Description,
    IReadOnlyDictionary<string, string> Parameters,
    double? MedianNs,
    double? StdDevNs,
    long? AllocatedBytes,
    string Job,
    string HardwareIntrinsics)
{
    /// <summary>The value of parameter <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out string? value) ? value : null;
}
