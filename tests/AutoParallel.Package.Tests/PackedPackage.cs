using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace AutoParallel.Package.Tests;

/// <summary>
/// The nupkg, packed once for all package tests (packing is the slow part), in a feed folder of its own; each consumer restores from
/// that folder only, into a package cache of its own.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public const string Version = "0.1.0";

    public PackedPackage()
    {
        Root = DotNet.TempDirectory();
        Feed = Path.Combine(Root, "feed");
        string project = Path.Combine(RepositoryRoot(), "src", "Attributes", "AutoParallel.Attributes.csproj");
        DotNet.RunOk(Root, $"pack \"{project}\" -c Release -o \"{Feed}\"");
        Nupkg = Path.Combine(Feed, $"AutoParallel.{Version}.nupkg");
        Assert.True(File.Exists(Nupkg), $"no {Nupkg}; feed holds: {string.Join(", ", Directory.GetFiles(Feed).Select(System.IO.Path.GetFileName))}");
    }

    /// <summary>A temporary folder for this test run: the feed, the consumers, their package caches.</summary>
    public string Root { get; }

    public string Feed { get; }

    /// <summary>The .nupkg file.</summary>
    public string Nupkg { get; }

    /// <summary>The environment a consumer runs dotnet with: a package cache of its own, so the package is restored fresh.</summary>
    public (string Name, string Value)[] Environment(string consumer, params (string Name, string Value)[] more)
        => new[] { ("NUGET_PACKAGES", System.IO.Path.Combine(Root, "packages-" + consumer)) }.Concat(more).ToArray();

    /// <summary>A new project folder that restores AutoParallel from the feed, and nothing else.</summary>
    public string CreateConsumer(string name, string program, string? editorConfig = null)
    {
        string directory = System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(System.IO.Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(System.IO.Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net{System.Environment.Version.Major}.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AutoParallel" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(System.IO.Path.Combine(directory, "Program.cs"), program);
        if (editorConfig is not null)
        {
            File.WriteAllText(System.IO.Path.Combine(directory, ".editorconfig"), editorConfig);
        }

        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string RepositoryRoot([CallerFilePath] string file = "")
        => System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, "..", ".."));
}

/// <summary>The package tests share one packed package and run one after another (each drives dotnet builds of its own).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}
