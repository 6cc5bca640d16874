namespace AutoParallel.Generator.Tests.Execution;

/// <summary>
/// One kernel per loop shape, data kind, reduction and clause of DESIGN.md §3. Each is a plain sequential method; the tests
/// compare it with its generated twin. <c>MinIterations = 2</c> forces the parallel path even on small inputs.
/// </summary>
internal static class LoopLanguageKernels
{
    public const string Source = """
        using System;
        using System.Numerics;
        using AutoParallel;

        namespace Demo;

        public static partial class Kernels
        {
            // ---- loop shapes
            [Parallelise(MinIterations = 2)]
            public static void LessOrEqual(int[] a, int n) { for (int i = 0; i <= n; i++) a[i] = i * i; }

            [Parallelise(MinIterations = 2)]
            public static void NotEqual(long[] a) { for (long i = 2; i != a.Length; i++) a[i] = i * 3; }

            [Parallelise(MinIterations = 2)]
            public static void StepThree(double[] a) { for (int i = 1; i < a.Length; i += 3) a[i] = i; }

            [Parallelise(MinIterations = 2)]
            public static void PreIncrementAndAssignStep(int[] a, int[] b)
            {
                for (int i = 0; i < a.Length; ++i) a[i] = i + 1;
                for (int i = 0; i < b.Length; i = i + 2) b[i] = i;
            }

            [Parallelise(MinIterations = 2)]
            public static void NativeIndex(int[] a) { for (nint i = 0; i < a.Length; i++) a[i] = (int)i ^ 5; }

            [Parallelise(MinIterations = 2)]
            public static long ForeachArray(int[] a) { long s = 0; foreach (var x in a) s += (long)x * x; return s; }

            [Parallelise(MinIterations = 2)]
            public static int CountEvens(ReadOnlySpan<int> a) { int n = 0; foreach (int x in a) if (x % 2 == 0) n++; return n; }
            public static int CountEvensArray(int[] a) => CountEvens(a);
            public static int CountEvensArrayParallel(int[] a) => CountEvensParallel(a);

            [Parallelise(MinIterations = 2)]
            public static void RefSpan(Span<int> a) { foreach (ref int x in a) x = x * 2 + 1; }
            public static void RefSpanArray(int[] a) => RefSpan(a);
            public static void RefSpanArrayParallel(int[] a) => RefSpanParallel(a);

            [Parallelise(MinIterations = 2)]
            public static double MemorySum(Memory<double> m) { double s = 0; foreach (var x in m.Span) s += x; return s; }

            [Parallelise(MinIterations = 2)]
            public static void PrangeStep(int[] a) { foreach (var i in Prange.Range(1, a.Length, 2)) a[i] = -i; }

            [Parallelise(MinIterations = 2)]
            public static void PrangeLong(long[] a) { foreach (var i in Prange.Range(0L, a.LongLength)) a[i] = i * 7; }

            [Parallelise(MinIterations = 2)]
            public static void PrangeVariableStep(int[] a, int step) { foreach (var i in Prange.Range(0, a.Length, step)) a[i] = 1; }

            [Parallelise(MinIterations = 2)]
            public static void PrangeInnerRunsSequentially(double[,] m)
            {
                foreach (var i in Prange.Range(m.GetLength(0)))
                    foreach (var j in Prange.Range(m.GetLength(1)))
                        m[i, j] = i + 2.0 * j;
            }

            [Parallelise(MinIterations = 2)]
            public static double SeveralLoops(double[] a, double[] b)
            {
                double scale = a.Length > 0 ? 2 : 1;
                for (int i = 0; i < a.Length; i++) a[i] = a[i] * scale;
                scale += 1;
                double total = 0;
                for (int i = 0; i < b.Length; i++) { b[i] += scale; total += b[i]; }
                return total + scale;
            }

            // ---- data
            [Parallelise(MinIterations = 2)]
            public static void MultiDimensional(int[,] m)
            {
                for (int i = 0; i < m.GetLength(0); i++)
                    for (int j = 0; j < m.GetLength(1); j++)
                        m[i, j] = i * 1000 + j;
            }

            [Parallelise(MinIterations = 2)]
            public static void Jagged(double[][] m) { for (int i = 0; i < m.Length; i++) for (int j = 0; j < m[i].Length; j++) m[i][j] += i; }

            [Parallelise(MinIterations = 2)]
            public static void Flattened(double[] a, int rows, int cols)
            {
                for (int i = 0; i < rows; i++)
                {
                    int row = i * cols;
                    for (int j = 0; j < cols; j++) a[row + j] = i - 0.5 * j;
                }
            }

            [Parallelise(MinIterations = 2)]
            public static void RowSlices(double[] a, int cols)
            {
                for (int i = 0; i < a.Length / cols; i++)
                {
                    Span<double> row = a.AsSpan(i * cols, cols);
                    for (int j = 0; j < row.Length; j++) row[j] = i + j;
                }
            }

            [Parallelise(MinIterations = 2)]
            public static T GenericSum<T>(T[] a) where T : INumber<T>
            {
                T s = T.Zero;
                for (int i = 0; i < a.Length; i++) s += a[i];
                return s;
            }

            public static int GenericSumInt(int[] a) => GenericSum(a);
            public static int GenericSumIntParallel(int[] a) => GenericSumParallel(a);

            [Parallelise(MinIterations = 2)]
            public static void EscapedNames(int[] @class, int @event) { for (int i = 0; i < @class.Length; i++) @class[i] = @event + i; }

            // ---- reductions
            [Parallelise(MinIterations = 2)]
            public static long AllIntegerOperators(int[] a, out long product, out int and, out int or, out int xor)
            {
                long sum = 7, p = 3; int andAll = -1, orAll = 0, xorAll = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    sum -= a[i];
                    sum = sum + 2 * a[i];
                    p *= a[i] % 3 + 1;
                    andAll &= a[i] | 0x10;
                    orAll = orAll | a[i];
                    xorAll ^= a[i];
                }

                product = p; and = andAll; or = orAll; xor = xorAll;
                return sum;
            }

            [Parallelise(MinIterations = 2)]
            public static int MinMaxForms(int[] a, out int max1, out int min2, out int max2, out int min3)
            {
                int mn = int.MaxValue, mx = int.MinValue, m2 = 1000, x2 = -1000, m3 = 500;
                for (int i = 0; i < a.Length; i++)
                {
                    mn = Math.Min(mn, a[i]);
                    mx = Math.Max(a[i], mx);
                    if (a[i] < m2) m2 = a[i];
                    if (x2 < a[i]) { x2 = a[i]; }
                    m3 = a[i] <= m3 ? a[i] : m3;
                }

                max1 = mx; min2 = m2; max2 = x2; min3 = m3;
                return mn;
            }

            [Parallelise(MinIterations = 2)]
            public static double FloatMinMax(double[] a, out double maxIf, out double minCall)
            {
                double mn = double.PositiveInfinity, mx = double.NegativeInfinity, c = 0.0;
                for (int i = 0; i < a.Length; i++)
                {
                    if (a[i] < mn) mn = a[i];
                    if (a[i] >= mx) mx = a[i];
                    c = Math.Min(c, a[i]);
                }

                maxIf = mx; minCall = c;
                return mn;
            }

            [Parallelise(MinIterations = 2)]
            public static int CountingInBranches(int[] a, out int negatives)
            {
                int positive = 0, neg = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    if (a[i] > 0) positive++;
                    else if (a[i] < 0) { neg += 1; }
                    else positive += 0;
                }

                negatives = neg;
                return positive;
            }

            [Parallelise(MinIterations = 2)]
            public static bool Logical(bool[] flags, out bool any)
            {
                bool all = true, some = false;
                for (int i = 0; i < flags.Length; i++) { all = all && flags[i]; some = some || flags[i]; }
                any = some;
                return all;
            }

            [Parallelise(MinIterations = 2)]
            public static double ProductAndQuotient(double[] a, out double quotient)
            {
                double p = 1.5, q = 1e10;
                for (int i = 0; i < a.Length; i++) { p *= a[i]; q /= a[i]; }
                quotient = q;
                return p;
            }

            [Parallelise(MinIterations = 2)]
            public static decimal DecimalSum(decimal[] a) { decimal s = 0.5m; for (int i = 0; i < a.Length; i++) s += a[i]; return s; }

            [Parallelise(MinIterations = 2)]
            public static long SumInIfElse(int[] a)
            {
                long s = 100;
                for (int i = 0; i < a.Length; i++)
                {
                    if (a[i] % 2 == 0) s += a[i];
                    else s -= a[i];
                }

                return s;
            }

            [Parallelise(MinIterations = 2)]
            public static void Histogram(int[] data, int[] hist) { for (int i = 0; i < data.Length; i++) hist[data[i]]++; }

            [Parallelise(MinIterations = 2)]
            public static void WeightedColumns(double[][] rows, double[] weights, double[] sums)
            {
                for (int i = 0; i < rows.Length; i++)
                    for (int j = 0; j < sums.Length; j++)
                        sums[j] += weights[i] * rows[i][j];
            }

            // ---- clauses
            [Parallelise(Schedule = Schedule.Static, MinIterations = 2)]
            public static long StaticSchedule(int[] a) { long s = 0; for (int i = 0; i < a.Length; i++) { a[i] += 1; s += a[i]; } return s; }

            [Parallelise(Schedule = Schedule.Dynamic, ChunkSize = 3, MinIterations = 2)]
            public static void DynamicTriangle(double[][] m) { for (int i = 0; i < m.Length; i++) for (int j = 0; j <= i && j < m[i].Length; j++) m[i][j] = i * j; }

            [Parallelise(Schedule = Schedule.Guided, MaxDegreeOfParallelism = -1, MinIterations = 2, Name = "GuidedFast")]
            public static double Guided(double[] a) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i]; return s; }
            public static double GuidedParallel(double[] a) => GuidedFast(a);

            [Parallelise(Collapse = 2, MinIterations = 2)]
            public static void CollapseTwo(double[,] m)
            {
                for (int i = 0; i < m.GetLength(0); i++)
                    for (int j = 1; j < m.GetLength(1); j += 2)
                        m[i, j] = i * 10.0 + j;
            }

            [Parallelise(Collapse = 3, MinIterations = 2)]
            public static long CollapseThree(int[,,] c, int n, int m, int k)
            {
                long sum = 0;
                for (int a = 0; a < n; a++)
                    for (int b = 0; b <= m - 1; b++)
                        for (int d = 0; d < k; d++)
                        {
                            if (d == 1) continue;
                            c[a, b, d] = a * 100 + b * 10 + d;
                            sum += c[a, b, d];
                        }
                return sum;
            }

            // ---- a time loop around a stencil: the time loop stays sequential, the inner loops run in parallel
            [Parallelise(MinIterations = 2)]
            public static void Jacobi1D(double[] a, double[] b, int steps)
            {
                for (int t = 0; t < steps; t++)
                {
                    for (int i = 1; i < a.Length - 1; i++) b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3.0;
                    for (int i = 1; i < a.Length - 1; i++) a[i] = b[i];
                }
            }

            // ---- the seed's Mandelbrot, rows in parallel, `break` out of the escape loop
            [Parallelise(MinIterations = 2)]
            public static void Mandelbrot(double[] re, double[] im, int[,] counts, int maxIterations)
            {
                for (int r = 0; r < im.Length; r++)
                {
                    for (int c = 0; c < re.Length; c++)
                    {
                        double x = re[c], y = im[r];
                        int n = 0;
                        for (; n < maxIterations; n++)
                        {
                            if (x * x + y * y >= 16) break;
                            double t = x * x - y * y + re[c];
                            y = 2 * x * y + im[r];
                            x = t;
                        }

                        counts[r, c] = n == maxIterations ? -1 : n;
                    }
                }
            }
        }

        public sealed partial class Scaler
        {
            private readonly double _factor;
            public Scaler(double factor) => _factor = factor;
            private double Apply(double x) => x * _factor;

            [Parallelise(MinIterations = 2)]
            public double ScaleAll(double[] data)
            {
                double total = 0;
                for (int i = 0; i < data.Length; i++) { data[i] = Apply(data[i]) + this._factor; total += data[i]; }
                return total;
            }
        }

        public partial struct Offset
        {
            public int Amount;

            [Parallelise(MinIterations = 2)]
            public readonly void AddTo(int[] values) { for (int i = 0; i < values.Length; i++) values[i] += Amount; }
        }
        """;
}
