using System;
using System.Globalization;

namespace AutoParallel.Generator.Tests.Infrastructure;

/// <summary>The first seed of the random-kernel tests: fixed, so a failure repeats; <c>AUTOPARALLEL_RANDOM_KERNEL_SEED</c> moves it.</summary>
internal static class RandomKernelSeed
{
    public static readonly int First = int.TryParse(Environment.GetEnvironmentVariable("AUTOPARALLEL_RANDOM_KERNEL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
        ? seed
        : 20261203;
}
