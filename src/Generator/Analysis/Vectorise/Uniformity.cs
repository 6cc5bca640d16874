using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis.Vectorise;

/// <summary>
/// Which values of a <c>[Vectorise]</c> kernel differ between lanes ("varying": they depend on a span parameter) and which are the
/// same in every lane ("uniform": constants, <c>[Scalar]</c> parameters, loop counters of loops that every lane runs alike).
/// Uniform values stay scalar C# in the generated code; only varying ones become vectors.
/// </summary>
/// <remarks>
/// A local is varying when it is assigned a varying value, or assigned under control flow that differs between lanes (a branch or
/// loop whose condition is varying) that began after the local was declared: lanes that skip the assignment keep another value.
/// A local declared inside such a branch and assigned only there stays uniform, since no lane outside the branch can see it.
/// Lanes that have returned are not counted: their values no longer matter.
/// </remarks>
internal sealed class Uniformity
{
    private readonly HashSet<IParameterSymbol> _varyingParameters;
    private readonly HashSet<ILocalSymbol> _varyingLocals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILoopOperation> _varyingLoops = new();
    private readonly Dictionary<ILocalSymbol, int> _declarationDepth = new(SymbolEqualityComparer.Default);
    private bool _changed;

    private Uniformity(IEnumerable<IParameterSymbol> varyingParameters)
    {
        _varyingParameters = new HashSet<IParameterSymbol>(varyingParameters, SymbolEqualityComparer.Default);
    }

    public static Uniformity Of(IOperation body, IEnumerable<IParameterSymbol> varyingParameters)
    {
        var uniformity = new Uniformity(varyingParameters);
        do
        {
            uniformity._changed = false;
            uniformity.Walk(body, 0);
        }
        while (uniformity._changed);

        return uniformity;
    }

    public bool IsVarying(ILocalSymbol local) => _varyingLocals.Contains(local);

    /// <summary>A loop whose lanes may leave it at different iterations (varying condition, or a break/continue under a varying branch).</summary>
    public bool IsVarying(ILoopOperation loop) => _varyingLoops.Contains(loop);

    public IEnumerable<ILocalSymbol> VaryingLocals => _varyingLocals;

    /// <summary>Whether the value of <paramref name="operation"/> can differ between lanes.</summary>
    public bool IsVarying(IOperation? operation) => operation switch
    {
        null => false,
        IParameterReferenceOperation parameter => _varyingParameters.Contains(parameter.Parameter),
        ILocalReferenceOperation local => _varyingLocals.Contains(local.Local),
        _ => operation.ChildOperations.Any(IsVarying),
    };

    /// <summary>Walks statements; <paramref name="depth"/> counts the enclosing lane-dependent branches and loops.</summary>
    private void Walk(IOperation operation, int depth)
    {
        switch (operation)
        {
            case IConditionalOperation conditional when conditional.Type is null || conditional.Type.SpecialType == SpecialType.System_Void:
                int branchDepth = IsVarying(conditional.Condition) ? depth + 1 : depth;
                Walk(conditional.Condition, depth);
                Walk(conditional.WhenTrue, branchDepth);
                if (conditional.WhenFalse is not null)
                {
                    Walk(conditional.WhenFalse, branchDepth);
                }

                return;

            case ILoopOperation loop:
                WalkLoop(loop, depth);
                return;

            case IVariableDeclaratorOperation declarator:
                if (!_declarationDepth.ContainsKey(declarator.Symbol))
                {
                    _declarationDepth[declarator.Symbol] = depth;
                }

                if (declarator.Initializer is { } initializer)
                {
                    Walk(initializer.Value, depth);
                    Assigned(declarator.Symbol, IsVarying(initializer.Value), depth);
                }

                return;

            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                Walk(assignment.Value, depth);
                Assigned(target.Local, IsVarying(assignment.Value), depth);
                return;

            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound:
                Walk(compound.Value, depth);
                Assigned(target.Local, IsVarying(compound.Value), depth);
                return;

            case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                Assigned(target.Local, false, depth);
                return;

            case ISimpleAssignmentOperation { Target: IParameterReferenceOperation target } assignment:
                Walk(assignment.Value, depth);
                ParameterAssigned(target, IsVarying(assignment.Value), depth);
                return;

            case ICompoundAssignmentOperation { Target: IParameterReferenceOperation target } compound:
                Walk(compound.Value, depth);
                ParameterAssigned(target, IsVarying(compound.Value), depth);
                return;

            case IIncrementOrDecrementOperation { Target: IParameterReferenceOperation target }:
                ParameterAssigned(target, false, depth);
                return;
        }

        foreach (IOperation child in operation.ChildOperations)
        {
            Walk(child, depth);
        }
    }

    private void WalkLoop(ILoopOperation loop, int depth)
    {
        IOperation? condition = loop switch
        {
            IForLoopOperation forLoop => forLoop.Condition,
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            _ => null,
        };

        if (loop is IForLoopOperation header)
        {
            foreach (IOperation before in header.Before)
            {
                Walk(before, depth);
            }
        }

        if (!_varyingLoops.Contains(loop) && (IsVarying(condition) || LeavesUnderVaryingBranch(loop)))
        {
            _varyingLoops.Add(loop);
            _changed = true;
        }

        int inner = _varyingLoops.Contains(loop) ? depth + 1 : depth;
        if (condition is not null)
        {
            Walk(condition, inner);
        }

        Walk(loop.Body, inner);
        if (loop is IForLoopOperation withIncrements)
        {
            foreach (IOperation increment in withIncrements.AtLoopBottom)
            {
                Walk(increment, inner);
            }
        }
    }

    /// <summary>A <c>break</c> or <c>continue</c> of this loop inside a branch on a varying condition: lanes leave it apart.</summary>
    private bool LeavesUnderVaryingBranch(ILoopOperation loop)
        => Branches(loop.Body, loop, varying: false);

    private bool Branches(IOperation operation, ILoopOperation loop, bool varying)
    {
        switch (operation)
        {
            case IBranchOperation branch when branch.BranchKind is BranchKind.Break or BranchKind.Continue:
                return varying && (SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel) || SymbolEqualityComparer.Default.Equals(branch.Target, loop.ContinueLabel));
            case IConditionalOperation conditional when conditional.Type is null || conditional.Type.SpecialType == SpecialType.System_Void:
                bool inner = varying || IsVarying(conditional.Condition);
                return Branches(conditional.WhenTrue, loop, inner) || (conditional.WhenFalse is not null && Branches(conditional.WhenFalse, loop, inner));
            case ILoopOperation nested:
                // A nested loop's own break/continue are its business; a varying nested loop makes the lanes differ in it.
                return nested.ChildOperations.Any(child => Branches(child, loop, varying || _varyingLoops.Contains(nested)));
            default:
                return operation.ChildOperations.Any(child => Branches(child, loop, varying));
        }
    }

    /// <summary>
    /// A <c>[Scalar]</c> parameter assigned a varying value, or under a varying branch: it would need a value per lane, but it is
    /// one value in the generated code. The first such assignment, if any (the kernel then runs as a scalar loop).
    /// </summary>
    public IParameterReferenceOperation? ScalarParameterMadeVarying { get; private set; }

    private void ParameterAssigned(IParameterReferenceOperation target, bool varyingValue, int depth)
    {
        if (!_varyingParameters.Contains(target.Parameter) && (varyingValue || depth > 0))
        {
            ScalarParameterMadeVarying ??= target;
        }
    }

    private void Assigned(ILocalSymbol local, bool varyingValue, int depth)
    {
        int declared = _declarationDepth.TryGetValue(local, out int d) ? d : 0;
        if ((varyingValue || depth > declared) && _varyingLocals.Add(local))
        {
            _changed = true;
        }
    }
}
