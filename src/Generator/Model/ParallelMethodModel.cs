namespace AutoParallel.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one <c>[Parallelise]</c> method's parallel twin: strings, numbers, enums and
/// equatable arrays only (no symbols, syntax or locations), so an unrelated edit leaves it equal and the emitter cached.
/// </summary>
/// <param name="HintName">The generated file's name, unique per method.</param>
/// <param name="Usings">The using directives in scope in the user's file, which the reused body text relies on.</param>
/// <param name="Namespace">The containing namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The partial type declarations to reopen, outermost first.</param>
/// <param name="NullableEnabled">Whether the user's method is in a nullable-enabled context (mirrored, so reused text warns the same).</param>
/// <param name="Signature">The generated method's declaration.</param>
/// <param name="Body">The user's method body, as text pieces and holes where parallel loops go.</param>
/// <param name="Loops">The parallelised loops, in source order.</param>
/// <param name="Inline">Whether the twin is one small loop and a few statements, so it asks the JIT to inline it (see <c>InliningHint</c>).</param>
internal sealed record ParallelMethodModel(
    string HintName,
    EquatableArray<string> Usings,
    string? Namespace,
    EquatableArray<TypeDeclarationModel> ContainingTypes,
    bool NullableEnabled,
    MethodSignatureModel Signature,
    EquatableArray<BodyPiece> Body,
    EquatableArray<ParallelLoopModel> Loops,
    bool Inline);

/// <summary>A partial type declaration to reopen: <c>{Modifiers} {Keyword} {Name}{TypeParameters}</c>.</summary>
internal sealed record TypeDeclarationModel(string Modifiers, string Keyword, string Name, string TypeParameters);

/// <summary>The generated method's declaration, built from the user's.</summary>
/// <param name="Modifiers">The user's modifiers, e.g. <c>public static</c>.</param>
/// <param name="ReturnType">The return type as written.</param>
/// <param name="Name">The generated name (<c>SumParallel</c>).</param>
/// <param name="TypeParameters">The type parameter list as written, or empty.</param>
/// <param name="Parameters">The parameter list as written, parentheses included.</param>
/// <param name="Constraints">The constraint clauses as written, or empty.</param>
/// <param name="SourceMethodCref">A <c>cref</c> to the user's method, e.g. <c>Sum(double[])</c>.</param>
internal sealed record MethodSignatureModel(
    string Modifiers,
    string ReturnType,
    string Name,
    string TypeParameters,
    string Parameters,
    string Constraints,
    string SourceMethodCref);

/// <summary>
/// A piece of the generated method body: the user's text verbatim, or (when <paramref name="LoopIndex"/> is not negative)
/// the place where parallel loop number <paramref name="LoopIndex"/> replaces the user's loop.
/// </summary>
internal sealed record BodyPiece(string Text, int LoopIndex)
{
    public static BodyPiece Verbatim(string text) => new(text, -1);

    public static BodyPiece Loop(int index) => new(string.Empty, index);

    public bool IsLoop => LoopIndex >= 0;
}
