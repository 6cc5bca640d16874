using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using AutoParallel.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoParallel.Generator.Tests.Incremental;

/// <summary>
/// The incremental pipeline's discipline: after an edit elsewhere every tracked step is Cached or Unchanged (the emitter does not
/// run again), after an edit of the method it runs, and no step output holds a Compilation, symbol or syntax node.
/// </summary>
public sealed class PipelineCachingTests
{
    private const string Kernels = """
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            [Parallelise]
            public static double Sum(double[] values)
            {
                double sum = 0;
                for (int i = 0; i < values.Length; i++) sum += values[i];
                return sum;
            }

            [Parallelise]
            public static void Scale(double[] values, double factor)
            {
                for (int i = 0; i < values.Length; i++) values[i] *= factor;
            }

            [Vectorise]
            public static double Axpy([Scalar] double a, double x, double y) => a * x + y;
        }
        """;

    private const string Unrelated = """
        namespace Demo;
        public static class Other
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    private static readonly string[] TrackedSteps = typeof(ParalleliseGenerator).Assembly
        .GetType("AutoParallel.Generator.TrackingNames")!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Every_step_is_cached_after_an_unrelated_edit()
    {
        var (first, second) = RunTwice(c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; public static class Extra { public static int Three => 3; }", TestCompiler.ParseOptions)));
        AssertSteps(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Every_step_is_cached_after_editing_another_file()
    {
        var (_, second) = RunTwice(c =>
        {
            SyntaxTree old = c.SyntaxTrees.Single(t => t.ToString().Contains("class Other", StringComparison.Ordinal));
            return c.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Unrelated.Replace("2 * x", "x + x"), TestCompiler.ParseOptions, old.FilePath));
        });
        AssertSteps(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_the_method_regenerates_it()
    {
        var (first, second) = RunTwice(c =>
        {
            SyntaxTree old = c.SyntaxTrees.Single(t => t.ToString().Contains("Parallelise", StringComparison.Ordinal));
            return c.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(old.ToString().Replace("values[i] *= factor", "values[i] *= factor + 1"), TestCompiler.ParseOptions, old.FilePath));
        });
        var reasons = Steps(second)["ParalleliseModels"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.NotEqual(first.Sources.Single(s => s.Key.Contains("Scale", StringComparison.Ordinal)).Value, second.Sources.Single(s => s.Key.Contains("Scale", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Editing_a_kernel_regenerates_its_span_overload_only()
    {
        var (first, second) = RunTwice(c =>
        {
            SyntaxTree old = c.SyntaxTrees.Single(t => t.ToString().Contains("Vectorise", StringComparison.Ordinal));
            return c.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(old.ToString().Replace("a * x + y", "a * x - y"), TestCompiler.ParseOptions, old.FilePath));
        });
        var steps = Steps(second);
        Assert.Contains(IncrementalStepRunReason.Modified, steps["VectoriseModels"].SelectMany(s => s.Outputs).Select(o => o.Reason));
        Assert.All(steps["ParalleliseModels"].SelectMany(s => s.Outputs), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        string Axpy(GeneratorRun run) => run.Sources.Single(s => s.Key.Contains("Axpy", StringComparison.Ordinal)).Value;
        Assert.NotEqual(Axpy(first), Axpy(second));
    }

    [Fact]
    public void Step_outputs_hold_no_compilation_symbol_or_syntax()
    {
        var run = TestCompiler.Generate(TestCompiler.Compile(new[] { Kernels, Unrelated }));
        var steps = Steps(run);
        foreach (string name in TrackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} did not run");
            foreach (var output in steps[name].SelectMany(s => s.Outputs))
            {
                AssertPlain(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static (GeneratorRun First, GeneratorRun Second) RunTwice(Func<Compilation, Compilation> edit)
    {
        CSharpCompilation compilation = TestCompiler.Compile(new[] { Kernels, Unrelated });
        GeneratorRun first = TestCompiler.Generate(compilation).ShouldCompile();
        GeneratorDriver driver = first.Driver.RunGenerators(edit(compilation));
        return (first, new GeneratorRun(compilation, compilation, driver, default));
    }

    /// <summary>The tracked steps of every generator (the [Parallelise] and the [Vectorise] pipelines).</summary>
    private static Dictionary<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> Steps(GeneratorRun run)
        => run.Driver.GetRunResult().Results.SelectMany(r => r.TrackedSteps).Where(s => TrackedSteps.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value);

    private static void AssertSteps(GeneratorRun run, params IncrementalStepRunReason[] allowed)
    {
        var steps = Steps(run);
        foreach (string name in TrackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} did not run");
            foreach (var (_, reason) in steps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(allowed.Contains(reason), $"step {name} was {reason}");
            }
        }
    }

    /// <summary>Walks an output's object graph and fails on anything that would pin a compilation in memory or break equality.</summary>
    private static void AssertPlain(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel or SyntaxTree or Location,
            $"{path} holds a {value.GetType().Name}, which must not enter the incremental pipeline");

        if (value is IEnumerable sequence)
        {
            int k = 0;
            foreach (object? item in sequence)
            {
                AssertPlain(item, $"{path}[{k++}]", seen);
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlain(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
