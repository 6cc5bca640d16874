namespace AutoParallel.Report.Input;

/// <summary>BenchmarkDotNet's <c>HostEnvironmentInfo</c>: the machine and runtime the C# suite ran on.</summary>
/// <param name="Os">Operating system, e.g. <c>Debian GNU/Linux 12 (bookworm)</c>.</param>
/// <param name="Processor">Processor name as the OS reports it.</param>
/// <param name="PhysicalCores">Physical cores.</param>
/// <param name="LogicalCores">Logical cores: the thread count the generated code uses by default.</param>
/// <param name="Runtime">The .NET runtime, e.g. <c>.NET 10.0.12</c>.</param>
/// <param name="BenchmarkDotNet">BenchmarkDotNet's version.</param>
/// <param name="Sdk">The .NET SDK that built the benchmarks.</param>
public sealed record HostInfo(
    string Os, string Processor, int PhysicalCores, int LogicalCores, string Runtime, string BenchmarkDotNet, string Sdk);
