using System;

namespace AutoParallel;

/// <summary>
/// On a parameter of a <see cref="VectoriseAttribute"/> kernel: the generated span overload takes one value for it and
/// broadcasts it to every element, instead of a span.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ScalarAttribute : Attribute
{
}
