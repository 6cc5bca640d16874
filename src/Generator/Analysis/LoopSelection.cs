using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Chooses the loops a <c>[Parallelise]</c> method parallelises (DESIGN.md §3): the loops written with <c>Prange</c>; else, with
/// <c>Outer = false</c>, the innermost counted loops; else the outermost loop whose iterations are independent, going one level down
/// (AP0014) when a loop carries a dependency, as auto-parallelising compilers do. Sibling loops at the chosen level are each taken.
/// </summary>
internal sealed class LoopSelection
{
    private readonly SemanticModel _model;
    private readonly KnownSymbols _known;
    private readonly string _methodName;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<StatementSyntax, LoopAnalysis> _analyses = new();

    private LoopSelection(SemanticModel model, KnownSymbols known, string methodName, CancellationToken cancellationToken)
    {
        _model = model;
        _methodName = methodName;
        _known = known;
        _cancellationToken = cancellationToken;
    }

    public List<LoopAnalysis> Targets { get; } = new();

    public LoopFindings Findings { get; } = new();

    public static LoopSelection Select(
        BlockSyntax body, string methodName, ParalleliseOptions options, SemanticModel model, KnownSymbols known, CancellationToken cancellationToken)
    {
        var selection = new LoopSelection(model, known, methodName, cancellationToken);
        selection.Run(body, options);
        selection.Targets.Sort((a, b) => a.Shape.Syntax.SpanStart.CompareTo(b.Shape.Syntax.SpanStart));
        foreach (LoopAnalysis target in selection.Targets)
        {
            if (options.Collapse > 1)
            {
                target.Fused = CollapseCheck.Nest(target, options.Collapse, selection.Analyze, selection.Findings);
            }

            selection.WarnInnerParallelism(target);
            selection.WarnTooLittleWork(target, options);
        }

        return selection;
    }

    /// <summary>Loops directly inside <paramref name="scope"/>: not nested in another loop, lambda or local function.</summary>
    public static IEnumerable<StatementSyntax> ChildLoops(SyntaxNode scope)
        => scope.DescendantNodes(node => node == scope || !(LoopShape.IsLoop(node) || IsFunction(node)))
            .Where(LoopShape.IsLoop)
            .Cast<StatementSyntax>();

    public static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    /// <summary>
    /// AP0005: an explicitly chosen loop (Prange, <c>Outer = false</c>) inside a loop whose iterations are independent; that outer
    /// loop could carry the parallelism once instead of starting a region per iteration. Silent when the enclosing loops carry
    /// dependencies (a time-step loop): then the inner loop is the right place.
    /// </summary>
    private void WarnInnerParallelism(LoopAnalysis target)
    {
        StatementSyntax? outermostIndependent = null;
        for (SyntaxNode? node = target.Shape.Syntax.Parent; node is not null && !IsFunction(node) && node is not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is StatementSyntax loop && LoopShape.IsLoop(loop) && Analyze(loop).IsLegal)
            {
                outermostIndependent = loop;
            }
        }

        if (outermostIndependent is not null)
        {
            Findings.Report(DiagnosticDescriptors.InnerLoopParallelism, target.Shape.HeaderLocation, target.Shape.Header, LoopShape.HeaderOf(outermostIndependent));
        }
    }

    /// <summary>AP0009: a constant trip count below what the runtime will ever run in parallel.</summary>
    private void WarnTooLittleWork(LoopAnalysis target, ParalleliseOptions options)
    {
        long? count = ConstantTripCount(target.Shape);
        foreach (LoopAnalysis fused in target.Fused)
        {
            count = count is null || ConstantTripCount(fused.Shape) is not long inner ? null : count * inner;
        }

        if (count is long trips && trips < RuntimeDefaults.MinIterations(options.MinIterations, target.EffectiveCost))
        {
            Findings.Report(DiagnosticDescriptors.TooLittleWork, target.Shape.HeaderLocation, target.Shape.Header, trips);
        }
    }

    private static long? ConstantTripCount(LoopShape shape)
    {
        if (shape.Kind is not (LoopKind.For or LoopKind.Prange) || shape.ConstantStep is not long step || shape.To is null)
        {
            return null;
        }

        long? from = shape.From is null ? 0 : LoopShape.ConstantOf(shape.From);
        long? to = LoopShape.ConstantOf(shape.To);
        if (from is null || to is null)
        {
            return null;
        }

        long end = shape.Bound == BoundKind.LessOrEqual ? to.Value + 1 : to.Value;
        return end <= from ? 0 : ((end - from.Value - 1) / step) + 1;
    }

    private LoopAnalysis Analyze(StatementSyntax loop)
    {
        if (!_analyses.TryGetValue(loop, out LoopAnalysis? analysis))
        {
            analysis = LoopAnalysis.Analyze(loop, _model, _known, _cancellationToken);
            _analyses[loop] = analysis;
        }

        return analysis;
    }

    private void Run(BlockSyntax body, ParalleliseOptions options)
    {
        var loops = AllLoops(body).ToList();
        if (loops.Count == 0)
        {
            return;
        }

        var prange = loops.Where(l => l is ForEachStatementSyntax && IsPrange(l)).ToList();
        if (prange.Count > 0)
        {
            // Explicit choice: the outermost Prange loops; inner ones run sequentially (their text is plain sequential code).
            TakeAll(prange.Where(l => !prange.Any(outer => outer != l && outer.Statement().Span.Contains(l.Span))));
        }
        else if (!options.Outer)
        {
            var canonical = loops.Where(l => Analyze(l).Problem is null).ToList();
            TakeAll(canonical.Where(l => !canonical.Any(inner => inner != l && l.Statement().Span.Contains(inner.Span))));
        }
        else
        {
            var failures = new List<StatementSyntax>();
            Search(body, failures);
            if (Targets.Count == 0)
            {
                ReportOutermostFailure(failures);
            }
        }
    }

    /// <summary>Explicitly chosen loops must be legal: their errors are reported as they are.</summary>
    private void TakeAll(IEnumerable<StatementSyntax> loops)
    {
        foreach (StatementSyntax loop in loops)
        {
            LoopAnalysis analysis = Analyze(loop);
            if (analysis.Problem is not null)
            {
                Findings.Report(DiagnosticDescriptors.NoTargetLoop, analysis.Shape.HeaderLocation, _methodName, $"'{analysis.Shape.Header}': {analysis.Problem}");
                continue;
            }

            // A refused loop reports why; its warnings would only be noise about code that is not generated.
            Findings.AddRange(analysis.Findings, errorsOnly: !analysis.IsLegal);
            if (analysis.IsLegal)
            {
                Targets.Add(analysis);
            }
        }
    }

    /// <summary>Takes each loop at this level that is legal, else looks one level inside it.</summary>
    private void Search(SyntaxNode scope, List<StatementSyntax> failures)
    {
        foreach (StatementSyntax loop in ChildLoops(scope))
        {
            LoopAnalysis analysis = Analyze(loop);
            if (analysis.IsLegal)
            {
                Targets.Add(analysis);
                Findings.AddRange(analysis.Findings);
                continue;
            }

            int before = Targets.Count;
            var innerFailures = new List<StatementSyntax>();
            Search(loop.Statement(), innerFailures);
            if (Targets.Count > before)
            {
                var chosen = Targets.Skip(before).Select(t => $"'{t.Shape.Header}'").ToList();
                string inner = chosen.Count == 1
                    ? $"the inner loop {chosen[0]} is parallelised"
                    : $"the inner loops {string.Join(", ", chosen.Take(chosen.Count - 1))} and {chosen[chosen.Count - 1]} are parallelised";
                Findings.Report(DiagnosticDescriptors.InnerLoopChosen, analysis.Shape.HeaderLocation, analysis.Shape.Header, analysis.ReasonForMessage, inner);
            }
            else
            {
                failures.Add(loop);
            }
        }
    }

    /// <summary>
    /// Nothing qualified: report the outermost loop that has a real reason (a dependency, a construct) with that reason's
    /// diagnostics; when every loop merely has the wrong shape, AP0002 says why the outermost cannot be taken.
    /// </summary>
    private void ReportOutermostFailure(List<StatementSyntax> failures)
    {
        foreach (StatementSyntax loop in failures)
        {
            LoopAnalysis? withErrors = FirstWithErrors(loop);
            if (withErrors is not null)
            {
                Findings.AddRange(withErrors.Findings, errorsOnly: true);
            }
            else
            {
                LoopAnalysis analysis = Analyze(loop);
                Findings.Report(DiagnosticDescriptors.NoTargetLoop, analysis.Shape.HeaderLocation, _methodName, $"'{analysis.Shape.Header}': {analysis.Reason}");
            }
        }
    }

    private LoopAnalysis? FirstWithErrors(StatementSyntax loop)
    {
        LoopAnalysis analysis = Analyze(loop);
        if (analysis.Findings.HasErrors)
        {
            return analysis;
        }

        return ChildLoops(loop.Statement()).Select(FirstWithErrors).FirstOrDefault(a => a is not null);
    }

    private bool IsPrange(StatementSyntax loop)
        => loop is ForEachStatementSyntax forEach
            && _model.GetSymbolInfo(forEach.Expression, _cancellationToken).Symbol is IMethodSymbol { Name: "Range" } method
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, _known.Prange);

    private static IEnumerable<StatementSyntax> AllLoops(SyntaxNode scope)
        => scope.DescendantNodes(node => node == scope || !IsFunction(node)).Where(LoopShape.IsLoop).Cast<StatementSyntax>();
}

internal static class LoopSyntaxExtensions
{
    /// <summary>The statement a loop repeats.</summary>
    public static StatementSyntax Statement(this StatementSyntax loop) => loop switch
    {
        ForStatementSyntax f => f.Statement,
        CommonForEachStatementSyntax f => f.Statement,
        WhileStatementSyntax w => w.Statement,
        DoStatementSyntax d => d.Statement,
        _ => loop,
    };
}
