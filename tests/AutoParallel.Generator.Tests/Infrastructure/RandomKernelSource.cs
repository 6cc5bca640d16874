using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AutoParallel.Generator.Tests.Infrastructure;

/// <summary>What the random-kernel tests share: their first seed and the class their kernels are compiled in.</summary>
internal static class RandomKernelSource
{
    /// <summary>The first seed: fixed, so a failure repeats; <c>AUTOPARALLEL_RANDOM_KERNEL_SEED</c> moves it.</summary>
    public static readonly int First = int.TryParse(Environment.GetEnvironmentVariable("AUTOPARALLEL_RANDOM_KERNEL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
        ? seed
        : 20261203;

    /// <summary>The kernels, indented, in <c>public static partial class Demo.Kernels</c>.</summary>
    public static string Class(IEnumerable<string> kernels)
        => "using System;\nusing AutoParallel;\nnamespace Demo;\npublic static partial class Kernels\n{\n"
            + string.Concat(kernels.SelectMany(k => k.Split('\n')).Select(l => l.Length == 0 ? string.Empty : "    " + l + "\n")) + "}\n";
}
