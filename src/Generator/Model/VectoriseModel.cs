namespace AutoParallel.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one <c>[Vectorise]</c> kernel's span overload: strings, numbers and equatable arrays only,
/// so an unrelated edit leaves it equal and the emitter cached.
/// </summary>
/// <param name="HintName">The generated file's name, unique per method.</param>
/// <param name="Usings">The using directives in scope in the user's file (the lowered body reuses the user's text).</param>
/// <param name="Namespace">The containing namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The partial type declarations to reopen, outermost first.</param>
/// <param name="NullableEnabled">Whether the user's method is in a nullable-enabled context.</param>
/// <param name="Modifiers">The span overload's modifiers: the user's accessibility and <c>static</c>.</param>
/// <param name="Name">The kernel's name, shared by the overload.</param>
/// <param name="SourceMethodCref">The user's method as text, e.g. <c>Mandel(double, double)</c>.</param>
/// <param name="Parameters">The kernel's parameters, in order.</param>
/// <param name="Result">The result span's element type and lane access.</param>
/// <param name="Parallel">Whether the spans are also split across cores (<c>Target = VectoriseTarget.Parallel</c>).</param>
/// <param name="MemberPrefix">Prefix of the generated private members (<c>__Mandel</c>, numbered apart for overloads).</param>
/// <param name="Lanes">The SIMD lane function, or <see langword="null"/> when the body runs as a scalar loop (AP0011 says why).</param>
/// <param name="ScalarReason">Why the body runs as a scalar loop, for the generated comment; empty when it is SIMD.</param>
/// <param name="CostPerElement">The generator's estimate of one element's work in nanoseconds (for the parallel threshold).</param>
/// <param name="Names">The names the overload declares (their prefix avoids every name of the kernel).</param>
internal sealed record VectoriseModel(
    string HintName,
    EquatableArray<string> Usings,
    string? Namespace,
    EquatableArray<TypeDeclarationModel> ContainingTypes,
    bool NullableEnabled,
    string Modifiers,
    string Name,
    string SourceMethodCref,
    EquatableArray<KernelParameterModel> Parameters,
    KernelValueModel Result,
    bool Parallel,
    string MemberPrefix,
    LaneFunctionModel? Lanes,
    string ScalarReason,
    double CostPerElement,
    GeneratedNames Names);

/// <summary>How a span's elements reach lanes and back.</summary>
internal enum LaneAccess
{
    /// <summary>Same width as the lanes: loaded and stored as whole vectors.</summary>
    Direct,

    /// <summary>Narrower integers: widened into the lanes, narrowed back.</summary>
    Resized,

    /// <summary>Booleans: lane masks.</summary>
    Mask,
}

/// <summary>A value of the kernel: its C# type, the lane type that holds it, and how it moves between spans and lanes.</summary>
internal sealed record KernelValueModel(string Type, string LaneType, LaneAccess Access);

/// <summary>A kernel parameter: a span in the overload, or one value for every element when <paramref name="IsScalar"/>.</summary>
internal sealed record KernelParameterModel(string Name, bool IsScalar, KernelValueModel Value);

/// <summary>The lowered kernel: a private function from one vector of lanes per span to a vector of results.</summary>
/// <param name="CountType">The element type whose <c>Vector&lt;T&gt;.Count</c> is the lane count, as written in comments and loops.</param>
/// <param name="CanBail">The function returns <see langword="false"/> when a block must take the scalar path.</param>
/// <param name="Body">The lowered statements.</param>
/// <param name="Summary">One line for the generated comment: which values live in which lanes.</param>
internal sealed record LaneFunctionModel(string CountType, bool CanBail, string Body, string Summary);
