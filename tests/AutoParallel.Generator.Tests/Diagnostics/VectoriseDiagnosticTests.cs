using System.Linq;
using AutoParallel.Generator.Tests.Infrastructure;

namespace AutoParallel.Generator.Tests.Diagnostics;

/// <summary>AP0001, AP0010 and AP0011 on [Vectorise] kernels: each positive case at its exact location, and the negative cases.</summary>
public sealed class VectoriseDiagnosticTests
{
    [Fact]
    public void AP0010_on_each_unsupported_part_of_the_signature()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using AutoParallel;
            public static partial class Kernels
            {
                [Vectorise]
                public static double Norm(ref double {|AP0010:x|}, string {|AP0010:unit|}) => x;

                [Vectorise]
                public static {|AP0010:decimal|} Money(double x) => (decimal)x;

                [Vectorise]
                public static {|AP0010:void|} Nothing(double x) { }

                [Vectorise]
                public static T Generic{|AP0010:<T>|}(T x) => x;

                [Vectorise]
                public static double Clash(double {|AP0010:result|}) => result;
            }

            public partial class Instance
            {
                [Vectorise]
                public double {|AP0010:Scale|}(double x) => x * 2;
            }
            """);
        Assert.Contains("'x' is passed by ref", diagnostics[0].GetMessage());
        Assert.Contains("'unit' has type 'string'", diagnostics[1].GetMessage());
        Assert.Contains("result type 'decimal'", diagnostics[2].GetMessage());
        Assert.Contains("result type 'void'", diagnostics[3].GetMessage());
        Assert.Contains("generic", diagnostics[4].GetMessage());
        Assert.Contains("clash", diagnostics[5].GetMessage());
        Assert.Contains("instance method", diagnostics[6].GetMessage());
    }

    [Fact]
    public void AP0010_for_a_local_function_and_for_too_many_spans_in_parallel()
    {
        DiagnosticMarkup.Verify("""
            using AutoParallel;
            public static partial class Kernels
            {
                public static void Host()
                {
                    [Vectorise]
                    static double {|AP0010:Local|}(double x) => x;
                }

                [Vectorise(Target = VectoriseTarget.Parallel)]
                public static double {|AP0010:Wide|}(double a, double b, double c, double d, double e, double f, double g, double h) => a + b + c + d + e + f + g + h;

                [Vectorise(Target = VectoriseTarget.Parallel)]
                public static double Fits(double a, double b, double c, double d, double e, double f, double g, [Scalar] double h) => a + b + c + d + e + f + g + h;
            }
            """, ignore: "CS8321");
    }

    [Fact]
    public void AP0001_for_a_kernel_in_a_type_that_is_not_partial_and_nothing_is_generated()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using AutoParallel;
            public static class {|AP0001:Kernels|}
            {
                [Vectorise]
                public static double Twice(double x) => x * 2;
            }
            """);
        Assert.Contains("span overload of Twice", diagnostics[0].GetMessage());
        Assert.Empty(TestCompiler.Generate("""
            using AutoParallel;
            public static class Kernels
            {
                [Vectorise]
                public static double Twice(double x) => x * 2;
            }
            """).Sources);
    }

    [Fact]
    public void AP0011_names_the_expression_with_no_vector_form_and_the_overload_is_still_generated()
    {
        var diagnostics = DiagnosticMarkup.Verify("""
            using System;
            using AutoParallel;
            public static partial class Kernels
            {
                private static int s_calls;

                [Vectorise]
                public static double Damp(double x) => {|AP0011:Helper(x)|} * 0.5;

                [Vectorise]
                public static double Wave(double x) => {|AP0011:Math.Sin(x)|} + 1;

                [Vectorise]
                public static double Counted(double x)
                {
                    {|AP0011:s_calls|}++;
                    return x;
                }

                [Vectorise]
                public static double Rest(double x, double y) => {|AP0011:x % y|};

                [Vectorise]
                public static double Assigned(double x, [Scalar] double y)
                {
                    {|AP0011:y = x|};
                    return y;
                }

                private static double Helper(double x) => x;
            }
            """);
        Assert.Contains("'Damp' is generated as a scalar loop, not SIMD: 'Helper(x)': it calls 'Helper'", diagnostics[0].GetMessage());
        Assert.Contains("'System.Math.Sin' has no Vector<T> form", diagnostics[1].GetMessage());
        Assert.Contains("[Scalar] parameter 'y'", diagnostics[4].GetMessage());
        Assert.All(diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, d.Severity));

        var run = TestCompiler.Generate("""
            using System;
            using AutoParallel;
            public static partial class Kernels
            {
                [Vectorise]
                public static double Wave(double x) => Math.Sin(x) + 1;
            }
            """).ShouldCompile();
        Assert.Contains("Scalar loop, not SIMD: 'Math.Sin(x)'", run.Sources.Values.Single());
    }

    [Fact]
    public void Nothing_reported_for_kernels_that_vectorise()
    {
        DiagnosticMarkup.Verify("""
            using System;
            using AutoParallel;
            public static partial class Kernels
            {
                [Vectorise]
                public static double Clamp(double x, [Scalar] double low, [Scalar] double high) => Math.Min(Math.Max(x, low), high);

                [Vectorise(Target = VectoriseTarget.Parallel)]
                public static bool Inside(double re, double im) => re * re + im * im < 4;
            }
            """);
    }
}
