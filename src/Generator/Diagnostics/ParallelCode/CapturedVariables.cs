using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.Generator.Diagnostics;

/// <summary>One use of shared state inside a function: a captured local or parameter, or a field of <c>this</c> or a static field.</summary>
internal readonly struct SharedUse
{
    public SharedUse(ISymbol symbol, IOperation reference, bool isWrite)
    {
        Symbol = symbol;
        Reference = reference;
        IsWrite = isWrite;
    }

    public ISymbol Symbol { get; }

    /// <summary>The reference expression (<c>sum</c> in <c>sum += x</c>): where AP0007 is reported.</summary>
    public IOperation Reference { get; }

    /// <summary>An unsynchronised write: assigned, updated, passed by <c>ref</c>/<c>out</c>, or its address taken.</summary>
    public bool IsWrite { get; }
}

/// <summary>
/// The variables a lambda or local function shares with the code around it, and which of them it writes without synchronisation.
/// A write inside a <c>lock</c> statement, or through <c>Interlocked</c> or <c>Volatile</c>, is synchronised and not a race.
/// </summary>
internal static class CapturedVariables
{
    /// <summary>Every use, in <paramref name="function"/> and the functions nested in it, of state declared outside <paramref name="owner"/>.</summary>
    public static IEnumerable<SharedUse> Uses(IOperation function, TextSpan owner, SyntaxTree tree)
    {
        foreach (IOperation operation in function.Descendants())
        {
            ISymbol? symbol = operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field when IsSharedField(field) => field.Field,
                _ => null,
            };

            if (symbol is null || (symbol is not IFieldSymbol && IsDeclaredIn(symbol, owner, tree)))
            {
                continue;
            }

            yield return new SharedUse(symbol, operation, IsUnsynchronisedWrite(operation, function));
        }
    }

    /// <summary>Whether <paramref name="symbol"/> (a local or parameter) is declared inside <paramref name="span"/> of <paramref name="tree"/>.</summary>
    public static bool IsDeclaredIn(ISymbol symbol, TextSpan span, SyntaxTree tree)
        => symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == tree && span.Contains(r.Span));

    /// <summary>A static field (not <c>[ThreadStatic]</c>, which each thread has its own copy of), or a field of <c>this</c>.</summary>
    private static bool IsSharedField(IFieldReferenceOperation field)
    {
        if (field.Field.IsConst)
        {
            return false;
        }

        if (field.Field.IsStatic)
        {
            return !field.Field.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ThreadStaticAttribute");
        }

        return field.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
    }

    private static bool IsUnsynchronisedWrite(IOperation reference, IOperation function)
    {
        if (!ValueUsage.Of(reference).IsWrite() || IsReceiverOfCall(reference))
        {
            return false;
        }

        // Interlocked.Add(ref sum, x), Volatile.Write(ref flag, true): atomic.
        IOperation? parent = reference.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IArgumentOperation { Parent: IInvocationOperation call }
            && call.TargetMethod.ContainingType?.ToDisplayString() is "System.Threading.Interlocked" or "System.Threading.Volatile")
        {
            return false;
        }

        for (IOperation? node = reference.Parent; node is not null && node != function; node = node.Parent)
        {
            if (node is ILockOperation)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>s.Method()</c> on a struct: the loop analysis counts it as a possible write; here only assignments count.</summary>
    private static bool IsReceiverOfCall(IOperation reference)
    {
        IOperation current = reference;
        while (current.Parent is IFieldReferenceOperation field && field.Instance == current && current.Type?.IsValueType == true)
        {
            current = current.Parent;
        }

        return current.Parent is IInvocationOperation call && call.Instance == current;
    }
}
