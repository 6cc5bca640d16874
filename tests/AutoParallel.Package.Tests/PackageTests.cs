using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.CompilerServices;

namespace AutoParallel.Package.Tests;

/// <summary>
/// What a user gets: <c>dotnet pack</c> makes one AutoParallel nupkg (runtime in lib/net8.0, generator in analyzers/dotnet/cs),
/// and a fresh project that restores it from a local folder, and nothing else, gets <c>SumParallel</c> generated, runs it, and sees
/// AutoParallel's diagnostics in its build output.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private const string Version = "0.1.0";

    private readonly string _root = DotNet.TempDirectory();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void A_consumer_of_the_packed_package_gets_parallel_methods_and_diagnostics()
    {
        string feed = Path.Combine(_root, "feed");
        string project = Path.Combine(RepositoryRoot(), "src", "Attributes", "AutoParallel.Attributes.csproj");
        DotNet.RunOk(_root, $"pack \"{project}\" -c Release -o \"{feed}\"");

        string package = Path.Combine(feed, $"AutoParallel.{Version}.nupkg");
        Assert.True(File.Exists(package), $"no {package}; feed holds: {string.Join(", ", Directory.GetFiles(feed).Select(Path.GetFileName))}");
        using (ZipArchive zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net8.0/AutoParallel.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/AutoParallel.Generator.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("Generator.dll", StringComparison.Ordinal));
        }

        string consumer = CreateConsumer(feed);
        var environment = new[] { ("NUGET_PACKAGES", Path.Combine(_root, "packages")), ("AUTOPARALLEL_NUM_THREADS", "3") };
        string build = DotNet.RunOk(consumer, "build -c Release", environment);
        Assert.Contains("warning AP0008", build);
        Assert.Contains("Console.WriteLine", build);

        string run = DotNet.RunOk(consumer, "run -c Release --no-build", environment);
        Assert.Contains("SumParallel=4999950000", run);
        Assert.Contains("Sum=4999950000", run);
        Assert.Contains("NumThreads=3", run);

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

    private string CreateConsumer(string feed)
    {
        string directory = Path.Combine(_root, "consumer");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AutoParallel" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using AutoParallel;

            long[] values = Enumerable.Range(0, 100_000).Select(i => (long)i).ToArray();
            Console.WriteLine($"Sum={Kernels.Sum(values)}");
            Console.WriteLine($"SumParallel={Kernels.SumParallel(values)}");
            Console.WriteLine($"NumThreads={ParallelRuntime.NumThreads}");

            public static partial class Kernels
            {
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
        return directory;
    }

    private static string RepositoryRoot([CallerFilePath] string file = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
