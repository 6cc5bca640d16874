using System;
using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Tests.Parallelise;

/// <summary>
/// Broken, half-typed and unusual code never crashes the generator or the analyzer (CS8785 / AD0001), and never reaches the
/// analysis's internal-error fallback: every input gets code or a real diagnostic.
/// </summary>
public sealed class RobustnessTests
{
    public static IEnumerable<object[]> Bodies() => new[]
    {
        "for (int i = 0; i < a.Length; i++) a[i] = ",                         // unfinished statement
        "for (int i = 0; i < a.Length; i++) a[i] = undefined[i];",            // unknown name
        "for (int i = 0; i < a.Lenght; i++) a[i] = i;",                       // misspelt member
        "for (var i = 0; i < a.Length; i++) a[i] = \"text\";",                // wrong type
        "for (;;) { a[0]++; break; }",                                        // no header parts
        "for (int i = 0, j = 1; i < a.Length; i++, j++) a[i] = j;",          // two variables
        "for (int i = 0; i < a.Length;) { a[i] = i; i++; }",                 // no increment
        "foreach (var (x, y) in new[] { (1, 2) }) a[x] = y;",                 // deconstruction
        "foreach (var x in a[1..]) a[0] += x;",                               // range
        "for (int i = 0; i < a.Length; i++) a[^1] = i;",                      // index from end
        "for (int i = 0; i < a.Length; i++) { Span<int> s = stackalloc int[4]; s[i % 4] = i; a[i] = s[0]; }",
        "for (int i = 0; i < a.Length; i++) a[i] = i switch { 0 => 1, _ => checked(a[i] * 2) };",
        "for (int i = 0; i < a.Length; i++) { dynamic d = i; a[i] = (int)d; }",
        "for (int i = 0; i < a.Length; i++) a[i] = (from x in a where x > i select x).Count();",
        "for (int i = 0; i < a.Length; i++) { var t = (i, a[i]); (a[i], _) = (t.Item2 + 1, 0); }",
        "for (int i = 0; i < a.Length; i++) { if (a[i] is int { } v and > 3) a[i] = v; }",
        "for (int i = 0; i < a.Length; i++) { lock (a) { a[i] = i; } }",
        "for (int i = 0; i < a.Length; i++) { try { a[i] = 10 / i; } catch (DivideByZeroException) { a[i] = 0; } finally { } }",
        "for (int i = 0; i < a.Length; i++) { label: a[i]++; if (a[i] < 3) goto label; }",
        "for (int i = 0; i < a.Length; i++) { switch (a[i]) { case 1: goto case 2; case 2: a[i] = 5; break; } }",
        "for (int i = 0; i < a.Length; i++) a[i] = new Func<int, int>(x => x + i)(i);",
        "for (int i = 0; i < a.Length; i++) { ref int r = ref a[i]; r += 2; }",
        "for (int i = 0; i < a.Length; i++) { a[i] = a.Length > 0 ? a[(i + 1) % a.Length] : 0; }",
        "for (int i = 0; i < a.Length; i++) { int[] b = a; b[i] = 1; }",
        "for (int i = 0; i < a.Length; i++) { fixed (int* p = a) { p[i] = 1; } }",
        "for (int i = 0; i < a.Length; i++) { a[i] = Helper(ref a[i]); }",
        "for (int i = 0; i < a.Length; i++) { a[i] = sizeof(int) + default(int) + nameof(a).Length; }",
        "for (long i = long.MaxValue - 2; i <= long.MaxValue - 1; i++) a[0]++;",
        "for (nint i = 0; i != a.Length; i += 1) a[(int)i] = 1;",
        "foreach (var i in Prange.Range(a.Length, 0, 3)) a[i] = 1;",
        "foreach (var i in Prange.Range(0, a.Length, 0)) a[i] = 1;",
        "foreach (var i in AutoParallel.Prange.Range(a.Length)) foreach (var j in Prange.Range(i)) a[j] += 0;",
        "while (true) { for (int i = 0; i < a.Length; i++) a[i] = i; return; }",
        "do { for (int i = 0; i < a.Length; i++) a[i] = i; } while (a[0] > 0);",
        "for (int i = 0; i < a.Length; i++) for (int j = 0; j < a.Length; j++) for (int k = 0; k < a.Length; k++) a[(i * a.Length + j) * a.Length + k] = 1;",
        "int total = 0; for (int i = 0; i < a.Length; i++) { total += a[i]; total -= 1; total++; } a[0] = total;",
        "for (int i = 0; i < a.Length; i++) { a[i] = this_is_not_valid(; }",
    }.Select(body => new object[] { body });

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Never_crashes_and_never_needs_the_fallback(string body)
    {
        string source = $$"""
            using System;
            using System.Linq;
            using AutoParallel;
            public static unsafe partial class K
            {
                private static int Helper(ref int x) => x + 1;

                [Parallelise]
                public static void Kernel(int[] a)
                {
                    {{body}}
                }

                [Parallelise(Outer = false, Collapse = 3, Schedule = (Schedule)99)]
                public static void Clauses(int[] a)
                {
                    {{body}}
                }
            }
            """;
        var run = TestCompiler.Generate(source);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        var diagnostics = TestCompiler.Analyze(run.Output);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.DoesNotContain(diagnostics, d => d.GetMessage().Contains("could not analyse this method", StringComparison.Ordinal));

        // Whatever was generated compiles whenever the user's code does.
        bool userCodeCompiles = !run.Input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        if (userCodeCompiles)
        {
            Assert.True(run.Errors.IsEmpty, string.Join("\n", run.Errors) + "\n" + string.Join("\n", run.Sources.Values));
        }
    }
}
