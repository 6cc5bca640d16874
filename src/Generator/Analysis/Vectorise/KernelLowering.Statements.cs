using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis.Vectorise;

/// <summary>Statements: declarations, assignments, branches, loops and returns, each under the mask of the lanes it runs for.</summary>
internal sealed partial class KernelLowering
{
    /// <summary>Lowers statements in order; returns whether the end is reachable (statements after a return are skipped, as C# never runs them).</summary>
    private bool LowerStatements(IEnumerable<IOperation> statements, Region region)
    {
        foreach (IOperation statement in statements)
        {
            if (!LowerStatement(statement, region))
            {
                return false;
            }
        }

        return true;
    }

    private bool LowerStatement(IOperation statement, Region region)
    {
        switch (statement)
        {
            case IBlockOperation block:
                _body.WriteLine("{");
                bool reaches;
                using (Indent())
                {
                    reaches = LowerStatements(block.Operations, region);
                }

                _body.WriteLine("}");
                return reaches;

            case IEmptyOperation:
                return true;

            case IVariableDeclarationGroupOperation group:
                foreach (IVariableDeclaratorOperation declarator in group.Declarations.SelectMany(d => d.Declarators))
                {
                    Declare(declarator, region);
                }

                return true;

            case IExpressionStatementOperation { Operation: IThrowOperation }:
            case IThrowOperation:
                return Throw(region);

            case IExpressionStatementOperation expression:
                Assign(expression.Operation, region);
                return true;

            case IConditionalOperation conditional:
                return If(conditional, region);

            case IForLoopOperation or IWhileLoopOperation:
                return _uniformity.IsVarying((ILoopOperation)statement) ? LaneLoop((ILoopOperation)statement, region) : UniformLoop((ILoopOperation)statement, region);

            case IReturnOperation { ReturnedValue: { } value }:
                return Return(value, region);

            case IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } branch:
                return Branch(branch, region);

            default:
                throw new NotVectorisableException(statement.Syntax, "this kind of statement has no lane-wise form");
        }
    }

    private void Declare(IVariableDeclaratorOperation declarator, Region region)
    {
        ILocalSymbol local = declarator.Symbol;
        string name = Identifiers.Escape(local.Name);
        IOperation? initial = declarator.Initializer?.Value;
        if (!_uniformity.IsVarying(local))
        {
            string type = local.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            _body.WriteLine(initial is null ? $"{type} {name};" : $"{type} {name} = {Uniform(initial).Code};");
            return;
        }

        LaneType laneType = TypeOf(local.Type, declarator.Syntax);
        string value = initial is null ? $"{laneType.VectorOf(Width)}.Zero" : Vector(Lower(initial, region));
        _body.WriteLine($"{laneType.VectorOf(Width)} {name} = {value};");
    }

    /// <summary>An assignment, compound assignment, <c>++</c> or <c>--</c> of a local or a parameter.</summary>
    private void Assign(IOperation operation, Region region)
    {
        IOperation? target = operation switch
        {
            ISimpleAssignmentOperation simple => simple.Target,
            ICompoundAssignmentOperation compound => compound.Target,
            IIncrementOrDecrementOperation step => step.Target,
            _ => throw new NotVectorisableException(operation.Syntax, "a statement with side effects has no lane-wise form (only assignments of locals are translated)"),
        };

        if (target is not ILocalReferenceOperation and not IParameterReferenceOperation)
        {
            throw new NotVectorisableException(target.Syntax, "it writes memory that every lane would share; only locals and parameters are translated");
        }

        if (!_uniformity.IsVarying(target))
        {
            CheckPure(operation, allowAssignments: true);
            _body.WriteLine(operation.Syntax + ";");
            return;
        }

        LaneType type = TypeOf(target.Type, target.Syntax);
        string name = Lower(target, region).Code;
        string value = operation switch
        {
            ISimpleAssignmentOperation simple => Vector(Lower(simple.Value, region)),
            ICompoundAssignmentOperation compound => Vector(CompoundValue(compound, region)),
            IIncrementOrDecrementOperation step => Vector(Step(step, region)),
            _ => throw new NotVectorisableException(operation.Syntax, "unexpected assignment"),
        };

        WriteMasked(name, type, value, region.Lanes);
    }

    private void WriteMasked(string name, LaneType type, string value, string? lanes)
        => _body.WriteLine(lanes is null ? $"{name} = {value};" : $"{name} = {Select(lanes, type, value, name)};");

    private bool If(IConditionalOperation conditional, Region region)
    {
        if (!_uniformity.IsVarying(conditional.Condition))
        {
            _body.WriteLine($"if ({Uniform(conditional.Condition).Code})");
            bool reaches = LowerBranch(conditional.WhenTrue, region);
            if (conditional.WhenFalse is null)
            {
                return true;
            }

            _body.WriteLine("else");
            return LowerBranch(conditional.WhenFalse, region) || reaches;
        }

        string condition = Temporary("if");
        _body.WriteLine($"// if ({conditional.Condition.Syntax}): each branch runs for the lanes that take it");
        _body.WriteLine($"{MaskVector} {condition} = {Vector(Lower(conditional.Condition, region))};");
        string? lanes = BranchLanes(region, conditional.WhenTrue);
        WriteMaskedBranch(conditional.WhenTrue, region, lanes is null ? condition : $"{lanes} & {condition}");
        if (conditional.WhenFalse is not null)
        {
            WriteMaskedBranch(conditional.WhenFalse, region, $"{Vectors}.AndNot({BranchLanes(region, conditional.WhenFalse) ?? AllLanes}, {condition})");
        }

        return true;
    }

    /// <summary>
    /// The lanes a varying branch here chooses among, for <paramref name="body"/>: the region's. Outside a loop lanes leave
    /// apart (whose masks drop the lanes that return, since a return leaves every enclosing loop) the region's mask still holds
    /// lanes that have returned; when the body runs scalar code that the scalar kernel, having returned, never runs (a division
    /// by a counter that is zero, a call that throws, a loop), it is narrowed by the active lanes, so that a branch only
    /// returned lanes would take is skipped. Other bodies only assign masked vectors, harmless for those lanes, and keep the
    /// cheaper mask (one AND less in the Mandelbrot escape loop).
    /// </summary>
    private string? BranchLanes(Region region, IOperation body)
        => region.Loop is null && _mayDeactivate && RunsScalarCode(body) ? BailLanes(region) : region.Lanes;

    /// <summary>Whether <paramref name="body"/> has a loop, a call, or an integer division or remainder (which may divide by zero).</summary>
    private static bool RunsScalarCode(IOperation body) => body.DescendantsAndSelf().Any(operation => operation switch
    {
        ILoopOperation or IInvocationOperation => true,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } division => !IsFloatingPoint(division.Type),
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } division => !IsFloatingPoint(division.Type),
        _ => false,
    });

    private static bool IsFloatingPoint(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

    private void WriteMaskedBranch(IOperation branch, Region region, string mask)
    {
        string lanes = Temporary("lanes");
        _body.WriteLine($"{MaskVector} {lanes} = {mask};");
        _body.WriteLine($"if ({lanes} != {NoLanes})");
        LowerBranch(branch, region.WithBranch(lanes));
    }

    /// <summary>A branch or loop body, always in braces.</summary>
    private bool LowerBranch(IOperation body, Region region)
    {
        _body.WriteLine("{");
        bool reaches;
        using (Indent())
        {
            reaches = LowerStatements(ChildStatements(body), region);
        }

        _body.WriteLine("}");
        return reaches;
    }

    /// <summary>A loop every lane runs alike: its header stays scalar C#.</summary>
    private bool UniformLoop(ILoopOperation loop, Region region)
    {
        foreach (IOperation part in loop.ChildOperations.Where(child => child != loop.Body))
        {
            CheckPure(part, allowAssignments: true);
        }

        switch (loop.Syntax)
        {
            case ForStatementSyntax header:
                string first = header.Declaration?.ToString() ?? string.Join(", ", header.Initializers);
                _body.WriteLine($"for ({first}; {header.Condition}; {string.Join(", ", header.Incrementors)})");
                break;
            case WhileStatementSyntax header:
                _body.WriteLine($"while ({header.Condition})");
                break;
            case DoStatementSyntax:
                _body.WriteLine("do");
                break;
            default:
                throw new NotVectorisableException(loop.Syntax, "this kind of loop has no lane-wise form");
        }

        LowerBranch(loop.Body, region);
        if (loop.Syntax is DoStatementSyntax doLoop)
        {
            _body.WriteLine($"while ({doLoop.Condition});");
        }

        // C# treats the end of a loop whose condition is always true as reachable only through a break.
        IOperation? condition = (loop as IForLoopOperation)?.Condition ?? (loop as IWhileLoopOperation)?.Condition;
        bool endless = condition is null || condition.ConstantValue is { HasValue: true, Value: true };
        return !endless || loop.Body.Descendants().OfType<IBranchOperation>().Any(b => SymbolEqualityComparer.Default.Equals(b.Target, loop.ExitLabel));
    }

    /// <summary>
    /// A loop lanes leave at different iterations: it runs while any lane is still in it; each pass's assignments are masked by
    /// the lanes still running it.
    /// </summary>
    private bool LaneLoop(ILoopOperation loop, Region region)
    {
        IOperation? condition = (loop as IForLoopOperation)?.Condition ?? (loop as IWhileLoopOperation)?.Condition;
        bool conditionAtTop = loop is not IWhileLoopOperation { ConditionIsTop: false };
        bool lanesLeave = loop.Body.Descendants().Any(d => d is IReturnOperation or IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue });
        string remaining = Temporary("loop");
        string iteration = lanesLeave ? Temporary("pass") : remaining;
        var state = new VaryingLoop(remaining, iteration, lanesLeave);
        _varyingLoopLabels[loop.ExitLabel] = (state, true);
        _varyingLoopLabels[loop.ContinueLabel] = (state, false);

        _body.WriteLine("{");
        using (Indent())
        {
            if (loop is IForLoopOperation header)
            {
                LowerStatements(header.Before, region);
            }

            _body.WriteLine($"// {LoopHeader(loop)}: lanes leave this loop at different iterations; it runs while any lane is in it");
            // Lanes that returned already must not enter: their values no longer change, so they might never leave.
            _body.WriteLine($"{MaskVector} {remaining} = {BailLanes(region) ?? AllLanes};");
            _body.WriteLine("while (true)");
            _body.WriteLine("{");
            using (Indent())
            {
                if (conditionAtTop)
                {
                    WriteLoopTest(condition, state, region);
                }

                if (lanesLeave)
                {
                    _body.WriteLine($"{MaskVector} {iteration} = {remaining};");
                }

                Region inside = region.Inside(state);
                LowerStatements(ChildStatements(loop.Body), inside);
                if (loop is IForLoopOperation withIncrements && withIncrements.AtLoopBottom.Length > 0)
                {
                    // Lanes that continued step too; lanes that broke out do not.
                    Region stepping = region.Inside(new VaryingLoop(remaining, remaining, false));
                    foreach (IOperation increment in withIncrements.AtLoopBottom)
                    {
                        LowerStatement(increment, stepping);
                    }
                }

                if (!conditionAtTop)
                {
                    WriteLoopTest(condition, state, region);
                }
            }

            _body.WriteLine("}");
        }

        _body.WriteLine("}");
        return true;
    }

    private void WriteLoopTest(IOperation? condition, VaryingLoop state, Region region)
    {
        if (condition is not null && condition.ConstantValue is not { HasValue: true, Value: true })
        {
            Region testing = region.Inside(new VaryingLoop(state.Remaining, state.Remaining, false));
            _body.WriteLine($"{state.Remaining} &= {Vector(Lower(condition, testing))};");
        }

        _body.WriteLine($"if ({state.Remaining} == {NoLanes})");
        _body.WriteLine("{");
        _body.WriteLine("    break;");
        _body.WriteLine("}");
    }

    private static string LoopHeader(ILoopOperation loop) => loop.Syntax switch
    {
        ForStatementSyntax header => $"for ({header.Declaration?.ToString() ?? string.Join(", ", header.Initializers)}; {header.Condition}; {string.Join(", ", header.Incrementors)})",
        WhileStatementSyntax header => $"while ({header.Condition})",
        DoStatementSyntax header => $"do … while ({header.Condition})",
        _ => loop.Syntax.ToString(),
    };

    private bool Return(IOperation value, Region region)
    {
        string lanesValue = Vector(Lower(value, region));
        string? lanes = region.Lanes;
        if (lanes is null)
        {
            WriteMasked(Result, _resultType, lanesValue, _mayDeactivate ? Active : null);
            _body.WriteLine(ReturnMarker);
            return false;
        }

        WriteMasked(Result, _resultType, lanesValue, $"({lanes} & {Active})");
        _body.WriteLine($"{Active} = {Vectors}.AndNot({Active}, {lanes});");
        foreach (VaryingLoop loop in region.Loops)
        {
            LeaveLoop(loop, lanes, leavesPass: true, leavesLoop: true);
        }

        _body.WriteLine($"if ({Active} == {NoLanes})");
        _body.WriteLine("{");
        _body.WriteLine("    " + ReturnMarker);
        _body.WriteLine("}");
        return true;
    }

    private void LeaveLoop(VaryingLoop loop, string lanes, bool leavesPass, bool leavesLoop)
    {
        if (leavesLoop)
        {
            _body.WriteLine($"{loop.Remaining} = {Vectors}.AndNot({loop.Remaining}, {lanes});");
        }

        if (leavesPass && loop.Iteration != loop.Remaining)
        {
            _body.WriteLine($"{loop.Iteration} = {Vectors}.AndNot({loop.Iteration}, {lanes});");
        }
    }

    private bool Branch(IBranchOperation branch, Region region)
    {
        if (branch.Target is null || !_varyingLoopLabels.TryGetValue(branch.Target, out var target))
        {
            // The loop it leaves is one every lane runs alike (a varying break would have made it varying).
            _body.WriteLine(branch.BranchKind == BranchKind.Break ? "break;" : "continue;");
            return false;
        }

        string lanes = region.Lanes!;
        LeaveLoop(target.Loop, lanes, leavesPass: true, leavesLoop: target.IsBreak);
        return !(region.Branch is null && region.Loop == target.Loop);
    }

    /// <summary>A <c>throw</c>: if any lane that matters gets here, the block takes the scalar path, which throws the same exception.</summary>
    private bool Throw(Region region)
    {
        CanBail = true;
        string? lanes = BailLanes(region);
        if (lanes is null)
        {
            _body.WriteLine("return false; // the scalar kernel throws here");
            return false;
        }

        _body.WriteLine($"if (({lanes}) != {NoLanes})");
        _body.WriteLine("{");
        _body.WriteLine("    return false; // the scalar kernel throws here");
        _body.WriteLine("}");
        return true;
    }

    /// <summary>The lanes whose values matter here (those of the region that have not returned), or <see langword="null"/> for all.</summary>
    private string? BailLanes(Region region) => (region.Lanes, _mayDeactivate) switch
    {
        (null, false) => null,
        (null, true) => Active,
        (string lanes, false) => lanes,
        (string lanes, true) => $"{lanes} & {Active}",
    };

    private Emit.IndentedWriter.Scope Indent() => _body.Indented();
}
