using System;
using System.Collections.Generic;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>Calls a user method and its generated twin on the same inputs at several thread counts.</summary>
internal sealed class KernelRunner : IDisposable
{
    public static readonly int[] ThreadCounts = { 1, 2, 3, 4, 7 };

    private readonly LoadedAssembly _assembly;
    private readonly string _type;

    public KernelRunner(string source, string type = "Demo.Kernels", bool allowUnsafe = true)
    {
        _assembly = LoadedAssembly.From(source, allowUnsafe);
        _type = type;
    }

    public LoadedAssembly Assembly => _assembly;

    public object? Sequential(string method, params object?[] arguments) => _assembly.Call(_type, method, arguments);

    public object? Parallel(string method, params object?[] arguments) => _assembly.Call(_type, method + "Parallel", arguments);

    /// <summary>Runs the generated method at each thread count, restoring the default afterwards.</summary>
    public IEnumerable<(int Threads, object? Result)> ParallelAtEachThreadCount(string method, Func<object?[]> arguments)
    {
        int before = ParallelRuntime.NumThreads;
        try
        {
            var results = new List<(int, object?)>();
            foreach (int threads in ThreadCounts)
            {
                ParallelRuntime.NumThreads = threads;
                results.Add((threads, Parallel(method, arguments())));
            }

            return results;
        }
        finally
        {
            ParallelRuntime.NumThreads = before;
        }
    }

    public void Dispose() => _assembly.Dispose();
}
