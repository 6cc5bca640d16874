using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutoParallel;

/// <summary>The argument checks of generated <c>[Vectorise]</c> span overloads, with messages that name the parameter at fault.</summary>
public static class VectoriseArguments
{
    /// <summary>Throws unless span <paramref name="parameter"/> has as many elements as <paramref name="first"/>.</summary>
    /// <param name="length">The length every span must have (that of <paramref name="first"/>).</param>
    /// <param name="actual">The length of <paramref name="parameter"/>.</param>
    /// <param name="parameter">The span parameter checked.</param>
    /// <param name="first">The span parameter whose length is the kernel's.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void RequireLength(int length, int actual, string parameter, string first)
    {
        if (actual != length)
        {
            ThrowLengthDiffers(length, actual, parameter, first);
        }
    }

    /// <summary>
    /// Throws if <paramref name="result"/> overlaps <paramref name="input"/> other than exactly (same start, same element size),
    /// as <c>TensorPrimitives</c> does: a partly overlapping output would overwrite inputs before they are read.
    /// </summary>
    /// <typeparam name="TInput">The input's element type.</typeparam>
    /// <typeparam name="TResult">The result's element type.</typeparam>
    /// <param name="input">An input span.</param>
    /// <param name="result">The output span.</param>
    /// <param name="inputName">The input's parameter name.</param>
    /// <param name="resultName">The output's parameter name.</param>
    /// <exception cref="ArgumentException">The spans overlap other than exactly.</exception>
    public static void RequireNoPartialOverlap<TInput, TResult>(ReadOnlySpan<TInput> input, Span<TResult> result, string inputName, string resultName)
        where TInput : unmanaged
        where TResult : unmanaged
    {
        ReadOnlySpan<byte> inputBytes = MemoryMarshal.AsBytes(input);
        ReadOnlySpan<byte> resultBytes = MemoryMarshal.AsBytes((ReadOnlySpan<TResult>)result);
        if (inputBytes.Overlaps(resultBytes, out int offset) && (offset != 0 || inputBytes.Length != resultBytes.Length))
        {
            ThrowPartialOverlap(inputName, resultName);
        }
    }

    // The throws live apart, never inlined: the checks inline into every generated overload, and a message built in place
    // would cost the JIT so much of its inlining budget that a large caller stops inlining the lane functions.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLengthDiffers(int length, int actual, string parameter, string first)
        => throw new ArgumentException($"Span '{parameter}' has {actual} elements but '{first}' has {length}: every span of a vectorised call must have the same length.", parameter);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowPartialOverlap(string inputName, string resultName)
        => throw new ArgumentException($"Span '{resultName}' overlaps '{inputName}' at a different position: the output may only be the very same memory as an input of the same type.", resultName);
}
