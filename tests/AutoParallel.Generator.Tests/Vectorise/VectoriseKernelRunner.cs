using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using AutoParallel.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.Generator.Tests.Vectorise;

/// <summary>
/// Compiles [Vectorise] kernels with the generator, and calls each kernel's generated span overload (through an array wrapper
/// added to the source, since spans cannot pass through reflection) and the scalar kernel element by element, on the same inputs.
/// </summary>
internal sealed class VectoriseKernelRunner : IDisposable
{
    private const string Type = "Demo.Kernels";
    private readonly LoadedAssembly _assembly;
    private readonly Dictionary<string, KernelSignature> _kernels;

    public VectoriseKernelRunner(string source)
    {
        _kernels = Signatures(source).ToDictionary(k => k.Name);
        _assembly = new LoadedAssembly(TestCompiler.Generate(TestCompiler.Compile(new[] { source, Wrappers(_kernels.Values) })).Emit());
    }

    public IReadOnlyCollection<string> Kernels => _kernels.Keys;

    public KernelSignature Signature(string kernel) => _kernels[kernel];

    /// <summary>The scalar kernel on element <paramref name="k"/> of the inputs (scalar parameters as they are).</summary>
    public object? Scalar(string kernel, object?[] inputs, int k)
    {
        KernelSignature signature = _kernels[kernel];
        object?[] arguments = inputs.Select((input, p) => signature.Parameters[p].IsScalar ? input : ((Array)input!).GetValue(k)).ToArray();
        return LoadedAssembly.Invoke(ScalarMethod(kernel), null, arguments);
    }

    /// <summary>The generated span overload over whole arrays; returns the result array.</summary>
    public Array Spans(string kernel, object?[] inputs, int length)
    {
        KernelSignature signature = _kernels[kernel];
        Array result = Array.CreateInstance(signature.Result, length);
        LoadedAssembly.Invoke(_assembly.Method(Type, kernel + "__Spans"), null, inputs.Append(result).ToArray());
        return result;
    }

    public MethodInfo ScalarMethod(string kernel)
        => _assembly.Assembly.GetType(Type, throwOnError: true)!.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Single(m => m.Name == kernel && m.GetParameters().All(p => p.ParameterType.IsPrimitive));

    public void Dispose() => _assembly.Dispose();

    private static IEnumerable<KernelSignature> Signatures(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, TestCompiler.ParseOptions).GetRoot();
        foreach (MethodDeclarationSyntax method in root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().StartsWith("Vectorise", StringComparison.Ordinal))))
        {
            yield return new KernelSignature(
                method.Identifier.Text,
                method.ParameterList.Parameters.Select(p => new KernelParameter(
                    p.Identifier.Text,
                    ClrType(p.Type!.ToString()),
                    p.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Scalar"))).ToList(),
                ClrType(method.ReturnType.ToString()));
        }
    }

    private static string Wrappers(IEnumerable<KernelSignature> kernels)
    {
        var text = new StringBuilder("namespace Demo;\npublic static partial class Kernels\n{\n");
        foreach (KernelSignature kernel in kernels)
        {
            string parameters = string.Join(", ", kernel.Parameters.Select(p => $"{Keyword(p.Type)}{(p.IsScalar ? string.Empty : "[]")} {p.Name}").Append($"{Keyword(kernel.Result)}[] result"));
            string arguments = string.Join(", ", kernel.Parameters.Select(p => p.IsScalar ? p.Name : $"(System.ReadOnlySpan<{Keyword(p.Type)}>){p.Name}").Append("result"));
            text.Append($"    public static void {kernel.Name}__Spans({parameters}) => {kernel.Name}({arguments});\n");
        }

        return text.Append("}\n").ToString();
    }

    private static Type ClrType(string keyword) => keyword switch
    {
        "double" => typeof(double),
        "float" => typeof(float),
        "long" => typeof(long),
        "ulong" => typeof(ulong),
        "int" => typeof(int),
        "uint" => typeof(uint),
        "short" => typeof(short),
        "ushort" => typeof(ushort),
        "sbyte" => typeof(sbyte),
        "byte" => typeof(byte),
        "bool" => typeof(bool),
        _ => throw new ArgumentException(keyword),
    };

    private static string Keyword(Type type) => type == typeof(double) ? "double" : type == typeof(float) ? "float" : type == typeof(long) ? "long"
        : type == typeof(ulong) ? "ulong" : type == typeof(int) ? "int" : type == typeof(uint) ? "uint" : type == typeof(short) ? "short"
        : type == typeof(ushort) ? "ushort" : type == typeof(sbyte) ? "sbyte" : type == typeof(byte) ? "byte" : "bool";
}

internal sealed record KernelParameter(string Name, Type Type, bool IsScalar);

internal sealed record KernelSignature(string Name, IReadOnlyList<KernelParameter> Parameters, Type Result);
