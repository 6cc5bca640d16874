using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace AutoParallel.Generator.Tests.Infrastructure;

/// <summary>
/// Checked-in baselines of generated files, as dotnet/runtime's generators keep them: <c>Baselines/{Class}/{Name}.verified.cs</c>
/// beside the test. A mismatch writes <c>{Name}.received.cs</c> next to the baseline (git-ignored) and fails with a diff; setting
/// <c>AUTOPARALLEL_ACCEPT_SNAPSHOTS=1</c> rewrites the baselines instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "AUTOPARALLEL_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Baselines", Path.GetFileNameWithoutExtension(testFile));
        string baseline = Path.Combine(directory, name + ".verified.cs");
        string received = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(baseline, actual);
            File.Delete(received);
            return;
        }

        string? expected = File.Exists(baseline) ? File.ReadAllText(baseline).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual);
        string message = expected is null
            ? $"{test}: no baseline {baseline}. The generated text is in {received}; run the tests with {AcceptVariable}=1 to accept it."
            : $"{test}: generated text differs from {baseline} (received: {received}; accept with {AcceptVariable}=1):\n{Diff(expected, actual)}";
        throw new Xunit.Sdk.XunitException(message);
    }

    /// <summary>A small line diff: the changed region with two lines of context.</summary>
    public static string Diff(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        int endA = a.Length - 1;
        int endB = b.Length - 1;
        while (endA >= start && endB >= start && a[endA] == b[endB])
        {
            endA--;
            endB--;
        }

        var text = new StringBuilder();
        int from = Math.Max(0, start - 2);
        text.AppendLine($"@@ line {start + 1} @@");
        foreach (string line in a.Skip(from).Take(start - from))
        {
            text.AppendLine("  " + line);
        }

        foreach (string line in a.Skip(start).Take(endA - start + 1))
        {
            text.AppendLine("- " + line);
        }

        foreach (string line in b.Skip(start).Take(endB - start + 1))
        {
            text.AppendLine("+ " + line);
        }

        foreach (string line in b.Skip(endB + 1).Take(2))
        {
            text.AppendLine("  " + line);
        }

        return text.ToString();
    }
}
