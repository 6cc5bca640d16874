using System;
using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// <c>Collapse = k</c> (OpenMP's <c>collapse</c>): the chosen loop and the <c>k - 1</c> loops perfectly nested in it become one
/// iteration space. That takes a perfect nest (each body is exactly the next loop), counted loops, rectangular bounds (inner
/// bounds do not mention outer loop variables), and inner loops whose own iterations are independent: then any two fused
/// iterations are independent, whether they differ in the outer or only in an inner variable. Otherwise AP0012 says why and
/// only the outer loop is parallelised.
/// </summary>
internal static class CollapseCheck
{
    /// <summary>The loops fused under <paramref name="outer"/>, outermost first, or empty (with AP0012 reported) when they cannot be.</summary>
    public static IReadOnlyList<LoopAnalysis> Nest(LoopAnalysis outer, int collapse, Func<StatementSyntax, LoopAnalysis> analyze, LoopFindings findings)
    {
        var nest = new List<LoopAnalysis>();
        var outerIndices = new List<ISymbol?> { outer.Shape.Index };
        LoopAnalysis current = outer;
        for (int level = 1; level < collapse; level++)
        {
            string? problem = Next(current, analyze, outerIndices, out LoopAnalysis? inner);
            if (problem is not null)
            {
                findings.Report(DiagnosticDescriptors.CollapseNotApplicable, outer.Shape.HeaderLocation, collapse, outer.Shape.Header, problem);
                return Array.Empty<LoopAnalysis>();
            }

            nest.Add(inner!);
            outerIndices.Add(inner!.Shape.Index);
            current = inner!;
        }

        return nest;
    }

    private static string? Next(LoopAnalysis current, Func<StatementSyntax, LoopAnalysis> analyze, List<ISymbol?> outerIndices, out LoopAnalysis? inner)
    {
        inner = null;
        StatementSyntax body = current.Shape.BodySyntax;
        StatementSyntax? only = body is BlockSyntax block ? (block.Statements.Count == 1 ? block.Statements[0] : null) : body;
        if (only is null || !LoopShape.IsLoop(only))
        {
            return $"the body of '{current.Shape.Header}' is not exactly one loop (a perfect nest has nothing before or after the inner loop)";
        }

        inner = analyze(only);
        if (inner.Problem is not null)
        {
            return $"'{inner.Shape.Header}' is not a counted loop ({inner.Problem})";
        }

        if (inner.Shape.Kind is not (LoopKind.For or LoopKind.Prange))
        {
            return $"'{inner.Shape.Header}' walks a collection; only counted loops can be fused";
        }

        foreach (IOperation? bound in new[] { inner.Shape.From, inner.Shape.To, inner.Shape.StepOperation })
        {
            if (bound is not null && bound.DescendantsAndSelf().OfType<ILocalReferenceOperation>()
                .Any(r => outerIndices.Contains(r.Local, SymbolEqualityComparer.Default)))
            {
                return $"the bound '{bound.Syntax}' of '{inner.Shape.Header}' depends on an outer loop variable, so the nest is not rectangular";
            }
        }

        if (!inner.IsLegal)
        {
            return $"'{inner.Shape.Header}' carries a dependency ({inner.Reason})";
        }

        return null;
    }
}
