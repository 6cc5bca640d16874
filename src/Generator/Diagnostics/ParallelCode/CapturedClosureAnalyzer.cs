using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AutoParallel.Generator.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Diagnostics;

/// <summary>
/// AP0007: a lambda or local function that runs on several threads at once and writes a variable it shares with them, or a task that
/// captures a variable its loop changes after the capture (<c>for (…; i++) Task.Run(() =&gt; Use(i))</c>). Covers the delegates of
/// <c>Parallel.For/ForEach/Invoke</c>, PLINQ, <c>Task.Run</c>, <c>Task.Factory.StartNew</c> and <c>ThreadPool.QueueUserWorkItem</c>,
/// and lambdas declared in the loop a <c>[Parallelise]</c> method parallelises. Reported on the variable, inside the lambda.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CapturedClosureAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: which rule fired (<see cref="WriteRule"/>, <see cref="LoopVariableRule"/>, <see cref="LoopChangedRule"/>).</summary>
    public const string RuleProperty = "Rule";

    /// <summary>A write to a variable the lambda shares with other threads.</summary>
    public const string WriteRule = "Write";

    /// <summary>A task captures a <c>for</c> loop variable.</summary>
    public const string LoopVariableRule = "LoopVariable";

    /// <summary>A task captures a variable that its enclosing loop changes.</summary>
    public const string LoopChangedRule = "LoopChanged";

    /// <summary>Diagnostic property: the delegate's role (the code fix rewrites only a <c>Parallel.For/ForEach</c> body).</summary>
    public const string RoleProperty = "Role";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CapturedClosure);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationBlockAction(AnalyzeBlock);
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context)
    {
        var reports = new Dictionary<Location, Diagnostic>();
        var calls = context.OperationBlocks
            .SelectMany(block => block.DescendantsAndSelf().OfType<IInvocationOperation>())
            .Where(call => ParallelApi.Classify(call.TargetMethod) != ParallelConstruct.None)
            .ToList();
        var running = calls.Where(call => !IsWaitedForAtOnce(call)).SelectMany(ParallelApi.Delegates).ToList();
        foreach (IInvocationOperation call in calls)
        {
            CheckCall(call, running, reports);
        }

        if (ParallelApi.IsParalleliseMethod(context.OwningSymbol))
        {
            CheckParalleliseTargets(context, reports);
        }

        foreach (Diagnostic diagnostic in reports.Values.OrderBy(d => d.Location.SourceSpan.Start))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>
    /// The writes and captures of the delegates of one parallel call; <paramref name="running"/> is every delegate of the member that may
    /// run while the code after its call goes on (tasks not waited for at once, and the delegates of synchronous parallel calls).
    /// </summary>
    private static void CheckCall(IInvocationOperation call, List<ConcurrentDelegate> running, Dictionary<Location, Diagnostic> reports)
    {
        var delegates = ParallelApi.Delegates(call).ToList();
        bool waitedAt = IsWaitedForAtOnce(call);
        foreach (ConcurrentDelegate function in delegates)
        {
            var uses = CapturedVariables.Uses(function.Function, function.FunctionSyntax.Span, function.FunctionSyntax.SyntaxTree).ToList();
            var reported = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (SharedUse write in uses.Where(u => u.IsWrite))
            {
                string? why = WriteRace(function, write, delegates, waitedAt, running);
                if (why is not null && reported.Add(write.Symbol))
                {
                    Report(reports, write, why, WriteRule, function.Role);
                }
            }

            if (function.Construct != ParallelConstruct.Task || waitedAt)
            {
                continue;
            }

            foreach (SharedUse use in uses.Where(u => u.Symbol is ILocalSymbol))
            {
                if (!reported.Contains(use.Symbol) && LoopChanging((ILocalSymbol)use.Symbol, function) is { } loop)
                {
                    reported.Add(use.Symbol);
                    bool declaredByLoop = loop is IForLoopOperation forLoop && forLoop.Locals.Contains((ILocalSymbol)use.Symbol, SymbolEqualityComparer.Default);
                    string why = declaredByLoop
                        ? $"a for-loop variable that changes after the capture: the work '{function.ApiName}' starts may run with a later value of it (copy it into a local inside the loop)"
                        : $"which the enclosing loop changes after the capture: the work '{function.ApiName}' starts may run with a later value of it (copy it into a local inside the loop)";
                    Report(reports, use, why, declaredByLoop ? LoopVariableRule : LoopChangedRule, function.Role);
                }
            }
        }
    }

    /// <summary>Why writing <paramref name="write"/> from <paramref name="function"/> races, or <see langword="null"/> when it does not.</summary>
    private static string? WriteRace(ConcurrentDelegate function, SharedUse write, List<ConcurrentDelegate> siblings, bool waitedAt, List<ConcurrentDelegate> running)
    {
        switch (function.Role)
        {
            case DelegateRole.Body:
                return $"and writes it while '{function.ApiName}' runs the lambda on several threads at once: updates race and are lost (use the localInit/localFinally overload, Interlocked, or a lock)";
            case DelegateRole.WorkerLocal:
                return $"and writes it in the localInit/localFinally of '{function.ApiName}', which several workers run at once: combine under a lock or with Interlocked";
            case DelegateRole.InvokeAction:
                // Parallel.Invoke(() => left = …, () => right = …) is the classic fork-join: only a variable two actions share races.
                return siblings.Any(other => other.Position != function.Position && other.Role == DelegateRole.InvokeAction && UsesSymbol(other, write.Symbol))
                    ? $"and writes it while another action of '{function.ApiName}' uses it at the same time"
                    : null;
            case DelegateRole.TaskWork:
                // One task writing a result its creator waits for is fine; a loop that starts several tasks writing one variable is
                // not, and neither are two tasks (or a task and a parallel loop) that use the same variable while both may run.
                if (waitedAt)
                {
                    return null;
                }

                if (EnclosingLoopSharing(write.Symbol, function) is not null)
                {
                    return $"and writes it from every task the loop starts with '{function.ApiName}': the tasks race on it";
                }

                // A synchronous parallel call that finished before the task started cannot race with it.
                ConcurrentDelegate? other = running.FirstOrDefault(d => !Overlaps(d, function)
                    && (d.Construct == ParallelConstruct.Task || d.Call.Syntax.SpanStart > function.Call.Syntax.SpanStart)
                    && UsesSymbol(d, write.Symbol));
                return other is null ? null : $"and writes it from '{function.ApiName}' while '{other.ApiName}' may use it at the same time";
            default:
                return null;
        }
    }

    /// <summary>The same delegate, or one nested in the other: not two pieces of work running side by side.</summary>
    private static bool Overlaps(ConcurrentDelegate a, ConcurrentDelegate b)
        => a.FunctionSyntax.SyntaxTree == b.FunctionSyntax.SyntaxTree
            && (a.FunctionSyntax.Span.Contains(b.FunctionSyntax.Span) || b.FunctionSyntax.Span.Contains(a.FunctionSyntax.Span));

    private static bool UsesSymbol(ConcurrentDelegate function, ISymbol symbol)
        => CapturedVariables.Uses(function.Function, function.FunctionSyntax.Span, function.FunctionSyntax.SyntaxTree)
            .Any(u => SymbolEqualityComparer.Default.Equals(u.Symbol, symbol));

    /// <summary>A loop around the call in which <paramref name="symbol"/> is one variable for all iterations (it is not declared in the loop's body).</summary>
    private static ILoopOperation? EnclosingLoopSharing(ISymbol symbol, ConcurrentDelegate function)
        => EnclosingLoops(function.Call).FirstOrDefault(loop => !DeclaredInBody(symbol, loop));

    /// <summary>A loop around the call, sharing <paramref name="local"/> across iterations, that writes it outside the task's code.</summary>
    private static ILoopOperation? LoopChanging(ILocalSymbol local, ConcurrentDelegate function)
        => EnclosingLoops(function.Call).FirstOrDefault(loop => !DeclaredInBody(local, loop)
            && loop.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(reference =>
                SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !function.FunctionSyntax.Span.Contains(reference.Syntax.Span)
                && ValueUsage.Of(reference).IsWrite()));

    private static IEnumerable<ILoopOperation> EnclosingLoops(IOperation operation)
    {
        for (IOperation? node = operation.Parent; node is not null; node = node.Parent)
        {
            if (node is ILoopOperation loop && loop.Body.Syntax.Span.Contains(operation.Syntax.Span))
            {
                yield return loop;
            }
        }
    }

    private static bool DeclaredInBody(ISymbol symbol, ILoopOperation loop)
        => symbol is ILocalSymbol && CapturedVariables.IsDeclaredIn(symbol, loop.Body.Syntax.Span, loop.Syntax.SyntaxTree);

    /// <summary><c>await Task.Run(…)</c>, <c>Task.Run(…).Wait()</c>: the task ends before the code around it goes on.</summary>
    private static bool IsWaitedForAtOnce(IInvocationOperation call)
    {
        IOperation? parent = call.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IAwaitOperation => true,
            IInvocationOperation { TargetMethod.Name: "Wait" or "GetAwaiter" } => true,
            IPropertyReferenceOperation { Property.Name: "Result" } => true,
            _ => false,
        };
    }

    /// <summary>Lambdas and local functions in the loops a <c>[Parallelise]</c> method parallelises run on several threads too.</summary>
    private static void CheckParalleliseTargets(OperationBlockAnalysisContext context, Dictionary<Location, Diagnostic> reports)
    {
        if (context.OwningSymbol is not IMethodSymbol method
            || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax { Body: { } body } syntax
            || !body.DescendantNodes().Any(n => LoopSelection.IsFunction(n) && n.Ancestors().TakeWhile(a => a != body).Any(LoopShape.IsLoop)))
        {
            return;
        }

        IOperation? root = context.OperationBlocks.FirstOrDefault(b => b.Syntax.SyntaxTree == syntax.SyntaxTree && syntax.Span.Contains(b.Syntax.Span));
        AttributeData? attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownSymbols.ParalleliseAttributeName);
        if (root?.SemanticModel is not { } model || attribute is null)
        {
            return;
        }

        CancellationToken cancellationToken = context.CancellationToken;
        var known = new KnownSymbols(context.Compilation);
        LoopSelection selection = LoopSelection.Select(body, method.Name, ParalleliseOptions.From(attribute), model, known, cancellationToken);
        foreach (LoopAnalysis target in selection.Targets)
        {
            var loopBody = target.Shape.BodySyntax;
            IEnumerable<IOperation> functions = ParallelApi.Root(root).DescendantsAndSelf()
                .Where(o => o is IAnonymousFunctionOperation or ILocalFunctionOperation && loopBody.Span.Contains(o.Syntax.Span))
                .Where(o => !o.Syntax.Ancestors().Any(a => a != o.Syntax && loopBody.Span.Contains(a.Span) && LoopSelection.IsFunction(a)));
            foreach (IOperation function in functions)
            {
                var reported = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                // Declared in the loop body: private to an iteration. Anything else the lambda writes, every iteration writes.
                foreach (SharedUse write in CapturedVariables.Uses(function, loopBody.Span, loopBody.SyntaxTree).Where(u => u.IsWrite))
                {
                    if (reported.Add(write.Symbol))
                    {
                        Report(reports, write, $"and writes it from the body of the parallelised loop '{target.Shape.Header}': iterations race on it", WriteRule, DelegateRole.Body, marked: true);
                    }
                }
            }
        }
    }

    private static void Report(Dictionary<Location, Diagnostic> reports, SharedUse use, string why, string rule, DelegateRole role, bool marked = false)
    {
        Location location = use.Reference.Syntax.GetLocation();
        if (reports.ContainsKey(location))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(RuleProperty, rule)
            .Add(RoleProperty, marked ? "Parallelise" : role.ToString());
        reports[location] = Diagnostic.Create(DiagnosticDescriptors.CapturedClosure, location, properties, use.Symbol.Name, why);
    }
}
