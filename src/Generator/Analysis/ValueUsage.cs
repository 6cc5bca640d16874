using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>What an expression that denotes a variable, field or element does to it.</summary>
internal enum Usage
{
    Read,

    /// <summary>Assigned (<c>x = …</c>, <c>out x</c>, a deconstruction target).</summary>
    Write,

    /// <summary>Read and written in one operation (<c>x += …</c>, <c>x++</c>, <c>ref x</c>).</summary>
    ReadWrite,

    /// <summary>Its address or a <c>ref</c> to it escapes (<c>ref var r = ref x</c>, <c>&amp;x</c>): anything may happen later.</summary>
    Escapes,
}

internal static class ValueUsage
{
    /// <summary>How <paramref name="reference"/> (a local, parameter, field, element or property reference) is used by its parent.</summary>
    public static Usage Of(IOperation reference)
    {
        IOperation current = reference;
        IOperation? parent = current.Parent;

        // Writing a field of a struct writes the struct itself.
        while (parent is IFieldReferenceOperation field && field.Instance == current && current.Type?.IsValueType == true)
        {
            current = parent;
            parent = current.Parent;
        }

        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == current:
                return assignment.IsRef ? Usage.Escapes : Usage.Write;
            case ISimpleAssignmentOperation assignment when assignment.IsRef && assignment.Value == current:
                return Usage.Escapes;
            case ICompoundAssignmentOperation compound when compound.Target == current:
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == current:
            case IIncrementOrDecrementOperation:
                return Usage.ReadWrite;
            case IArgumentOperation { Parameter: { } parameter }:
                return parameter.RefKind switch
                {
                    RefKind.Out => Usage.Write,
                    RefKind.Ref => Usage.ReadWrite,
                    _ => Usage.Read,
                };
            case ITupleOperation tuple when IsDeconstructionTarget(tuple):
                return Usage.Write;
            case IDeconstructionAssignmentOperation deconstruction when deconstruction.Target == current:
                return Usage.Write;
            case IVariableInitializerOperation initializer when IsRefLocalInitializer(initializer):
                return Usage.Escapes;
            case IAddressOfOperation:
                return Usage.Escapes;
            case IInvocationOperation invocation when invocation.Instance == current && MayMutateReceiver(invocation):
                return Usage.ReadWrite;
            default:
                return Usage.Read;
        }
    }

    public static bool IsWrite(this Usage usage) => usage != Usage.Read;

    private static bool IsDeconstructionTarget(ITupleOperation tuple)
    {
        IOperation? node = tuple;
        while (node?.Parent is ITupleOperation outer)
        {
            node = outer;
        }

        return node?.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == node;
    }

    private static bool IsRefLocalInitializer(IVariableInitializerOperation initializer)
        => initializer.Parent is IVariableDeclaratorOperation { Symbol.RefKind: RefKind.Ref };

    /// <summary>A non-readonly method called on a struct may change it.</summary>
    private static bool MayMutateReceiver(IInvocationOperation invocation)
        => invocation.Instance?.Type is { IsValueType: true } type
            && !type.IsReadOnly
            && !invocation.TargetMethod.IsReadOnly
            && type.SpecialType == SpecialType.None
            && type.TypeKind != TypeKind.Enum;
}
