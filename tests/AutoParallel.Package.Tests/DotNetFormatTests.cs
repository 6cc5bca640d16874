using System.IO;

namespace AutoParallel.Package.Tests;

/// <summary>
/// A real client of the code fixes: <c>dotnet format analyzers</c>, on a project that references only the packed package, applies the
/// AP0001 and AP0007 fixes from AutoParallel.CodeFixes.dll; the result builds, runs right, and the project's .editorconfig decides
/// which diagnostics its build shows.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DotNetFormatTests
{
    private const string Program = """
        using AutoParallel;

        double[] data = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray();
        int[] filled = new int[5];
        Kernels.Fill(filled);
        Console.WriteLine($"Total={Work.Total(data)}");
        Console.WriteLine($"Squares={string.Join(",", Work.Squares(4))}");
        Console.WriteLine($"Filled={string.Join(",", filled)}");

        public static class Kernels
        {
            [Parallelise]
            public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i * 2; }

            [Parallelise]
            public static void Chatty(int[] values) { for (int i = 0; i < values.Length; i++) Console.WriteLine(values[i]); }
        }

        public static class Work
        {
            public static double Total(double[] a)
            {
                double total = 0;
                Parallel.For(0, a.Length, i => total += a[i]);
                return total;
            }

            public static int[] Squares(int n)
            {
                var results = new int[n];
                var tasks = new Task[n];
                for (int i = 0; i < n; i++)
                    tasks[i] = Task.Run(() => results[i] = i * i);
                Task.WaitAll(tasks);
                return results;
            }
        }
        """;

    private const string EditorConfig = """
        root = true

        [*.cs]
        dotnet_diagnostic.AP0008.severity = none
        dotnet_diagnostic.AP0013.severity = warning
        """;

    private readonly PackedPackage _package;

    public DotNetFormatTests(PackedPackage package)
    {
        _package = package;
    }

    [Fact]
    public void Dotnet_format_applies_the_AP0001_and_AP0007_fixes_and_the_result_builds_and_runs()
    {
        string consumer = _package.CreateConsumer("format", Program, EditorConfig);
        var environment = _package.Environment("format");
        string before = DotNet.Run(consumer, "build -c Release", environment).Output;
        Assert.Contains("error AP0001", before);
        Assert.Contains("warning AP0007", before);

        DotNet.RunOk(consumer, "format analyzers Consumer.csproj --diagnostics AP0001 AP0007 --severity info", environment);
        string program = File.ReadAllText(Path.Combine(consumer, "Program.cs"));
        Assert.Contains("public static partial class Kernels", program);
        Assert.Contains("Parallel.For(0, a.Length, () => 0.0, (i, _, localTotal) => localTotal + a[i], localTotal => { lock (totalLock) total += localTotal; });", program);
        Assert.Contains("object totalLock = new object();", program);
        Assert.Contains("int iCopy = i;", program);
        Assert.Contains("tasks[i] = Task.Run(() => results[iCopy] = iCopy * iCopy);", program);

        string build = DotNet.RunOk(consumer, "build -c Release", environment);
        Assert.DoesNotContain("AP0001", build);
        Assert.DoesNotContain("AP0007", build);
        Assert.DoesNotContain("AP0008", build);
        Assert.Contains("warning AP0013", build);

        string run = DotNet.RunOk(consumer, "run -c Release --no-build", environment);
        Assert.Contains("Total=500500", run);
        Assert.Contains("Squares=0,1,4,9", run);
        Assert.Contains("Filled=0,2,4,6,8", run);
    }
}
