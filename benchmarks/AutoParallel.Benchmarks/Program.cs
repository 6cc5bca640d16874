using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/AutoParallel.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
