using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoParallel.CodeFixes;

/// <summary>
/// AP0007: a sum, product, bitwise or min/max accumulated into a captured variable by a <c>Parallel.For</c>/<c>ForEach</c> body becomes the
/// <c>localInit</c>/<c>localFinally</c> overload (one accumulator per worker, combined under a lock at the end); a loop variable captured
/// by a task is copied into a local first.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CapturedClosureCodeFix))]
[Shared]
public sealed class CapturedClosureCodeFix : AutoParallelCodeFix
{
    /// <inheritdoc />
    protected override string RuleId => RuleIds.CapturedClosure;

    internal override async Task<PlannedFix?> PlanAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        diagnostic.Properties.TryGetValue(CapturedClosureAnalyzer.RuleProperty, out string? rule);
        diagnostic.Properties.TryGetValue(CapturedClosureAnalyzer.RoleProperty, out string? role);
        SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        switch (rule)
        {
            case CapturedClosureAnalyzer.WriteRule when role == "Body":
                return ThreadLocalReduction.Plan(document, node, model, cancellationToken);
            case CapturedClosureAnalyzer.LoopVariableRule or CapturedClosureAnalyzer.LoopChangedRule:
                return LoopVariableCopy.Plan(document, node, model, cancellationToken);
            default:
                return null;
        }
    }
}
