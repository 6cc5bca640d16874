using System.Linq;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// AP0004: constructs that leave or suspend the parallel loop (<c>break</c>, <c>return</c>, <c>goto</c>, <c>yield</c>, <c>await</c>).
/// <c>continue</c> of the loop, and <c>break</c>/<c>continue</c> of loops nested inside it, are ordinary code; so is anything
/// inside a lambda or local function declared in the body.
/// </summary>
internal static class ControlFlowCheck
{
    public static void Check(LoopScope scope, LoopFindings findings)
    {
        ILoopOperation? loop = scope.Loop.Operation;
        foreach (IOperation operation in scope.Operations)
        {
            if (InNestedFunction(operation, loop))
            {
                continue;
            }

            string? problem = operation switch
            {
                IBranchOperation { BranchKind: BranchKind.Break } branch when SymbolEqualityComparer.Default.Equals(branch.Target, loop?.ExitLabel)
                    => "it leaves the parallel loop; iterations run in no particular order, so there is no 'after' to stop at",
                IBranchOperation { BranchKind: BranchKind.GoTo } branch when branch.Syntax is GotoStatementSyntax { CaseOrDefaultKeyword.RawKind: 0 }
                    => "a goto cannot jump within or out of a loop whose iterations run in parallel",
                IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak }
                    => "an iterator cannot yield from iterations that run in parallel",
                IReturnOperation
                    => "it leaves the method from one iteration while the others keep running",
                IAwaitOperation
                    => "an iteration cannot be suspended in the middle of a parallel loop",
                IForEachLoopOperation { IsAsynchronous: true } or IUsingOperation { IsAsynchronous: true } or IUsingDeclarationOperation { IsAsynchronous: true }
                    => "an iteration cannot be suspended in the middle of a parallel loop",
                IInstanceReferenceOperation { Syntax: BaseExpressionSyntax }
                    => "'base' cannot be reached from the generated loop body; call a method of this type that uses it instead",
                IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call when !scope.BodySpan.Contains(call.TargetMethod.DeclaringSyntaxReferences.FirstOrDefault()?.Span ?? default)
                    => $"it calls the local function '{call.TargetMethod.Name}' declared outside the loop, which the generated loop body cannot see; make it a static method of the type",
                IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference when !scope.BodySpan.Contains(reference.Method.DeclaringSyntaxReferences.FirstOrDefault()?.Span ?? default)
                    => $"it uses the local function '{reference.Method.Name}' declared outside the loop, which the generated loop body cannot see; make it a static method of the type",
                _ => null,
            };

            if (problem is not null)
            {
                SyntaxNode at = operation.Syntax is BaseExpressionSyntax ? operation.Syntax.Parent ?? operation.Syntax : operation.Syntax;
                findings.Report(DiagnosticDescriptors.UnsupportedConstruct, at.GetLocation(), Shorten(at.ToString()), problem);
            }
        }
    }

    /// <summary>Whether an operation sits in a lambda or local function inside the loop body (its own control flow).</summary>
    public static bool InNestedFunction(IOperation operation, IOperation? loop)
    {
        for (IOperation? node = operation.Parent; node is not null && node != loop; node = node.Parent)
        {
            if (node is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static string Shorten(string text)
    {
        string single = LoopShape.CollapseWhitespace(text);
        return single.Length <= 60 ? single : single.Substring(0, 57) + "...";
    }
}
