using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
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
                case ILocalReferenceOperation or IParameterReferenceOperation when instance.Type?.IsValueType == true:
                    // A struct variable from outside: writing its field writes the variable, which the reduction check reports.
                    break;
                default:
                    Report(findings, operation, $"'{Statement(operation)}' writes the {Kind(member)} '{member.Member.Name}' of an object the analysis cannot prove belongs to one iteration");
                    break;
            }
        }
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
