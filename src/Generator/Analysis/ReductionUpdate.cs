using System;
using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// One update of a reduction target in the user's code: <c>s += e</c>, <c>n++</c>, <c>s = s * e</c>, <c>m = Math.Max(m, e)</c>,
/// <c>if (e &lt; m) m = e;</c>, <c>m = e &lt; m ? e : m</c>. <see cref="SelfReferences"/> are the target's own mentions that the pattern
/// accounts for; any other mention of the target in the loop is a read that breaks the reduction.
/// </summary>
internal sealed class ReductionUpdate
{
    private ReductionUpdate(ReductionOperator @operator, string description, IReadOnlyList<IOperation> selfReferences, string? function = null)
    {
        Target = selfReferences[0];
        Operator = @operator;
        Description = description;
        SelfReferences = selfReferences;
        Function = function;
    }

    public ReductionOperator Operator { get; }

    /// <summary>The written reference (where a diagnostic about this update points).</summary>
    public IOperation Target { get; }

    /// <summary>How the user wrote it: <c>s += …</c>, <c>if (… &lt; m) m = …</c>.</summary>
    public string Description { get; }

    public IReadOnlyList<IOperation> SelfReferences { get; }

    /// <summary>For <c>Math.Min/Max</c> forms, the fully qualified function the combine step must call too.</summary>
    public string? Function { get; }

    /// <summary>Classifies the update that writes <paramref name="target"/>, or returns <see langword="null"/> when it is not a reduction step.</summary>
    /// <param name="target">The written reference (a variable reference, or an array element).</param>
    /// <param name="isTarget">Whether an operation denotes the same variable or element as <paramref name="target"/>.</param>
    /// <param name="name">The target's name, for descriptions.</param>
    /// <param name="mentionsTarget">
    /// Whether an operation uses the target at all; the other operand of an update must not. Defaults to <paramref name="isTarget"/>;
    /// for an array element it is any use of the array.
    /// </param>
    public static ReductionUpdate? Classify(IOperation target, Func<IOperation, bool> isTarget, string name, Func<IOperation, bool>? mentionsTarget = null)
    {
        Func<IOperation, bool> mentions = mentionsTarget ?? isTarget;
        IOperation? parent = target.Parent;
        switch (parent)
        {
            case ICompoundAssignmentOperation compound when compound.Target == target && !Mentions(compound.Value, mentions):
            {
                ReductionOperator? op = FromBinary(compound.OperatorKind);
                return op is null ? null : new ReductionUpdate(op.Value, $"{name} {OperatorToken(compound.OperatorKind)}= …", new[] { target });
            }

            case IIncrementOrDecrementOperation increment:
                return new ReductionUpdate(ReductionOperator.Sum, increment.Kind == OperationKind.Increment ? $"{name}++" : $"{name}--", new[] { target });

            case ISimpleAssignmentOperation assignment when assignment.Target == target && !assignment.IsRef:
                return FromAssignment(assignment, target, isTarget, mentions, name);

            default:
                return null;
        }
    }

    public static bool Mentions(IOperation operation, Func<IOperation, bool> isTarget) => operation.DescendantsAndSelf().Any(isTarget);

    /// <summary>Operators that combine the same way belong to one family (<c>+=</c> with <c>-=</c>, <c>*=</c> with <c>/=</c>).</summary>
    public static ReductionOperator Family(ReductionOperator op) => op switch
    {
        ReductionOperator.Quotient => ReductionOperator.Product,
        _ => op,
    };

    private static ReductionUpdate? FromAssignment(
        ISimpleAssignmentOperation assignment, IOperation target, Func<IOperation, bool> isTarget, Func<IOperation, bool> mentions, string name)
    {
        IOperation value = LoopShape.Strip(assignment.Value);
        switch (value)
        {
            case IBinaryOperation binary when FromBinary(binary.OperatorKind) is { } op:
            {
                IOperation left = LoopShape.Strip(binary.LeftOperand);
                IOperation right = LoopShape.Strip(binary.RightOperand);
                if (isTarget(left) && !Mentions(right, mentions))
                {
                    return new ReductionUpdate(op, $"{name} = {name} {OperatorToken(binary.OperatorKind)} …", new[] { target, left });
                }

                if (isTarget(right) && !Mentions(left, mentions) && IsCommutative(binary.OperatorKind))
                {
                    return new ReductionUpdate(op, $"{name} = … {OperatorToken(binary.OperatorKind)} {name}", new[] { target, right });
                }

                return null;
            }

            case IInvocationOperation { Arguments.Length: 2 } call when call.TargetMethod.Name is "Min" or "Max" && IsMinMaxType(call.TargetMethod.ContainingType):
            {
                IOperation first = LoopShape.Strip(call.Arguments[0].Value);
                IOperation second = LoopShape.Strip(call.Arguments[1].Value);
                IOperation? self = isTarget(first) && !Mentions(second, mentions) ? first
                    : isTarget(second) && !Mentions(first, mentions) ? second
                    : null;
                if (self is null)
                {
                    return null;
                }

                var op = call.TargetMethod.Name == "Min" ? ReductionOperator.Min : ReductionOperator.Max;
                string function = call.TargetMethod.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + call.TargetMethod.Name;
                return new ReductionUpdate(op, $"{name} = {call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name}({name}, …)", new[] { target, self }, function);
            }

            case IConditionalOperation { WhenFalse: { } whenFalse } ternary:
            {
                // m = e < m ? e : m
                IOperation whenTrue = LoopShape.Strip(ternary.WhenTrue);
                IOperation otherwise = LoopShape.Strip(whenFalse);
                if (!isTarget(otherwise) || Mentions(whenTrue, mentions))
                {
                    return null;
                }

                return Comparison(ternary.Condition, whenTrue, isTarget, mentions) is var (op, self) && self is not null
                    ? new ReductionUpdate(op, $"{name} = … {ComparisonToken(op)} {name} ? … : {name}", new[] { target, otherwise, self })
                    : null;
            }

            default:
                if (Mentions(value, mentions))
                {
                    return null;
                }

                // if (e < m) m = e;
                if (EnclosingIf(assignment) is { } ifStatement && Comparison(ifStatement.Condition, value, isTarget, mentions) is var (ifOp, ifSelf) && ifSelf is not null)
                {
                    return new ReductionUpdate(ifOp, $"if (… {ComparisonToken(ifOp)} {name}) {name} = …", new[] { target, ifSelf });
                }

                return null;
        }
    }

    /// <summary>The <c>if</c> whose only statement, without an <c>else</c>, is this assignment.</summary>
    private static IConditionalOperation? EnclosingIf(ISimpleAssignmentOperation assignment)
    {
        IOperation? node = assignment.Parent is IExpressionStatementOperation statement ? statement.Parent : null;
        if (node is IBlockOperation { Operations.Length: 1 } block)
        {
            node = block.Parent;
        }

        return node is IConditionalOperation { WhenFalse: null } conditional && conditional.Condition.Type?.SpecialType == SpecialType.System_Boolean
            ? conditional
            : null;
    }

    /// <summary>
    /// Reads a condition as "pick <paramref name="candidate"/> when <c>candidate OP target</c>" and returns the min/max operator it
    /// implies with the target's reference in it; <see langword="null"/> self when it is not such a comparison.
    /// </summary>
    private static (ReductionOperator Operator, IOperation? Self) Comparison(
        IOperation condition, IOperation candidate, Func<IOperation, bool> isTarget, Func<IOperation, bool> mentions)
    {
        if (LoopShape.Strip(condition) is not IBinaryOperation compare)
        {
            return (default, null);
        }

        IOperation left = LoopShape.Strip(compare.LeftOperand);
        IOperation right = LoopShape.Strip(compare.RightOperand);
        BinaryOperatorKind kind = compare.OperatorKind;
        IOperation self;
        IOperation other;
        if (isTarget(right) && !Mentions(left, mentions))
        {
            other = left;
            self = right;
        }
        else if (isTarget(left) && !Mentions(right, mentions))
        {
            other = right;
            self = left;
            kind = kind switch
            {
                BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                _ => BinaryOperatorKind.None,
            };
        }
        else
        {
            return (default, null);
        }

        if (!SyntaxFactory.AreEquivalent(other.Syntax, candidate.Syntax, topLevel: false))
        {
            return (default, null);
        }

        return kind switch
        {
            BinaryOperatorKind.LessThan => (ReductionOperator.MinIfLess, self),
            BinaryOperatorKind.LessThanOrEqual => (ReductionOperator.MinIfLessOrEqual, self),
            BinaryOperatorKind.GreaterThan => (ReductionOperator.MaxIfGreater, self),
            BinaryOperatorKind.GreaterThanOrEqual => (ReductionOperator.MaxIfGreaterOrEqual, self),
            _ => (default, null),
        };
    }

    private static bool IsMinMaxType(INamedTypeSymbol type)
        => type.ToDisplayString() is "System.Math" or "System.MathF"
            || type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double
            || type.TypeKind == TypeKind.TypeParameter;

    private static ReductionOperator? FromBinary(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add or BinaryOperatorKind.Subtract => ReductionOperator.Sum,
        BinaryOperatorKind.Multiply => ReductionOperator.Product,
        BinaryOperatorKind.Divide => ReductionOperator.Quotient,
        BinaryOperatorKind.And => ReductionOperator.BitwiseAnd,
        BinaryOperatorKind.Or => ReductionOperator.BitwiseOr,
        BinaryOperatorKind.ExclusiveOr => ReductionOperator.BitwiseXor,
        BinaryOperatorKind.ConditionalAnd => ReductionOperator.LogicalAnd,
        BinaryOperatorKind.ConditionalOr => ReductionOperator.LogicalOr,
        _ => null,
    };

    private static bool IsCommutative(BinaryOperatorKind kind) => kind is BinaryOperatorKind.Add or BinaryOperatorKind.Multiply
        or BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr
        or BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr;

    private static string OperatorToken(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "+",
        BinaryOperatorKind.Subtract => "-",
        BinaryOperatorKind.Multiply => "*",
        BinaryOperatorKind.Divide => "/",
        BinaryOperatorKind.And => "&",
        BinaryOperatorKind.Or => "|",
        BinaryOperatorKind.ExclusiveOr => "^",
        BinaryOperatorKind.ConditionalAnd => "&&",
        BinaryOperatorKind.ConditionalOr => "||",
        _ => "?",
    };

    public static string ComparisonToken(ReductionOperator op) => op switch
    {
        ReductionOperator.MinIfLess => "<",
        ReductionOperator.MinIfLessOrEqual => "<=",
        ReductionOperator.MaxIfGreater => ">",
        ReductionOperator.MaxIfGreaterOrEqual => ">=",
        _ => "?",
    };
}
