using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using AutoParallel.Generator.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Diagnostics;

/// <summary>
/// AP0006 in hand-written code: a parallel region (<c>Parallel.*</c>, a PLINQ query, a generated <c>…Parallel</c> method, tasks
/// started once per iteration) started inside the body of <c>Parallel.For/ForEach/Invoke</c> or a PLINQ delegate, directly or through
/// one call to a method of the same compilation that starts one. Reported on the call that starts the inner region.
/// <c>[Parallelise]</c> methods are left to <see cref="ParalleliseAnalyzer"/>, whose loop analysis reports the same rule there.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NestedParallelismAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NestedOversubscription);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var callees = new RegionStartingMethods(start.Compilation);
            start.RegisterOperationAction(operation => Analyze(operation, callees), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, RegionStartingMethods callees)
    {
        var call = (IInvocationOperation)context.Operation;
        ConcurrentDelegate? body = ParallelApi.EnclosingDelegate(call, DelegateRole.Body, DelegateRole.InvokeAction);
        if (body is null || ParallelApi.IsParalleliseMethod(context.ContainingSymbol))
        {
            return;
        }

        string? region = RegionStarted(call, body) ?? callees.RegionStartedBy(call.TargetMethod, context.CancellationToken);
        if (region is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NestedOversubscription, call.Syntax.GetLocation(), region));
        }
    }

    /// <summary>The name of the parallel region <paramref name="call"/> starts by itself, or <see langword="null"/>.</summary>
    private static string? RegionStarted(IInvocationOperation call, ConcurrentDelegate body)
    {
        IMethodSymbol method = call.TargetMethod;
        switch (ParallelApi.Classify(method))
        {
            case ParallelConstruct.Loop or ParallelConstruct.Invoke:
                return ParallelApi.Name(method);
            case ParallelConstruct.Plinq:
                return ParallelApi.IsOutermostPlinqCall(call) ? LoopShape.CollapseWhitespace(call.Syntax.ToString()) : null;
            case ParallelConstruct.Task:
                // One task is not a parallel region; one per iteration of the outer parallel loop, or a loop of them, is.
                bool repeated = body.Role == DelegateRole.Body || InLoopWithin(call, body.FunctionSyntax);
                return repeated ? ParallelApi.Name(method) : null;
            default:
                return CallEffects.IsGeneratedParallel(method) ? method.Name : null;
        }
    }

    private static bool InLoopWithin(IOperation operation, SyntaxNode function)
        => operation.Syntax.Ancestors().TakeWhile(a => a != function).Any(LoopShape.IsLoop);

    /// <summary>
    /// Methods of this compilation whose own bodies start a parallel region (one level deep: a method that calls a method that starts
    /// one is not followed). Computed once per method and compilation.
    /// </summary>
    private sealed class RegionStartingMethods
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, string?> _regions = new(SymbolEqualityComparer.Default);

        public RegionStartingMethods(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary><c>Helper</c> when <c>Helper</c> starts a region, else <see langword="null"/>.</summary>
        public string? RegionStartedBy(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (method.DeclaringSyntaxReferences.Length == 0 || ParallelApi.Classify(method) != ParallelConstruct.None)
            {
                return null;
            }

            return _regions.GetOrAdd(method, m => Find(m, cancellationToken)) is not null ? method.Name : null;
        }

        private string? Find(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                SyntaxNode node = reference.GetSyntax(cancellationToken);
                if (!_compilation.ContainsSyntaxTree(node.SyntaxTree))
                {
                    continue;
                }

#pragma warning disable RS1030 // One semantic model per callee file, only for methods called from parallel bodies.
                SemanticModel model = _compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetOperation(node, cancellationToken) is not { } body)
                {
                    continue;
                }

                foreach (IInvocationOperation call in body.DescendantsAndSelf().OfType<IInvocationOperation>())
                {
                    ParallelConstruct construct = ParallelApi.Classify(call.TargetMethod);
                    bool starts = construct is ParallelConstruct.Loop or ParallelConstruct.Invoke or ParallelConstruct.Plinq
                        || (construct == ParallelConstruct.Task && InLoopWithin(call, node))
                        || CallEffects.IsGeneratedParallel(call.TargetMethod);
                    if (starts)
                    {
                        return ParallelApi.Name(call.TargetMethod);
                    }
                }
            }

            return null;
        }
    }
}
