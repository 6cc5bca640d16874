using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AutoParallel.Generator.Diagnostics;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Everything known about one candidate loop: whether it can be partitioned at all (<see cref="Problem"/>), the legality findings
/// (AP0003, AP0004 errors; AP0006, AP0008 warnings), and, for a legal loop, what the generated code needs.
/// </summary>
internal sealed class LoopAnalysis
{
    private LoopScope? _scope;
    private UncheckedIndexing? _unchecked;
    private bool _uncheckedFound;

    private LoopAnalysis(LoopShape shape)
    {
        Shape = shape;
    }

    public LoopShape Shape { get; }

    /// <summary>Why the loop is not a counted loop that can be partitioned; <see langword="null"/> when it is.</summary>
    public string? Problem { get; private set; }

    public LoopFindings Findings { get; } = new();

    /// <summary>A partitionable loop whose iterations are independent.</summary>
    public bool IsLegal => Problem is null && !Findings.HasErrors;

    public IReadOnlyList<ReductionModel> Reductions { get; private set; } = System.Array.Empty<ReductionModel>();

    public CaptureAnalysis? Captures { get; private set; }

    public IReadOnlyList<string> PrivateVariables { get; private set; } = System.Array.Empty<string>();

    /// <summary>Run-time tests under which the loop must run as written: two variables that may be the same array (<see cref="Analysis.AliasGuards"/>).</summary>
    public IReadOnlyList<string> AliasGuards { get; private set; } = System.Array.Empty<string>();

    public double CostPerIteration { get; private set; } = 1;

    /// <summary>
    /// The chunk body with its array bounds checked once per chunk, when some access in an inner loop allows it. Found when the
    /// generator asks (the analyzer never does).
    /// </summary>
    public UncheckedIndexing? Unchecked
    {
        get
        {
            if (!_uncheckedFound && _scope is not null && IsLegal)
            {
                _unchecked = UncheckedIndexing.Find(_scope, Reductions.Select(r => r.Name));
                _uncheckedFound = true;
            }

            return _unchecked;
        }
    }

    /// <summary>With <c>Collapse</c>: the loops fused under this one, outermost first.</summary>
    public IReadOnlyList<LoopAnalysis> Fused { get; set; } = System.Array.Empty<LoopAnalysis>();

    /// <summary>The cost of one iteration of the space the runtime sees: the innermost fused body when collapsed.</summary>
    public double EffectiveCost => Fused.Count > 0 ? Fused[Fused.Count - 1].CostPerIteration : CostPerIteration;

    /// <summary>Why the loop stays sequential, for messages: the shape problem or the first error.</summary>
    public string Reason => Problem ?? Findings.FirstError ?? "it is not parallelisable";

    /// <summary><see cref="Reason"/> to embed in another message: <c>loop-carried dependency: …</c>.</summary>
    public string ReasonForMessage => Reason.Length > 0 ? char.ToLowerInvariant(Reason[0]) + Reason.Substring(1) : Reason;

    public static LoopAnalysis Analyze(StatementSyntax loop, SemanticModel model, KnownSymbols known, CancellationToken cancellationToken)
    {
        var analysis = new LoopAnalysis(LoopShape.Read(loop, model, known, cancellationToken));
        analysis.Run(model, known, cancellationToken);
        return analysis;
    }

    private void Run(SemanticModel model, KnownSymbols known, CancellationToken cancellationToken)
    {
        if (!Shape.IsCanonical)
        {
            Problem = Shape.Problem;
            return;
        }

        var scope = new LoopScope(Shape, model, known, cancellationToken);
        Problem = BoundProblem(scope);
        if (Problem is not null)
        {
            return;
        }

        ControlFlowCheck.Check(scope, Findings);
        var scalars = ScalarReductions.Find(scope, Findings);
        var arrays = new ArrayReductionSink(scope, Findings);
        var accesses = ElementAccess.Collect(scope);
        var written = ElementDependence.Check(scope, accesses, Findings, arrays);
        AliasGuards = global::AutoParallel.Generator.Analysis.AliasGuards.Find(scope, accesses, written);
        new CallEffects(scope).Check(Findings);
        SharedStateWrites.Check(scope, Findings);
        SharedStateWrites.CheckPointers(scope, Findings);
        Captures = CaptureAnalysis.Analyze(scope, scalars.Select(r => r.Name).ToList(), Findings);
        Reductions = scalars.Concat(arrays.Reductions).ToList();
        PrivateVariables = scope.Operations.OfType<Microsoft.CodeAnalysis.Operations.IVariableDeclaratorOperation>()
            .Select(d => d.Symbol.Name).Distinct().ToList();
        CostPerIteration = CostEstimate.PerIteration(Shape.Body);
        _scope = scope;
    }

    /// <summary>Bounds are evaluated once, before the loop: they must not change inside it.</summary>
    private string? BoundProblem(LoopScope scope)
    {
        foreach (var (what, operation) in new[] { ("start", Shape.From), ("bound", Shape.To), ("step", Shape.StepOperation) })
        {
            if (operation is not null && !scope.IsLoopInvariant(operation) && !IsInvariantCall(operation, scope))
            {
                return $"the loop {what} '{operation.Syntax}' may change while the loop runs, so the iteration count is not known before it starts";
            }
        }

        return null;
    }

    /// <summary>Bounds may call pure functions of invariant values (<c>Math.Min(n, m)</c>, <c>a.GetLength(0)</c>).</summary>
    private static bool IsInvariantCall(Microsoft.CodeAnalysis.IOperation operation, LoopScope scope)
        => LoopShape.Strip(operation) is Microsoft.CodeAnalysis.Operations.IInvocationOperation call
            && call.TargetMethod.ContainingType.ToDisplayString() is "System.Math" or "System.MathF" or "System.Array"
            && call.Arguments.All(a => scope.IsLoopInvariant(a.Value))
            && (call.Instance is null || scope.IsLoopInvariant(call.Instance));
}
