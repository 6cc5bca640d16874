using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Writes to fields and properties from a parallel loop body. A field of an object the iteration created is its own; a static
/// field, a field of <c>this</c> or of any shared object is written by every iteration at once (AP0008). In a struct's instance
/// method <c>this</c> is a reference to the caller's variable, which the generated body cannot write through (AP0004).
/// </summary>
internal static class SharedStateWrites
{
    public static void Check(LoopScope scope, LoopFindings findings)
    {
        foreach (IOperation operation in scope.Operations)
        {
            if (operation is not (IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false } or IEventReferenceOperation)
                || !ValueUsage.Of(operation).IsWrite())
            {
                continue;
            }

            var member = (IMemberReferenceOperation)operation;
            if (member.Member.IsStatic)
            {
                Report(findings, operation, $"'{Statement(operation)}' writes the static {Kind(member)} '{member.Member.Name}', which every iteration shares");
                continue;
            }

            IOperation? instance = member.Instance is null ? null : LoopShape.Strip(member.Instance);
            switch (instance)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } when member.Member.ContainingType.IsValueType:
                    findings.Report(DiagnosticDescriptors.UnsupportedConstruct, Statement(operation).GetLocation(), Statement(operation).ToString(),
                        $"it writes '{member.Member.Name}' of the struct 'this', which the generated loop body only has a copy of");
                    break;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    Report(findings, operation, $"'{Statement(operation)}' writes the {Kind(member)} '{member.Member.Name}' of 'this', which every iteration shares");
                    break;
                case IInstanceReferenceOperation:
                    // An object or collection initializer: the object being built belongs to the iteration.
                    break;
                case ILocalReferenceOperation local when scope.IsPrivate(local.Local) && (local.Type?.IsValueType == true || IsCreatedInBody(local.Local, scope)):
                    break;
                case not null when instance.Type?.IsValueType == true:
                    // A struct: writing its field writes the variable or element holding it, which the variable and element checks cover.
                    break;
                case not null when new ElementResolver(scope).IsOwnedStorage(instance):
                    // An object reached through the iteration's own element (particles[i].X = …): distinct elements hold distinct objects.
                    break;
                default:
                    Report(findings, operation, $"'{Statement(operation)}' writes the {Kind(member)} '{member.Member.Name}' of an object the analysis cannot prove belongs to one iteration");
                    break;
            }
        }
    }

    /// <summary>
    /// Writes through pointers (<c>p[i] = …</c>, <c>*p = …</c>, <c>p->x = …</c>): the operation tree does not describe them, so the
    /// analysis cannot follow them; every one is a possible race to check.
    /// </summary>
    public static void CheckPointers(LoopScope scope, LoopFindings findings)
    {
        foreach (SyntaxNode node in scope.Loop.BodySyntax.DescendantNodesAndSelf())
        {
            bool pointerAccess = node switch
            {
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PointerIndirectionExpression } => true,
                MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.PointerMemberAccessExpression } => true,
                ElementAccessExpressionSyntax access => scope.Model.GetTypeInfo(access.Expression, scope.CancellationToken).Type is IPointerTypeSymbol,
                _ => false,
            };
            if (pointerAccess && IsWritten((ExpressionSyntax)node))
            {
                findings.Report(DiagnosticDescriptors.PossibleRace, node.GetLocation(),
                    $"'{node}' writes through a pointer, which the analysis cannot follow; make sure parallel iterations write different memory");
            }
        }
    }

    private static bool IsWritten(ExpressionSyntax expression)
    {
        SyntaxNode child = expression;
        SyntaxNode? parent = expression.Parent;
        while (parent is ParenthesizedExpressionSyntax or MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression })
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == child,
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression),
            PostfixUnaryExpressionSyntax => true,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            _ => false,
        };
    }

    private static bool IsCreatedInBody(ILocalSymbol local, LoopScope scope)
        => scope.SingleAssignment(local) is { } value && LoopShape.Strip(value) is IObjectCreationOperation or IArrayCreationOperation or IAnonymousObjectCreationOperation;

    private static void Report(LoopFindings findings, IOperation operation, string message)
        => findings.Report(DiagnosticDescriptors.PossibleRace, Statement(operation).GetLocation(), message);

    /// <summary>The assignment or increment around a written member, where the diagnostic points.</summary>
    private static SyntaxNode Statement(IOperation operation)
    {
        IOperation current = operation;
        while (current.Parent is IFieldReferenceOperation or IPropertyReferenceOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IAssignmentOperation or IIncrementOrDecrementOperation ? current.Parent.Syntax : current.Syntax;
    }

    private static string Kind(IMemberReferenceOperation member) => member switch
    {
        IPropertyReferenceOperation => "property",
        IEventReferenceOperation => "event",
        _ => "field",
    };
}
