using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace AutoParallel.Generator.Tests.Vectorise;

/// <summary>
/// Compares a kernel's span overload with the scalar kernel, element by element (the same bits; NaN for NaN; the same exception),
/// on random inputs with the types' edge values mixed in, at every length around the vector width.
/// </summary>
internal static class VectoriseEquivalence
{
    /// <summary>Lengths around the vector width: pairs of vectors, one vector and the remainder in every combination.</summary>
    public static IEnumerable<int> Lengths()
    {
        // count / 8 elements fill one vector of 8-byte lanes, count / 4 one of 4-byte lanes; kernels run pairs of vectors, then
        // one vector, then the remainder one by one: these lengths reach every combination for every lane width.
        int count = Vector<byte>.Count;
        return new[] { 0, 1, 2, 3, count / 8 - 1, count / 8, count / 8 + 1, count / 4 + 1, 3 * count / 8 + 1, count / 2 - 1, 3 * count / 4 + 1, count + 1, 3 * count + 5, 1000, 4099 }.Where(n => n >= 0).Distinct();
    }

    /// <summary><see cref="Check"/> at every one of <see cref="Lengths"/>, on three seeds of inputs.</summary>
    public static void CheckAtEveryLength(VectoriseKernelRunner runner, string kernel)
    {
        KernelSignature signature = runner.Signature(kernel);
        foreach (int length in Lengths())
        {
            for (int seed = 0; seed < 3; seed++)
            {
                var random = new Random(seed * 7919 + length);
                object?[] inputs = signature.Parameters.Select(p => p.IsScalar ? ScalarValue(p, random) : Values(p.Type, length, random)).ToArray();
                Check(runner, kernel, inputs, length);
            }
        }
    }

    /// <summary>
    /// The span overload on <paramref name="inputs"/> gives, element by element, the scalar kernel's bits, or throws the type
    /// of exception the scalar kernel throws first.
    /// </summary>
    public static void Check(VectoriseKernelRunner runner, string kernel, object?[] inputs, int length)
    {
        var expected = new object?[length];
        Exception? firstThrow = null;
        for (int k = 0; k < length && firstThrow is null; k++)
        {
            try
            {
                expected[k] = runner.Scalar(kernel, inputs, k);
            }
            catch (Exception e)
            {
                firstThrow = e;
            }
        }

        if (firstThrow is not null)
        {
            Exception actualThrow = Assert.ThrowsAny<Exception>(() => runner.Spans(kernel, inputs, length));
            Assert.Equal(firstThrow.GetType(), actualThrow.GetType());
            return;
        }

        Array actual = runner.Spans(kernel, inputs, length);
        for (int k = 0; k < length; k++)
        {
            object? got = actual.GetValue(k);
            if (!Same(expected[k], got))
            {
                string arguments = string.Join(", ", inputs.Select(i => i is Array a ? Format(a.GetValue(k)) : Format(i)));
                Assert.Fail($"{kernel}({arguments}) at [{k}] of {length}: scalar {Format(expected[k])}, span overload {Format(got)}");
            }
        }
    }

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (double e, double a) => BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a) || (double.IsNaN(e) && double.IsNaN(a)),
        (float e, float a) => BitConverter.SingleToInt32Bits(e) == BitConverter.SingleToInt32Bits(a) || (float.IsNaN(e) && float.IsNaN(a)),
        _ => Equals(expected, actual),
    };

    private static string Format(object? value) => value switch
    {
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + (d == 0 && double.IsNegative(d) ? " (-0)" : string.Empty),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };

    private static object ScalarValue(KernelParameter parameter, Random random) => parameter.Type == typeof(int)
        ? 25
        : ((Array)Values(parameter.Type, 1, random)).GetValue(0)!;

    /// <summary>Random values with the type's edge cases mixed in (a quarter of the elements).</summary>
    public static Array Values(Type type, int length, Random random, double low = -8, double high = 8)
    {
        Array values = Array.CreateInstance(type, length);
        for (int k = 0; k < length; k++)
        {
            bool edge = random.Next(4) == 0;
            object value = type switch
            {
                _ when type == typeof(double) => edge ? Pick(random, double.NaN, 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.Epsilon, 3e9, -3e9, 255.5, 1e20, -1, 1) : low + (random.NextDouble() * (high - low)),
                _ when type == typeof(float) => edge ? Pick(random, float.NaN, 0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.Epsilon) : (float)(low + (random.NextDouble() * (high - low))),
                _ when type == typeof(int) => edge ? Pick(random, 0, 1, -1, int.MinValue, int.MaxValue, 27) : random.Next(-1000, 1000),
                _ when type == typeof(uint) => edge ? Pick(random, 0u, 1u, uint.MaxValue, 0x80000000u) : (uint)random.Next(),
                _ when type == typeof(long) => edge ? Pick(random, 0L, -1L, long.MinValue, long.MaxValue, (1L << 53) + 1, -(1L << 60) - 3) : random.NextInt64(-100_000, 100_000),
                _ when type == typeof(ulong) => edge ? Pick(random, 0UL, ulong.MaxValue, (1UL << 63) + 1025, (1UL << 53) + 1) : (ulong)random.NextInt64(),
                _ when type == typeof(short) => edge ? Pick(random, (short)0, short.MinValue, short.MaxValue, (short)-1) : (short)random.Next(short.MinValue, short.MaxValue),
                _ when type == typeof(byte) => (byte)random.Next(256),
                _ when type == typeof(bool) => random.Next(2) == 0,
                _ => throw new ArgumentException(type.Name),
            };
            values.SetValue(value, k);
        }

        return values;
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];
}
