using System.Threading.Tasks;
using AutoParallel.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AutoParallel.CodeFixes.Tests;

/// <summary>AP0001: the type chain the generated code reopens becomes partial.</summary>
public sealed class MakeTypeChainPartialTests
{
    private static readonly MakeTypeChainPartialCodeFix Fix = new();

    [Fact]
    public Task A_static_class_gets_partial_after_its_modifiers()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using AutoParallel;
            public static class {|AP0001:Kernels|}
            {
                [Parallelise]
                public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """, """
            using AutoParallel;
            public static partial class Kernels
            {
                [Parallelise]
                public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """, "Make 'Kernels' partial");

    [Fact]
    public Task A_type_without_modifiers_keeps_its_attributes_and_comments()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using System;
            using AutoParallel;
            // Kernels for the test.
            [Serializable]
            class {|AP0001:Kernels|}
            {
                [Parallelise]
                public void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """, """
            using System;
            using AutoParallel;
            // Kernels for the test.
            [Serializable]
            partial class Kernels
            {
                [Parallelise]
                public void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """);

    [Fact]
    public Task One_fix_makes_the_whole_chain_partial_outer_and_inner_types_records_and_structs()
        => CodeFixVerifier.FixOneAsync(Fix, """
            using AutoParallel;
            public class {|AP0001:Outer|}
            {
                internal record {|AP0001:Middle|}
                {
                    public readonly struct {|AP0001:Inner|}
                    {
                        [Parallelise]
                        public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                    }
                }
            }
            """, """
            using AutoParallel;
            public partial class Outer
            {
                internal partial record Middle
                {
                    public readonly partial struct Inner
                    {
                        [Parallelise]
                        public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                    }
                }
            }
            """, "Make 'Outer' and its type chain partial");

    [Fact]
    public Task Fix_all_in_document()
        => CodeFixVerifier.FixAllAsync(Fix, FixAllScope.Document,
            new[]
            {
                new[]
                {
                    """
                    using AutoParallel;
                    public class {|AP0001:A|}
                    {
                        public static partial class B
                        {
                            [Parallelise]
                            public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                        }

                        public class {|AP0001:C|}
                        {
                            [Parallelise]
                            public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                        }
                    }
                    public static class {|AP0001:D|}
                    {
                        [AutoParallel.Parallelise]
                        public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                    }
                    """,
                },
            },
            new[]
            {
                new[]
                {
                    """
                    using AutoParallel;
                    public partial class A
                    {
                        public static partial class B
                        {
                            [Parallelise]
                            public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                        }

                        public partial class C
                        {
                            [Parallelise]
                            public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                        }
                    }
                    public static partial class D
                    {
                        [AutoParallel.Parallelise]
                        public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
                    }
                    """,
                },
            });

    [Theory]
    [InlineData(FixAllScope.Project, true)]
    [InlineData(FixAllScope.Solution, true)]
    [InlineData(FixAllScope.Solution, false)]
    public Task Fix_all_in_project_and_solution(FixAllScope scope, bool useEquivalenceKey)
    {
        const string Before1 = """
            using AutoParallel;
            public static class {|AP0001:One|}
            {
                [Parallelise]
                public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """;
        const string Before2 = """
            using AutoParallel;
            public static class {|AP0001:Two|}
            {
                [Parallelise]
                public static void Fill(int[] a) { for (int i = 0; i < a.Length; i++) a[i] = i; }
            }
            """;
        string After1 = Before1.Replace("{|AP0001:One|}", "One").Replace("static class", "static partial class");
        string After2 = Before2.Replace("{|AP0001:Two|}", "Two").Replace("static class", "static partial class");
        string OtherProjectAfter = scope == FixAllScope.Solution ? After2 : Before2.Replace("{|AP0001:Two|}", "{|AP0001:Two|}");
        return CodeFixVerifier.FixAllAsync(Fix, scope,
            new[] { new[] { Before1, Before2 }, new[] { Before2 } },
            new[] { new[] { After1, After2 }, new[] { OtherProjectAfter } },
            useEquivalenceKey);
    }
}
