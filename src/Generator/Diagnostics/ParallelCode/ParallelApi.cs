using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Diagnostics;

/// <summary>What a call to a .NET parallel API starts, as far as the rules for hand-written parallel code care.</summary>
internal enum ParallelConstruct
{
    None,

    /// <summary><c>Parallel.For</c>, <c>ForEach</c>, <c>ForAsync</c>, <c>ForEachAsync</c>: the body runs once per iteration, on many threads at once.</summary>
    Loop,

    /// <summary><c>Parallel.Invoke</c>: each action runs once, at the same time as the others.</summary>
    Invoke,

    /// <summary>A <c>ParallelEnumerable</c> (PLINQ) operator: its delegates run once per element, on many threads at once.</summary>
    Plinq,

    /// <summary><c>Task.Run</c>, <c>TaskFactory.StartNew</c>, <c>ThreadPool.QueueUserWorkItem</c>: one delegate, run later on another thread.</summary>
    Task,
}

/// <summary>The role of a delegate passed to a parallel API.</summary>
internal enum DelegateRole
{
    /// <summary>The loop body of <c>Parallel.For</c>/<c>ForEach</c>, or a PLINQ delegate: runs per iteration, concurrently.</summary>
    Body,

    /// <summary><c>localInit</c>/<c>localFinally</c> of <c>Parallel.For</c>/<c>ForEach</c>: runs once per worker, concurrently.</summary>
    WorkerLocal,

    /// <summary>One action of <c>Parallel.Invoke</c>.</summary>
    InvokeAction,

    /// <summary>The work of a task or thread-pool item.</summary>
    TaskWork,
}

/// <summary>A lambda, anonymous method or local function handed to a parallel API, with the code it runs.</summary>
internal sealed class ConcurrentDelegate
{
    public ConcurrentDelegate(IInvocationOperation call, ParallelConstruct construct, DelegateRole role, IOperation function, SyntaxNode functionSyntax, int position)
    {
        Call = call;
        Construct = construct;
        Role = role;
        Function = function;
        FunctionSyntax = functionSyntax;
        Position = position;
    }

    /// <summary>The call that runs the delegate.</summary>
    public IInvocationOperation Call { get; }

    public ParallelConstruct Construct { get; }

    public DelegateRole Role { get; }

    /// <summary>The <see cref="IAnonymousFunctionOperation"/> or <see cref="ILocalFunctionOperation"/>.</summary>
    public IOperation Function { get; }

    /// <summary>The lambda or local function declaration: what is declared inside it is not captured.</summary>
    public SyntaxNode FunctionSyntax { get; }

    /// <summary>Which delegate of the call it is (for <c>Parallel.Invoke</c>, which action).</summary>
    public int Position { get; }

    /// <summary>The API as users write it: <c>Parallel.For</c>, <c>Task.Run</c>.</summary>
    public string ApiName => ParallelApi.Name(Call.TargetMethod);
}

/// <summary>
/// Recognises the .NET parallel APIs (TPL's <c>Parallel</c>, PLINQ, tasks and the thread pool), the delegates they run concurrently,
/// and the parallel body, if any, that a piece of code runs in.
/// </summary>
internal static class ParallelApi
{
    public static ParallelConstruct Classify(IMethodSymbol method)
    {
        INamedTypeSymbol? type = method.ContainingType;

        // Called for every invocation: the type's simple name rules out almost every call before its namespace is formatted.
        if (type?.Name is not ("Parallel" or "ParallelEnumerable" or "Task" or "TaskFactory" or "ThreadPool"))
        {
            return ParallelConstruct.None;
        }

        string ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return (ns, type.Name, method.Name) switch
        {
            ("System.Threading.Tasks", "Parallel", "For" or "ForEach" or "ForAsync" or "ForEachAsync") => ParallelConstruct.Loop,
            ("System.Threading.Tasks", "Parallel", "Invoke") => ParallelConstruct.Invoke,
            ("System.Linq", "ParallelEnumerable", _) => ParallelConstruct.Plinq,
            ("System.Threading.Tasks", "Task", "Run") => ParallelConstruct.Task,
            ("System.Threading.Tasks", "TaskFactory", "StartNew") => ParallelConstruct.Task,
            ("System.Threading", "ThreadPool", "QueueUserWorkItem" or "UnsafeQueueUserWorkItem") => ParallelConstruct.Task,
            _ => ParallelConstruct.None,
        };
    }

    /// <summary>A synchronous <c>Parallel.For</c> or <c>Parallel.ForEach</c> (the loops AP0005 moves outwards).</summary>
    public static bool IsParallelLoop(IMethodSymbol method)
        => Classify(method) == ParallelConstruct.Loop && method.Name is "For" or "ForEach";

    /// <summary><c>Parallel.For</c>, <c>Task.Run</c>, <c>ParallelEnumerable.Sum</c>: the type and method as users write them.</summary>
    public static string Name(IMethodSymbol method)
    {
        string type = method.ContainingType?.Name ?? string.Empty;
        if (type == "TaskFactory")
        {
            type = "Task.Factory";
        }

        return type + "." + method.Name;
    }

    /// <summary>
    /// The outermost call of a PLINQ chain (<c>a.AsParallel().Where(…).Sum()</c>): a call whose result feeds another PLINQ operator is
    /// part of the same query and is not reported on its own.
    /// </summary>
    public static bool IsOutermostPlinqCall(IInvocationOperation call)
    {
        IOperation current = call;
        IOperation? parent = call.Parent;
        while (parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        if (parent is IArgumentOperation { Parent: IInvocationOperation outer } argument && argument.Value == current
            && Classify(outer.TargetMethod) == ParallelConstruct.Plinq && outer.TargetMethod.IsExtensionMethod
            && argument.Parameter?.Ordinal == 0)
        {
            return false;
        }

        return !(parent is IInvocationOperation { Instance: { } instance } receiverCall && instance == current
            && Classify(receiverCall.TargetMethod) == ParallelConstruct.Plinq);
    }

    /// <summary>The delegates a parallel call runs on other threads, with their roles.</summary>
    public static IEnumerable<ConcurrentDelegate> Delegates(IInvocationOperation call)
    {
        ParallelConstruct construct = Classify(call.TargetMethod);
        if (construct == ParallelConstruct.None)
        {
            yield break;
        }

        int position = 0;
        foreach (IArgumentOperation argument in call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            DelegateRole? role = RoleOf(construct, argument.Parameter?.Name);
            if (role is null)
            {
                continue;
            }

            foreach (IOperation value in DelegateValues(argument.Value))
            {
                if (FunctionOf(value) is { } function)
                {
                    yield return new ConcurrentDelegate(call, construct, role.Value, function.Operation, function.Syntax, position);
                }

                position++;
            }
        }
    }

    private static DelegateRole? RoleOf(ParallelConstruct construct, string? parameter) => construct switch
    {
        ParallelConstruct.Loop when parameter == "body" => DelegateRole.Body,
        ParallelConstruct.Loop when parameter is "localInit" or "localFinally" => DelegateRole.WorkerLocal,
        ParallelConstruct.Invoke when parameter == "actions" => DelegateRole.InvokeAction,
        ParallelConstruct.Plinq => DelegateRole.Body,
        ParallelConstruct.Task => DelegateRole.TaskWork,
        _ => null,
    };

    /// <summary>The delegate expressions of an argument: one, or the elements of a <c>params</c> array (<c>Parallel.Invoke</c>).</summary>
    private static IEnumerable<IOperation> DelegateValues(IOperation value)
    {
        value = LoopShape.Strip(value);
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            return initializer.ElementValues.Select(LoopShape.Strip);
        }

        return new[] { value };
    }

    /// <summary>The lambda or local function a delegate expression stands for.</summary>
    private static (IOperation Operation, SyntaxNode Syntax)? FunctionOf(IOperation value)
    {
        if (value is not IDelegateCreationOperation creation)
        {
            return null;
        }

        switch (LoopShape.Strip(creation.Target))
        {
            case IAnonymousFunctionOperation lambda:
                return (lambda, lambda.Syntax);
            case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                ILocalFunctionOperation? local = Root(value).DescendantsAndSelf().OfType<ILocalFunctionOperation>()
                    .FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.Symbol, reference.Method.OriginalDefinition)
                        || SymbolEqualityComparer.Default.Equals(f.Symbol, reference.Method));
                return local is null ? null : (local, local.Syntax);
            default:
                return null;
        }
    }

    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>
    /// The innermost concurrent delegate that <paramref name="operation"/> runs in: a lambda or local function handed to a parallel API
    /// (directly, or because a function it is nested in was). Only the roles in <paramref name="roles"/> count.
    /// </summary>
    public static ConcurrentDelegate? EnclosingDelegate(IOperation operation, params DelegateRole[] roles)
    {
        for (IOperation? node = operation.Parent; node is not null; node = node.Parent)
        {
            if (node is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
            {
                continue;
            }

            foreach (ConcurrentDelegate candidate in CallsRunning(node))
            {
                if (roles.Contains(candidate.Role))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The parallel calls that run <paramref name="function"/> (a lambda argument, or a local function passed by name).</summary>
    private static IEnumerable<ConcurrentDelegate> CallsRunning(IOperation function)
    {
        if (function is IAnonymousFunctionOperation)
        {
            IOperation? node = function.Parent;
            while (node is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation or IArrayInitializerOperation or IArrayCreationOperation)
            {
                node = node.Parent;
            }

            if (node is IArgumentOperation { Parent: IInvocationOperation call })
            {
                return Delegates(call).Where(d => d.Function == function);
            }

            return Enumerable.Empty<ConcurrentDelegate>();
        }

        var local = (ILocalFunctionOperation)function;
        return Root(function).DescendantsAndSelf()
            .OfType<IInvocationOperation>()
            .Where(call => Classify(call.TargetMethod) != ParallelConstruct.None)
            .SelectMany(Delegates)
            .Where(d => d.Function is ILocalFunctionOperation f && SymbolEqualityComparer.Default.Equals(f.Symbol, local.Symbol));
    }

    /// <summary>Whether <paramref name="method"/> (a member being analysed) carries <c>[Parallelise]</c>: its loops are the loop analysis's.</summary>
    public static bool IsParalleliseMethod(ISymbol? method)
        => method is IMethodSymbol m
            && m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownSymbols.ParalleliseAttributeName);
}
