using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace AutoParallel.Package.Tests;

/// <summary>
/// What a user gets: <c>dotnet pack</c> makes one AutoParallel nupkg (runtime in lib/net8.0, generator and code fixes in
/// analyzers/dotnet/cs), and a fresh project that restores it from a local folder, and nothing else, gets <c>SumParallel</c> generated,
/// runs it, and sees AutoParallel's diagnostics in its build output.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    private readonly PackedPackage _package;

    public PackageTests(PackedPackage package)
    {
        _package = package;
    }

    [Fact]
    public void The_package_holds_the_runtime_the_generator_and_the_code_fixes()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.Nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net8.0/AutoParallel.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AutoParallel.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AutoParallel.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && (e.EndsWith("Generator.dll", StringComparison.Ordinal) || e.EndsWith("CodeFixes.dll", StringComparison.Ordinal)));

        // Workspaces must never load into the compiler: the generator does not reference the code fixes or Workspaces.
        using var generator = new MemoryStream();
        zip.GetEntry("analyzers/dotnet/cs/AutoParallel.Generator.dll")!.Open().CopyTo(generator);
        generator.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(generator);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var names = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
        Assert.DoesNotContain(names, n => n.Contains("Workspaces", StringComparison.Ordinal) || n == "AutoParallel.CodeFixes");
    }

    [Fact]
    public void A_consumer_of_the_packed_package_gets_parallel_methods_and_diagnostics()
    {
        string consumer = _package.CreateConsumer("consumer", """
            using AutoParallel;

            long[] values = Enumerable.Range(0, 100_000).Select(i => (long)i).ToArray();
            Console.WriteLine($"Sum={Kernels.Sum(values)}");
            Console.WriteLine($"SumParallel={Kernels.SumParallel(values)}");
            Console.WriteLine($"NumThreads={ParallelRuntime.NumThreads}");
            double[] x = Enumerable.Range(0, 1001).Select(i => (double)i).ToArray();
            double[] scaled = new double[x.Length];
            Kernels.Axpy(2, x, x, scaled);
            Console.WriteLine($"Axpy={scaled.Sum()}");

            public static partial class Kernels
            {
                [Vectorise]
                public static double Axpy([Scalar] double a, double x, double y) => a * x + y;

                [Parallelise]
                public static long Sum(long[] values)
                {
                    long sum = 0;
                    for (int i = 0; i < values.Length; i++) sum += values[i];
                    return sum;
                }

                [Parallelise]
                public static void Chatty(int[] values)
                {
                    for (int i = 0; i < values.Length; i++) Console.WriteLine(values[i]);
                }
            }
            """);
        var environment = _package.Environment("consumer", ("AUTOPARALLEL_NUM_THREADS", "3"));
        string build = DotNet.RunOk(consumer, "build -c Release", environment);
        Assert.Contains("warning AP0008", build);
        Assert.Contains("Console.WriteLine", build);

        string run = DotNet.RunOk(consumer, "run -c Release --no-build", environment);
        Assert.Contains("SumParallel=4999950000", run);
        Assert.Contains("Sum=4999950000", run);
        Assert.Contains("NumThreads=3", run);
        Assert.Contains("Axpy=1501500", run);

        File.WriteAllText(Path.Combine(consumer, "NotPartial.cs"), """
            using AutoParallel;
            public static class NotPartial
            {
                [Parallelise]
                public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """);
        var (exitCode, failed) = DotNet.Run(consumer, "build -c Release", environment);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error AP0001", failed);
        Assert.Contains("'NotPartial' must be declared partial", failed);
    }
}
