namespace AutoParallel.Generator.Tests.Vectorise;

/// <summary>The kernels the execution tests run: every construct the translation takes, and some it refuses.</summary>
internal static class VectoriseKernels
{
    public const string Source = """
        using System;
        using AutoParallel;
        namespace Demo;
        public static partial class Kernels
        {
            // The seed's Mandelbrot escape count, with double re/im and an int result.
            [Vectorise]
            public static int Mandel(double re, double im)
            {
                double zr = 0, zi = 0;
                for (int i = 0; i < 20; i++)
                {
                    if (zr * zr + zi * zi >= 4) return i;
                    double t = zr * zr - zi * zi + re;
                    zi = 2 * zr * zi + im;
                    zr = t;
                }

                return -1;
            }

            [Vectorise]
            public static int MandelWhile(double re, double im, [Scalar] int maxit)
            {
                double zr = 0, zi = 0;
                int n = 0;
                while (n < maxit && zr * zr + zi * zi < 4)
                {
                    double t = zr * zr - zi * zi + re;
                    zi = 2 * zr * zi + im;
                    zr = t;
                    n++;
                }

                return n == maxit ? -1 : n;
            }

            [Vectorise]
            public static double Axpy([Scalar] double a, double x, double y) => a * x + y;

            [Vectorise]
            public static double Branchy(double x, double y)
            {
                double r;
                if (x > y)
                {
                    r = x - y;
                    if (r > 100) r = 100;
                }
                else if (x == y)
                {
                    r = 0;
                }
                else
                {
                    r = -(y - x) * 0.5;
                }

                return r;
            }

            [Vectorise]
            public static double Maths(double x, double y)
                => Math.Sqrt(Math.Abs(x)) + Math.Min(x, y) - Math.Max(x, y) + Math.Floor(x) * Math.Ceiling(y) + Math.FusedMultiplyAdd(x, y, 1.5);

            [Vectorise]
            public static double MinMax(double x, double y) => x < 0 ? Math.Min(x, y) : Math.Max(x, y);

            [Vectorise]
            public static float Single(float x, float y) => x > y ? MathF.Sqrt(x) - y : MathF.Max(x, -y) * 2f;

            [Vectorise]
            public static int Wrapping(int x, int y) => x * y + (x << 3) - (y >> 2) + (-x) + ~y;

            [Vectorise]
            public static uint Unsigned(uint x, uint y) => (x * y) ^ (x >> 5) | (y < x ? x - y : y - x);

            [Vectorise]
            public static long Widened(int x, long y) => x * 3 + y;

            [Vectorise]
            public static int Truncate(double x) => (int)x;

            [Vectorise]
            public static byte ToByte(double x) => (byte)x;

            [Vectorise]
            public static double FromLong(long x, ulong y) => x + (double)y;

            [Vectorise]
            public static bool Compare(double x, double y) => x < y || (x == 0 && !(y > 1));

            [Vectorise]
            public static int FromBool(bool flag, int x) => flag ? x : -x;

            [Vectorise]
            public static short Shorts(short x, short y) => (short)(x * y + 1);

            [Vectorise]
            public static byte Bytes(byte x, [Scalar] byte y) => (byte)(x + y);

            [Vectorise]
            public static int Divide(int x, int y) => x / y + x % (y | 1);

            [Vectorise]
            public static int Absolute(int x) => Math.Abs(x);

            [Vectorise]
            public static double Thrower(double x)
            {
                if (x < -5) throw new ArgumentOutOfRangeException(nameof(x));
                return x * 2;
            }

            [Vectorise]
            public static int Loops(int x)
            {
                int count = 0;
                int v = x;
                for (int i = 0; i < 40; i++)
                {
                    if (v == 1) break;
                    if ((v & 1) == 0) { v = v / 2; count++; continue; }
                    v = 3 * v + 1;
                    count += 2;
                }

                do
                {
                    count += 1;
                }
                while (count < 3);

                return count;
            }

            // Lanes with x <= 0 return before the loop; if they entered it, n += 0 would keep them in it for ever.
            [Vectorise]
            public static int Guarded(int x)
            {
                if (x <= 0) return 0;
                int n = 0;
                while (n < 100) n += x;
                return n;
            }

            [Vectorise]
            public static double Trig(double x) => Math.Sin(x) * 2;

            [Vectorise]
            public static double Constant(double x) => 42;

            // Lanes that returned must not run a later branch: only they (x < -1) would take it, and its scalar part divides by
            // the counter, zero at i = 0. The scalar kernel never gets there, so the span overload must not throw either.
            [Vectorise]
            public static int AfterReturn(double x, [Scalar] int s)
            {
                if (x < 0) return -1;
                int r = 0;
                for (int i = 0; i < 3; i++)
                {
                    if (x < -1) r += (1 + s) / i;
                    r += i;
                }

                return r;
            }

            [Vectorise(Target = VectoriseTarget.Parallel)]
            public static int MandelParallel(double re, double im, [Scalar] int maxit)
            {
                double zr = 0, zi = 0;
                for (int i = 0; i < maxit; i++)
                {
                    if (zr * zr + zi * zi >= 4) return i;
                    double t = zr * zr - zi * zi + re;
                    zi = 2 * zr * zi + im;
                    zr = t;
                }

                return -1;
            }
        }
        """;
}
