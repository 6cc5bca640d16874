using System.Linq;

namespace AutoParallel.Generator.Model;

/// <summary>One loop the generator parallelises, with what the runtime call and the chunk body need.</summary>
/// <param name="Ordinal">Position among the method's parallel loops (0, 1, …); names the body struct.</param>
/// <param name="BodyTypeName">The nested struct that runs chunks of this loop.</param>
/// <param name="Header">The user's loop header, for comments (<c>for (int i = 0; i &lt; n; i++)</c>).</param>
/// <param name="Line">1-based line of the loop in the user's file.</param>
/// <param name="Space">The iteration space and how a chunk walks it.</param>
/// <param name="Captures">Variables the body reads from outside the loop, copied into the body struct.</param>
/// <param name="Reductions">Variables combined across iterations.</param>
/// <param name="PrivateVariables">Names declared inside the body (private to an iteration), for the comment.</param>
/// <param name="BodyText">The user's loop body, rewritten where a nested struct needs it (<c>this</c> → <c>__self</c>).</param>
/// <param name="Options">Schedule, thresholds and cost estimate.</param>
/// <param name="TypeParameters">The method's type parameter list the struct must repeat, e.g. <c>&lt;T&gt;</c>, or empty.</param>
/// <param name="TypeArguments">The same names as type arguments, to name the struct at the call site.</param>
/// <param name="AliasGuards">Conditions under which the loop runs as written (two variables sharing storage would create a dependency).</param>
/// <param name="SequentialText">The user's loop statement, run as written when an alias guard holds.</param>
/// <param name="Constraints">Their constraint clauses, or empty.</param>
/// <param name="SimdSum">When the body is exactly <c>s += x[i]</c>: how each chunk sums in SIMD lanes instead; else <see langword="null"/>.</param>
/// <param name="InlineExecute">Whether the body is a few statements, so <c>Execute</c> asks the JIT to inline it (see <c>InliningHint</c>).</param>
/// <param name="Unchecked">A copy of the body whose array accesses are checked once per chunk (see <c>UncheckedIndexing</c>), or <see langword="null"/>.</param>
/// <param name="Names">The names the generated code declares (their prefix avoids every name of the user's method).</param>
internal sealed record ParallelLoopModel(
    int Ordinal,
    string BodyTypeName,
    string Header,
    int Line,
    IterationSpaceModel Space,
    EquatableArray<CaptureModel> Captures,
    EquatableArray<ReductionModel> Reductions,
    EquatableArray<string> PrivateVariables,
    string BodyText,
    LoopOptionsModel Options,
    string TypeParameters,
    string TypeArguments,
    string Constraints,
    EquatableArray<string> AliasGuards,
    string SequentialText,
    SimdSumModel? SimdSum,
    bool InlineExecute,
    UncheckedBodyModel? Unchecked,
    GeneratedNames Names)
{
    public bool HasReductions => !Reductions.IsEmpty;

    public bool HasSpans => Captures.Any(c => c.IsSpan);
}

/// <summary>A loop whose body is <c>s += x[i]</c> over an array or span: each chunk adds its elements in SIMD lanes.</summary>
/// <param name="Source">The array or span read (a local or parameter, captured by the body struct).</param>
/// <param name="ElementType">Its element type, the reduction's type: <c>double</c>, <c>float</c>, <c>int</c> or <c>long</c>.</param>
/// <param name="IsSpan">Whether <paramref name="Source"/> is a span (else an array).</param>
internal sealed record SimdSumModel(string Source, string ElementType, bool IsSpan);

/// <summary>The chunk body with its bounds checks moved to the start of the chunk.</summary>
/// <param name="Ranges">Declarations of the loop variables' <c>IndexRange</c>s, outermost first.</param>
/// <param name="Conditions">What must all hold for the copy to run: arrays not null, every index range inside its array.</param>
/// <param name="References">A <c>ref</c> to element 0 of each array the copy reads or writes.</param>
/// <param name="BodyText">The user's body with <c>a[e]</c> written as <c>Unsafe.Add(ref __ref_a, e)</c>.</param>
internal sealed record UncheckedBodyModel(
    EquatableArray<string> Ranges,
    EquatableArray<string> Conditions,
    EquatableArray<string> References,
    string BodyText);

/// <summary>How a chunk of the iteration space <c>[From, To)</c> with <c>Step</c> maps back to the user's loop variables.</summary>
/// <param name="Kind">Counting loop, array/span element loop, …</param>
/// <param name="IndexName">The loop variable (or a generated index for <c>foreach</c>).</param>
/// <param name="IndexType">Its type keyword: <c>int</c>, <c>long</c> or <c>nint</c>.</param>
/// <param name="FromText">The first value, evaluated once at the call.</param>
/// <param name="ToText">The exclusive end, evaluated once at the call (already adjusted for <c>&lt;=</c>).</param>
/// <param name="StepText">The positive step.</param>
/// <param name="StepExpression">A step that is not a constant (<c>Prange.Range(a, b, s)</c>), evaluated once at the call; empty otherwise.</param>
/// <param name="ElementDeclaration">For <c>foreach</c>: the iteration variable's declaration, e.g. <c>var x = data[__i];</c>.</param>
/// <param name="CollectionExpression">For <c>foreach</c> over an expression that is not a plain variable: that expression, evaluated once into <c>__collection</c>.</param>
/// <param name="Fused">With <c>Collapse</c>: the inner loops fused into this iteration space, outermost first.</param>
/// <param name="EndFitsInt">
/// Whether the loop variable is an <c>int</c> and so is its exclusive end (<c>i &lt; n</c> with <c>n</c> an <c>int</c>, a <c>foreach</c>'s
/// length; not <c>i &lt;= n</c>, whose end may be 2³¹): a chunk's end then fits in an <c>int</c> too.
/// </param>
internal sealed record IterationSpaceModel(
    IterationKind Kind,
    string IndexName,
    string IndexType,
    string FromText,
    string ToText,
    string StepText,
    string StepExpression,
    string ElementDeclaration,
    string CollectionExpression,
    EquatableArray<FusedLoopModel> Fused,
    bool EndFitsInt)
{
    public bool IsCollapsed => !Fused.IsEmpty;
}

/// <summary>An inner loop fused by <c>Collapse</c>: <c>for (IndexType IndexName = From; IndexName &lt; To; IndexName += Step)</c>.</summary>
internal sealed record FusedLoopModel(string IndexName, string IndexType, string FromText, string ToText, string StepText, string Header);

internal enum IterationKind
{
    /// <summary><c>for (i = a; i &lt; b; i += c)</c> or <c>foreach (var i in Prange.Range(a, b, c))</c>.</summary>
    Counting,

    /// <summary><c>foreach (var x in arrayOrSpan)</c>, walked by a generated index.</summary>
    Elements,
}

/// <summary>A variable the loop body reads from outside: a field of the body struct, copied into a local of the same name.</summary>
/// <param name="Name">The name the body text uses.</param>
/// <param name="Type">Its fully qualified type.</param>
/// <param name="Value">What the call site assigns to it (usually the same name; <c>this</c> for the enclosing instance).</param>
/// <param name="Kind">How it crosses to the worker threads.</param>
/// <param name="ElementType">For a span: the element type.</param>
/// <param name="SpanIndex">For a span: its position among the loop's pinned spans.</param>
internal sealed record CaptureModel(string Name, string Type, string Value, CaptureKind Kind, string ElementType, int SpanIndex)
{
    public bool IsSpan => Kind is CaptureKind.Span or CaptureKind.ReadOnlySpan;
}

internal enum CaptureKind
{
    /// <summary>Copied into a field (values, arrays, Memory, delegates).</summary>
    Value,

    /// <summary>The enclosing instance, as <c>__self</c>.</summary>
    Self,

    /// <summary>A <c>Span&lt;T&gt;</c>: the runtime pins it (<c>SpanArguments</c>) and every chunk rebuilds it from <c>PinnedSpans</c>.</summary>
    Span,

    /// <summary>A <c>ReadOnlySpan&lt;T&gt;</c>, passed like <see cref="Span"/>.</summary>
    ReadOnlySpan,
}

/// <summary>A reduction variable: private per chunk, starting at the identity, combined in chunk order.</summary>
/// <param name="Name">The user's variable.</param>
/// <param name="Type">Its fully qualified type.</param>
/// <param name="Operator">How values are combined.</param>
/// <param name="Identity">The identity of <paramref name="Operator"/> for <paramref name="Type"/>, as C#.</param>
/// <param name="OrderSensitive">Whether reassociating changes the result (floating-point sums and products).</param>
/// <param name="Description">How the user wrote it, for the comment (<c>s += …</c>).</param>
/// <param name="Function">For <see cref="ReductionOperator.Min"/>/<see cref="ReductionOperator.Max"/>: the fully qualified function to combine with.</param>
/// <param name="ArrayLength">For an array reduction: the expression giving the private copy's length (<c>hist.Length</c>); empty for scalars.</param>
/// <param name="EqualMeansIdentity">
/// Whether a total that is <c>==</c> <paramref name="Identity"/> may take a chunk's updates directly, with the bits a fresh chunk
/// combined into it would give (see <c>ReductionIdentity.EqualMeansIdentity</c>).
/// </param>
internal sealed record ReductionModel(
    string Name,
    string Type,
    ReductionOperator Operator,
    string Identity,
    bool OrderSensitive,
    string Description,
    string Function,
    string ArrayLength,
    bool EqualMeansIdentity)
{
    public bool IsArray => ArrayLength.Length > 0;
}

/// <summary>The combining operation of a reduction; the user's <c>-=</c> combines with <c>+</c>, <c>/=</c> with <c>*</c>.</summary>
internal enum ReductionOperator
{
    /// <summary><c>+=</c>, <c>-=</c>, <c>++</c>, <c>--</c>, <c>s = s + e</c>: combined with <c>+</c>.</summary>
    Sum,

    /// <summary><c>*=</c>, <c>s = s * e</c>: combined with <c>*</c>.</summary>
    Product,

    /// <summary><c>/=</c> (floating point): each chunk divides 1 by its divisors; combined with <c>*</c>.</summary>
    Quotient,

    BitwiseAnd,
    BitwiseOr,
    BitwiseXor,

    /// <summary><c>all = all &amp;&amp; e</c>.</summary>
    LogicalAnd,

    /// <summary><c>any = any || e</c>.</summary>
    LogicalOr,

    /// <summary><c>m = Math.Min(m, e)</c> (the function is kept: combined with the same call).</summary>
    Min,

    /// <summary><c>m = Math.Max(m, e)</c>.</summary>
    Max,

    /// <summary><c>if (e &lt; m) m = e;</c>: the first smallest wins; combined with the same comparison in chunk order.</summary>
    MinIfLess,

    /// <summary><c>if (e &lt;= m) m = e;</c>: the last smallest wins.</summary>
    MinIfLessOrEqual,

    /// <summary><c>if (e &gt; m) m = e;</c>.</summary>
    MaxIfGreater,

    /// <summary><c>if (e &gt;= m) m = e;</c>.</summary>
    MaxIfGreaterOrEqual,
}

/// <summary>The runtime options of one loop, from the attribute and the generator's cost estimate.</summary>
/// <param name="Schedule">The <c>AutoParallel.Schedule</c> member name.</param>
/// <param name="ChunkSize">Iterations per chunk, 0: runtime's choice.</param>
/// <param name="MaxDegreeOfParallelism">As in the attribute.</param>
/// <param name="MinIterations">As in the attribute (0: from the cost).</param>
/// <param name="CostPerIteration">Estimated nanoseconds per iteration.</param>
/// <param name="Ordered">Combine partial results in chunk order (deterministic floating-point reductions).</param>
internal sealed record LoopOptionsModel(
    string Schedule,
    int ChunkSize,
    int MaxDegreeOfParallelism,
    long MinIterations,
    double CostPerIteration,
    bool Ordered);
