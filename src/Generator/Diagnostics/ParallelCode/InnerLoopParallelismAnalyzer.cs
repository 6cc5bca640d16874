using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using AutoParallel.Generator.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Diagnostics;

/// <summary>
/// AP0005 in hand-written code: a <c>Parallel.For</c>/<c>Parallel.ForEach</c> or a PLINQ query inside a loop whose iterations are
/// independent, so the outer loop could carry the parallelism once instead of forking and joining on every iteration.
/// Independence is the loop analysis's verdict on the outer loop, with the inner parallel loops read as the plain loops they stand
/// for: a loop that carries a dependency (a time-step loop around a stencil), or that the analysis cannot prove independent, is the
/// right place for inner parallelism, and nothing is reported. Reported on the inner parallel call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InnerLoopParallelismAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Diagnostic property: which loop around the call could carry the parallelism, counted outwards (1: the innermost loop around
    /// it). A count, not a position, so that it stays right while a fix-all edits the code before it.
    /// </summary>
    public const string OuterLoopProperty = "OuterLoopLevel";

    /// <summary>Diagnostic property, present when the code fix can make the outer loop a <c>Parallel.For</c>/<c>ForEach</c>.</summary>
    public const string MovableProperty = "Movable";

    private const int MaxCallText = 60;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InnerLoopParallelism);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = new KnownSymbols(start.Compilation);
            var verdicts = new ConditionalWeakTable<SyntaxNode, OuterLoopVerdict>();
            start.RegisterOperationAction(operation => Analyze(operation, known, verdicts), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols known, ConditionalWeakTable<SyntaxNode, OuterLoopVerdict> verdicts)
    {
        var call = (IInvocationOperation)context.Operation;
        bool isLoop = ParallelApi.IsParallelLoop(call.TargetMethod);
        if (!isLoop && !(ParallelApi.Classify(call.TargetMethod) == ParallelConstruct.Plinq && ParallelApi.IsOutermostPlinqCall(call)))
        {
            return;
        }

        if (ParallelApi.IsParalleliseMethod(context.ContainingSymbol) || call.SemanticModel is not { } model)
        {
            return;
        }

        int level = 0;
        foreach (ILoopOperation loop in EnclosingLoops(call))
        {
            level++;
            OuterLoopVerdict verdict = verdicts.GetValue(loop.Syntax, _ => OuterLoopVerdict.Judge((StatementSyntax)loop.Syntax, model, known, context.CancellationToken));
            if (!verdict.IsIndependent)
            {
                continue;
            }

            bool movable = isLoop && verdict.IsMovable && call.Parent is IExpressionStatementOperation;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(OuterLoopProperty, level.ToString(CultureInfo.InvariantCulture));
            if (movable)
            {
                properties = properties.Add(MovableProperty, "true");
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InnerLoopParallelism, call.Syntax.GetLocation(), properties, Shorten(call.Syntax.ToString()), LoopShape.HeaderOf((StatementSyntax)loop.Syntax)));
            return;
        }
    }

    /// <summary>The loops around the call, innermost first, up to the enclosing lambda, local function or member.</summary>
    private static IEnumerable<ILoopOperation> EnclosingLoops(IOperation operation)
    {
        for (IOperation? node = operation.Parent; node is not null && node is not (IAnonymousFunctionOperation or ILocalFunctionOperation); node = node.Parent)
        {
            if (node is ILoopOperation loop && loop.Body.Syntax.Span.Contains(operation.Syntax.Span))
            {
                yield return loop;
            }
        }
    }

    private static string Shorten(string text)
    {
        text = LoopShape.CollapseWhitespace(text);
        return text.Length <= MaxCallText ? text : text.Substring(0, MaxCallText - 1) + "…";
    }
}

/// <summary>Whether an outer loop's iterations are independent once its inner parallel loops are read as plain loops.</summary>
internal sealed class OuterLoopVerdict
{
    private static readonly OuterLoopVerdict Dependent = new(false, false);

    private OuterLoopVerdict(bool isIndependent, bool isMovable)
    {
        IsIndependent = isIndependent;
        IsMovable = isMovable;
    }

    /// <summary>The analysis proves the iterations independent: no dependency, no construct that stops it, nothing it cannot prove.</summary>
    public bool IsIndependent { get; }

    /// <summary>The outer loop can become <c>Parallel.For</c>/<c>ForEach</c> as it is: no reductions, nothing a lambda cannot capture.</summary>
    public bool IsMovable { get; }

    public static OuterLoopVerdict Judge(StatementSyntax loop, SemanticModel model, KnownSymbols known, CancellationToken cancellationToken)
    {
        var rewrites = new Dictionary<StatementSyntax, SequentialLoop>();
        foreach (ExpressionStatementSyntax statement in loop.DescendantNodes(n => !SequentialLoop.IsFunction(n)).OfType<ExpressionStatementSyntax>())
        {
            if (statement.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "For" or "ForEach" } } invocation
                && model.GetOperation(invocation, cancellationToken) is IInvocationOperation call
                && ParallelApi.IsParallelLoop(call.TargetMethod)
                && SequentialLoop.Of(call) is { } sequential)
            {
                rewrites[statement] = sequential;
            }
        }

        LoopAnalysis analysis;
        if (rewrites.Count == 0)
        {
            analysis = LoopAnalysis.Analyze(loop, model, known, cancellationToken);
        }
        else
        {
            StatementSyntax speculative = loop.ReplaceNodes(rewrites.Keys, (original, _) => rewrites[original].ToStatement().WithTriviaFrom(original));
            if (!Microsoft.CodeAnalysis.CSharp.CSharpExtensions.TryGetSpeculativeSemanticModel(model, loop.SpanStart, speculative, out SemanticModel? speculativeModel) || speculativeModel is null)
            {
                return Dependent;
            }

            analysis = LoopAnalysis.Analyze(speculative, speculativeModel, known, cancellationToken);
        }

        bool independent = analysis.IsLegal && !analysis.Findings.Diagnostics.Any(d => d.Id == RuleIds.PossibleRace);
        if (!independent)
        {
            return Dependent;
        }

        bool movable = analysis.Reductions.Count == 0
            && rewrites.Values.All(r => r.IsExact)
            && HasMovableShape(analysis.Shape)
            && CapturesOnlyWhatLambdasCan(loop, model);
        return new OuterLoopVerdict(true, movable);
    }

    /// <summary><c>for (int|long i = a; i &lt; b | i &lt;= b; i++)</c>, or <c>foreach (T x in array)</c>.</summary>
    private static bool HasMovableShape(LoopShape shape) => shape.Kind switch
    {
        Analysis.LoopKind.For => shape.ConstantStep == 1 && shape.Bound is BoundKind.Less or BoundKind.LessOrEqual && shape.IndexType is "int" or "long",
        Analysis.LoopKind.ForeachArray => shape.Syntax is ForEachStatementSyntax,
        _ => false,
    };

    /// <summary>A lambda cannot capture <c>ref</c>/<c>out</c>/<c>in</c> parameters, ref locals, spans, or <c>this</c> of a struct.</summary>
    private static bool CapturesOnlyWhatLambdasCan(StatementSyntax loop, SemanticModel model)
    {
        DataFlowAnalysis? flow = model.AnalyzeDataFlow(loop);
        if (flow is null || !flow.Succeeded)
        {
            return false;
        }

        foreach (ISymbol symbol in flow.ReadInside.Concat(flow.WrittenInside).Where(s => !CapturedVariables.IsDeclaredIn(s, loop.Span, loop.SyntaxTree)))
        {
            switch (symbol)
            {
                case IParameterSymbol { IsThis: true } self when self.Type.IsValueType:
                case IParameterSymbol { RefKind: not RefKind.None }:
                case ILocalSymbol { IsRef: true }:
                case ILocalSymbol { Type.IsRefLikeType: true }:
                case IParameterSymbol { Type.IsRefLikeType: true }:
                    return false;
            }
        }

        return true;
    }
}
