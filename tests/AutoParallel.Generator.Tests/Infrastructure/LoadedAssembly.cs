using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;

namespace AutoParallel.Generator.Tests.Infrastructure;

/// <summary>A compiled test assembly loaded into a collectible context, with its methods callable by name.</summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    public LoadedAssembly(byte[] image)
    {
        // AutoParallel.dll resolves to the copy the test process already has, so tests can set ParallelRuntime.NumThreads.
        _context = new AssemblyLoadContext("generated-test", isCollectible: true);
        Assembly = _context.LoadFromStream(new MemoryStream(image));
    }

    public Assembly Assembly { get; }

    public static LoadedAssembly From(string source, bool allowUnsafe = true) => new(TestCompiler.Generate(source, allowUnsafe).Emit());

    public MethodInfo Method(string type, string name)
        => Assembly.GetType(type, throwOnError: true)!.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            ?? throw new MissingMethodException(type, name);

    /// <summary>Calls a static method, rethrowing what it throws as itself.</summary>
    public object? Call(string type, string name, params object?[] arguments) => Invoke(Method(type, name), null, arguments);

    public static object? Invoke(MethodInfo method, object? target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public void Dispose() => _context.Unload();
}
