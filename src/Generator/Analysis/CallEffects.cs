using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// What calls in a parallel loop body may do to shared state: pure library calls (Math, numerics, strings, spans that are read),
/// calls that mutate a shared non-thread-safe object (<c>list.Add</c>, a shared <c>Random</c>), calls that start a parallel region
/// (AP0006), and calls into code the analysis cannot see (AP0008). Methods of the same compilation are looked into.
/// </summary>
internal sealed class CallEffects
{
    private const int MaxDepth = 3;

    private static readonly HashSet<string> PureTypes = new()
    {
        "System.Math", "System.MathF", "System.BitConverter", "System.Convert", "System.String", "System.Char", "System.Boolean",
        "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64",
        "System.IntPtr", "System.UIntPtr", "System.Single", "System.Double", "System.Decimal", "System.Half", "System.Int128", "System.UInt128",
        "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.Guid", "System.Index", "System.Range", "System.Nullable",
        "System.Object", "System.ValueType", "System.Enum", "System.Tuple", "System.ValueTuple", "System.HashCode", "System.Diagnostics.Debug",
        "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException", "System.ObjectDisposedException",
        "System.Linq.Enumerable", "System.Buffers.Binary.BinaryPrimitives", "System.Runtime.InteropServices.MemoryMarshal",
        "System.Runtime.CompilerServices.Unsafe", "AutoParallel.Prange",
    };

    private static readonly HashSet<string> PureNamespaces = new()
    {
        "System.Numerics", "System.Runtime.Intrinsics", "System.Runtime.Intrinsics.X86", "System.Runtime.Intrinsics.Arm",
        "System.Collections.Concurrent", "System.Collections.Immutable",
    };

    /// <summary>Span, array and MemoryExtensions members that write their receiver or first argument.</summary>
    private static readonly HashSet<string> StorageWriters = new()
    {
        "CopyTo", "TryCopyTo", "Fill", "Clear", "Reverse", "Sort", "Resize", "SetValue", "Copy", "ConstrainedCopy", "Initialize",
    };

    private static readonly HashSet<string> CollectionMutators = new()
    {
        "Add", "AddRange", "AddFirst", "AddLast", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveFirst",
        "RemoveLast", "RemoveWhere", "Clear", "Enqueue", "Dequeue", "TryDequeue", "Push", "Pop", "TryPop", "TryAdd", "Sort", "Reverse",
        "Append", "AppendLine", "AppendFormat", "AppendJoin", "Replace", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith",
        "TrimExcess", "EnsureCapacity", "Set", "SetAll", "Next", "NextDouble", "NextBytes", "NextInt64", "NextSingle", "Shuffle", "GetItems",
    };

    private const string ParallelRegionEffect = "starts a parallel region";

    private readonly LoopScope _scope;
    private readonly Dictionary<IMethodSymbol, string?> _sourceEffects = new(SymbolEqualityComparer.Default);

    public CallEffects(LoopScope scope)
    {
        _scope = scope;
    }

    public void Check(LoopFindings findings)
    {
        foreach (IOperation operation in _scope.Operations)
        {
            if (operation is IInvocationOperation invocation)
            {
                CheckInvocation(invocation, findings);
            }
            else if (operation is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer
                && ValueUsage.Of(indexer).IsWrite() && !ElementResolver.IsElementIndexer(indexer, _scope.Known) && IsShared(instance))
            {
                findings.Report(DiagnosticDescriptors.PossibleRace, indexer.Syntax.GetLocation(),
                    $"'{indexer.Syntax}' writes into '{instance.Syntax}', a {instance.Type?.Name} shared by all iterations (not thread-safe)");
            }
        }
    }

    private void CheckInvocation(IInvocationOperation invocation, LoopFindings findings)
    {
        IMethodSymbol method = invocation.TargetMethod;
        string type = method.ContainingType.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
        Location location = invocation.Syntax.GetLocation();
        string call = $"{method.ContainingType.Name}.{method.Name}";

        if (StartsParallelRegion(method, type))
        {
            // A PLINQ chain (a.AsParallel().Select(…).Sum()) is one region: reported once, on its last call.
            if (type != "System.Linq.ParallelEnumerable" || ParallelApi.IsOutermostPlinqCall(invocation))
            {
                findings.Report(DiagnosticDescriptors.NestedOversubscription, location, call);
            }

            return;
        }

        if (invocation.Instance is { } receiver && !(receiver is IInstanceReferenceOperation && method.DeclaringSyntaxReferences.Length > 0))
        {
            if (type == "System.Random")
            {
                if (IsShared(receiver))
                {
                    findings.Report(DiagnosticDescriptors.PossibleRace, location,
                        $"'{invocation.Syntax}' uses '{receiver.Syntax}', a System.Random shared by all iterations; Random is not thread-safe (use Random.Shared or one per iteration)");
                }

                return;
            }

            if (CollectionMutators.Contains(method.Name) && IsMutableCollection(receiver.Type))
            {
                // A collection the iteration created itself is its own to change.
                if (IsShared(receiver))
                {
                    findings.Report(DiagnosticDescriptors.PossibleRace, location,
                        $"'{invocation.Syntax}' changes '{receiver.Syntax}', a {receiver.Type?.Name} shared by all iterations (not thread-safe)");
                }

                return;
            }

            if (method.Name == "Invoke" && receiver.Type?.TypeKind == TypeKind.Delegate && IsDeclaredInBody(receiver))
            {
                // A lambda declared in the body is analysed with the body.
                return;
            }
        }

        if (StorageWriters.Contains(method.Name) && WrittenStorage(invocation) is { } written && IsShared(written) && !IsOwnedSlice(written))
        {
            findings.Report(DiagnosticDescriptors.PossibleRace, location,
                $"'{invocation.Syntax}' writes '{written.Syntax}', which other iterations may also use");
            return;
        }

        if (type == "System.Console")
        {
            findings.Report(DiagnosticDescriptors.PossibleRace, location, $"'{invocation.Syntax}' writes to the console; parallel iterations interleave their output");
            return;
        }

        if (IsPureLibrary(method, type))
        {
            return;
        }

        if (method.DeclaringSyntaxReferences.Length > 0)
        {
            string? effect = SourceEffect(method, 0);
            if (effect is null)
            {
                return;
            }

            if (effect.StartsWith(ParallelRegionEffect, System.StringComparison.Ordinal))
            {
                // One level of calls: a helper of this compilation that starts a parallel region is a nested region too.
                findings.Report(DiagnosticDescriptors.NestedOversubscription, location, method.Name);
            }
            else
            {
                findings.Report(DiagnosticDescriptors.PossibleRace, location, $"'{invocation.Syntax}' calls '{method.Name}', which {effect}");
            }

            return;
        }

        findings.Report(DiagnosticDescriptors.PossibleRace, location,
            $"'{invocation.Syntax}' calls '{call}', whose effects the analysis cannot see; make sure it is safe to call from several threads at once");
    }

    private static bool StartsParallelRegion(IMethodSymbol method, string type)
        => type is "System.Threading.Tasks.Parallel" or "System.Linq.ParallelEnumerable"
            || (type is "System.Threading.Tasks.Task" or "System.Threading.Tasks.TaskFactory" && method.Name is "Run" or "StartNew")
            || IsGeneratedParallel(method);

    /// <summary>A method AutoParallel generated (it carries GeneratedCode("AutoParallel")), or the twin of a [Parallelise] method.</summary>
    public static bool IsGeneratedParallel(IMethodSymbol method)
    {
        if (method.GetAttributes().Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute"
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is string tool && tool.StartsWith("AutoParallel", System.StringComparison.Ordinal)))
        {
            return true;
        }

        return method.ContainingType.GetMembers().OfType<IMethodSymbol>().Any(m =>
            m.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownSymbols.ParalleliseAttributeName) is { } attribute
            && (ParalleliseOptions.From(attribute).Name ?? m.Name + "Parallel") == method.Name);
    }

    private static bool IsPureLibrary(IMethodSymbol method, string type)
    {
        if (PureTypes.Contains(type))
        {
            return true;
        }

        string ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (PureNamespaces.Contains(ns))
        {
            return true;
        }

        // Reading members of spans, arrays, MemoryExtensions and collections (writers were handled before).
        return type is "System.Span" or "System.ReadOnlySpan" or "System.Memory" or "System.ReadOnlyMemory" or "System.MemoryExtensions" or "System.Array"
            || ns == "System.Collections.Generic" && !CollectionMutators.Contains(method.Name);
    }

    private bool IsShared(IOperation receiver)
    {
        receiver = LoopShape.Strip(receiver);
        switch (receiver)
        {
            case ILocalReferenceOperation local:
                return _scope.IsCaptured(local.Local) || (_scope.IsPrivate(local.Local) && _scope.SingleAssignment(local.Local) is { } value && !IsFresh(value) && IsShared(value))
                    || (_scope.IsPrivate(local.Local) && _scope.SingleAssignment(local.Local) is null);
            case IParameterReferenceOperation parameter:
                return _scope.IsCaptured(parameter.Parameter);
            case IFieldReferenceOperation field:
                return field.Field.IsStatic || field.Instance is null || IsShared(field.Instance);
            case IPropertyReferenceOperation property:
                return property.Property.IsStatic ? property.Property.Name != "Shared" : property.Instance is null || IsShared(property.Instance);
            case IInstanceReferenceOperation self:
                // The object a collection or object initializer is building is the iteration's own.
                return self.ReferenceKind != InstanceReferenceKind.ImplicitReceiver;
            case IArrayElementReferenceOperation element:
                return IsShared(element.ArrayReference);
            case IInvocationOperation invocation:
                return invocation.Instance is { } instance ? IsShared(instance) : invocation.Arguments.Any(a => IsShared(a.Value));
            default:
                return !IsFresh(receiver);
        }
    }

    /// <summary>A delegate held in a private local whose value is a lambda or local function of the loop body.</summary>
    private bool IsDeclaredInBody(IOperation receiver)
        => LoopShape.Strip(receiver) is ILocalReferenceOperation local && _scope.IsPrivate(local.Local)
            && _scope.SingleAssignment(local.Local) is { } value
            && LoopShape.Strip(value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation or IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } };

    private static bool IsFresh(IOperation value)
        => LoopShape.Strip(value) is IObjectCreationOperation or IArrayCreationOperation
            || value.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.StackAllocArrayCreationExpressionSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.ImplicitStackAllocArrayCreationExpressionSyntax;

    /// <summary><c>a.AsSpan(i * n, n).Fill(0)</c> writes only the iteration's own block.</summary>
    private bool IsOwnedSlice(IOperation written) => new ElementResolver(_scope).IsOwnedStorage(written);

    /// <summary>What a storage-writing call writes: the receiver (<c>span.Fill</c>), or the destination argument.</summary>
    private static IOperation? WrittenStorage(IInvocationOperation invocation)
    {
        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToArray();
        return invocation.TargetMethod.Name switch
        {
            "CopyTo" or "TryCopyTo" when invocation.Instance is not null => arguments.FirstOrDefault(),
            "CopyTo" or "TryCopyTo" => arguments.Length > 1 ? arguments[1] : null,
            // Array.Copy(source, destination, length) or Array.Copy(source, sourceIndex, destination, destinationIndex, length).
            "Copy" or "ConstrainedCopy" => arguments.Length >= 5 ? arguments[2] : arguments.ElementAtOrDefault(1),
            _ => invocation.Instance ?? arguments.FirstOrDefault(),
        };
    }

    private static bool IsMutableCollection(ITypeSymbol? type)
    {
        string ns = type?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns is "System.Collections.Generic" or "System.Collections" || type?.ToDisplayString() is "System.Text.StringBuilder" or "System.Random";
    }

    /// <summary>What a method of this compilation does that parallel callers should know, or <see langword="null"/> when nothing.</summary>
    private string? SourceEffect(IMethodSymbol method, int depth)
    {
        method = method.OriginalDefinition;
        if (_sourceEffects.TryGetValue(method, out string? known))
        {
            return known;
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        _sourceEffects[method] = null;
        string? effect = null;
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax(_scope.CancellationToken);
            if (!_scope.Model.Compilation.ContainsSyntaxTree(node.SyntaxTree))
            {
                continue;
            }

            SemanticModel model = node.SyntaxTree == _scope.Model.SyntaxTree ? _scope.Model : _scope.Model.Compilation.GetSemanticModel(node.SyntaxTree);
            IOperation? body = model.GetOperation(node, _scope.CancellationToken);
            if (body is null)
            {
                continue;
            }

            effect = EffectOf(body, depth);
            if (effect is not null)
            {
                break;
            }
        }

        _sourceEffects[method] = effect;
        return effect;
    }

    private string? EffectOf(IOperation body, int depth)
    {
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IFieldReferenceOperation field when ValueUsage.Of(field).IsWrite() && (field.Field.IsStatic || field.Instance is IInstanceReferenceOperation):
                    return $"writes the field '{field.Field.Name}'";
                case IArrayElementReferenceOperation element when ValueUsage.Of(element).IsWrite() && RootIsParameterOrField(element.ArrayReference):
                    return $"writes elements of '{LoopShape.Strip(element.ArrayReference).Syntax}'";
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer when ValueUsage.Of(indexer).IsWrite() && RootIsParameterOrField(instance):
                    return $"writes elements of '{LoopShape.Strip(instance).Syntax}'";
                case IInvocationOperation call:
                {
                    string type = call.TargetMethod.ContainingType.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
                    if (StartsParallelRegion(call.TargetMethod, type))
                    {
                        return $"{ParallelRegionEffect} ('{call.Syntax}')";
                    }

                    if (CollectionMutators.Contains(call.TargetMethod.Name) && call.Instance is { } receiver && IsMutableCollection(receiver.Type) && RootIsParameterOrField(receiver))
                    {
                        return $"changes '{receiver.Syntax}' ('{call.Syntax}')";
                    }

                    if (call.TargetMethod.DeclaringSyntaxReferences.Length > 0)
                    {
                        string? inner = SourceEffect(call.TargetMethod, depth + 1);
                        if (inner is not null)
                        {
                            return $"calls '{call.TargetMethod.Name}', which {inner}";
                        }
                    }
                    else if (!IsPureLibrary(call.TargetMethod, type) && type != "System.Random")
                    {
                        return $"calls '{call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name}', whose effects the analysis cannot see";
                    }

                    break;
                }
            }
        }

        return null;
    }

    private static bool RootIsParameterOrField(IOperation operation)
    {
        operation = LoopShape.Strip(operation);
        return operation switch
        {
            IParameterReferenceOperation => true,
            IFieldReferenceOperation => true,
            IArrayElementReferenceOperation element => RootIsParameterOrField(element.ArrayReference),
            IInvocationOperation { Instance: { } instance } => RootIsParameterOrField(instance),
            IInvocationOperation invocation => invocation.Arguments.Length > 0 && RootIsParameterOrField(invocation.Arguments[0].Value),
            _ => false,
        };
    }
}
