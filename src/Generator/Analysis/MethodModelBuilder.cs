using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AutoParallel.Generator.Analysis;

/// <summary>Turns a legal method and its chosen loops into the plain model the emitter writes from.</summary>
internal static class MethodModelBuilder
{
    /// <summary>Modifiers that belong to the user's method only: the generated twin is a plain new method.</summary>
    private static readonly HashSet<string> DroppedModifiers = new() { "partial", "override", "virtual", "abstract", "sealed", "new", "extern" };

    public static ParallelMethodModel Build(
        MethodDeclarationSyntax syntax,
        IMethodSymbol method,
        string generatedName,
        ParalleliseOptions options,
        IReadOnlyList<LoopAnalysis> targets,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        SourceText source = syntax.SyntaxTree.GetText(cancellationToken);
        string bodyTypePrefix = "__" + method.Name + TypeChain.OverloadSuffix(method) + "Parallel";
        GeneratedNames names = GeneratedNames.For(syntax);
        var loops = targets.Select((t, k) => BuildLoop(t, k, bodyTypePrefix, syntax, options, source, names)).ToList();

        return new ParallelMethodModel(
            TypeChain.HintName(method, "Parallel"),
            TypeChain.Usings(syntax),
            TypeChain.Namespace(method),
            TypeChain.Declarations(syntax),
            model.GetNullableContext(syntax.SpanStart).AnnotationsEnabled(),
            Signature(syntax, method, generatedName),
            BodyPieces(syntax.Body!, targets, source).ToEquatableArray(),
            loops.ToEquatableArray(),
            InliningHint.IsSmallMethod(syntax, targets));
    }

    private static MethodSignatureModel Signature(MethodDeclarationSyntax syntax, IMethodSymbol method, string generatedName)
        => new(
            string.Join(" ", syntax.Modifiers.Select(m => m.Text).Where(m => !DroppedModifiers.Contains(m))),
            syntax.ReturnType.ToString(),
            generatedName,
            syntax.TypeParameterList?.ToString() ?? string.Empty,
            syntax.ParameterList.ToString(),
            string.Join(" ", syntax.ConstraintClauses.Select(c => c.ToString())),
            method.Name + "(" + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ")");

    /// <summary>The method body between its braces, with a hole where each parallel loop was.</summary>
    private static IEnumerable<BodyPiece> BodyPieces(BlockSyntax body, IReadOnlyList<LoopAnalysis> targets, SourceText source)
    {
        int position = body.OpenBraceToken.Span.End;
        for (int k = 0; k < targets.Count; k++)
        {
            TextSpan loop = targets[k].Shape.Syntax.Span;
            yield return BodyPiece.Verbatim(source.ToString(TextSpan.FromBounds(position, loop.Start)).Replace("\r\n", "\n"));
            yield return BodyPiece.Loop(k);
            position = loop.End;
        }

        yield return BodyPiece.Verbatim(source.ToString(TextSpan.FromBounds(position, body.CloseBraceToken.SpanStart)).Replace("\r\n", "\n"));
    }

    private static ParallelLoopModel BuildLoop(
        LoopAnalysis loop, int ordinal, string bodyTypePrefix, MethodDeclarationSyntax method, ParalleliseOptions options, SourceText source,
        GeneratedNames names)
    {
        LoopShape shape = loop.Shape;
        CaptureAnalysis captures = loop.Captures!;
        LoopShape innermost = loop.Fused.Count > 0 ? loop.Fused[loop.Fused.Count - 1].Shape : shape;
        string body = SourceSlice.Text(source, SourceSlice.Inside(innermost.BodySyntax, source), captures.Edits);
        bool ordered = options.Deterministic && loop.Reductions.Any(r => r.OrderSensitive);
        SimdSumModel? simd = SimdSum.Find(loop);

        // A SIMD sum adds about eight elements in the time the scalar estimate gives one: the threshold and grains follow.
        double cost = simd is null ? loop.EffectiveCost : loop.EffectiveCost / 8;

        return new ParallelLoopModel(
            ordinal,
            bodyTypePrefix + "Loop" + ordinal.ToString(CultureInfo.InvariantCulture),
            shape.Header,
            shape.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
            Space(shape, loop.Fused, names),
            captures.Captures.ToEquatableArray(),
            loop.Reductions.ToEquatableArray(),
            loop.PrivateVariables.ToEquatableArray(),
            body,
            new LoopOptionsModel(options.Schedule, options.ChunkSize, options.MaxDegreeOfParallelism, options.MinIterations, cost, ordered),
            method.TypeParameterList?.ToString() ?? string.Empty,
            method.TypeParameterList is { } list ? "<" + string.Join(", ", list.Parameters.Select(p => p.Identifier.Text)) + ">" : string.Empty,
            string.Join(" ", method.ConstraintClauses.Select(c => c.ToString())),
            loop.AliasGuards.ToEquatableArray(),
            loop.AliasGuards.Count == 0 ? string.Empty : SourceSlice.Text(source, SourceSlice.Inside(shape.Syntax, source), System.Array.Empty<(TextSpan, string)>()),
            simd,
            InliningHint.IsSmallBody(loop),
            simd is null && loop.Fused.Count == 0 && loop.Unchecked is { } hoisted ? Unchecked(hoisted, innermost, captures, source) : null,
            names);
    }

    /// <summary>The body with the accesses <see cref="UncheckedIndexing"/> chose read through <c>ref</c>s (a capture's rename of the array gives way).</summary>
    private static UncheckedBodyModel Unchecked(UncheckedIndexing hoisted, LoopShape loop, CaptureAnalysis captures, SourceText source)
    {
        var edits = captures.Edits.Where(c => !hoisted.Edits.Any(e => e.Span.OverlapsWith(c.Span) || (c.Span.IsEmpty && e.Span.Contains(c.Span.Start))))
            .Concat(hoisted.Edits);
        return new UncheckedBodyModel(
            hoisted.Ranges.ToEquatableArray(),
            hoisted.Conditions.ToEquatableArray(),
            hoisted.References.ToEquatableArray(),
            SourceSlice.Text(source, SourceSlice.Inside(loop.BodySyntax, source), edits));
    }

    private static IterationSpaceModel Space(LoopShape shape, IReadOnlyList<LoopAnalysis> fused, GeneratedNames names)
    {
        string step = shape.ConstantStep?.ToString(CultureInfo.InvariantCulture) ?? names.Step;
        string stepExpression = shape.StepOperation?.Syntax.ToString() ?? string.Empty;
        if (shape.Kind is LoopKind.ForeachArray or LoopKind.ForeachSpan)
        {
            IOperation collection = LoopShape.Strip(shape.Collection!);
            ISymbol? variable = collection switch
            {
                Microsoft.CodeAnalysis.Operations.ILocalReferenceOperation local => local.Local,
                Microsoft.CodeAnalysis.Operations.IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

            // The call reads the user's variable; the chunk reads the body struct's copy, which may have another name.
            string name = variable is null ? names.Collection : collection.Syntax.ToString();
            string copy = variable is null ? names.Collection : CaptureAnalysis.NameOf(variable, names);
            return new IterationSpaceModel(
                IterationKind.Elements, names.Index, "int", "0", name + ".Length", "1", string.Empty,
                ElementDeclaration((CommonForEachStatementSyntax)shape.Syntax, copy, names.Index), variable is null ? collection.Syntax.ToString() : string.Empty,
                EquatableArray<FusedLoopModel>.Empty,
                EndFitsInt: true);
        }

        return new IterationSpaceModel(
            IterationKind.Counting, Identifiers.Escape(shape.Index!.Name), shape.IndexType, shape.From?.Syntax.ToString() ?? "0", ExclusiveEnd(shape), step, stepExpression,
            string.Empty, string.Empty, fused.Select(f => Fused(f.Shape)).ToEquatableArray(), EndFitsInt(shape));
    }

    /// <summary>An <c>int</c> loop variable counting to an <c>int</c> bound it never reaches (<c>&lt;</c> or <c>!=</c>, not <c>&lt;=</c>).</summary>
    private static bool EndFitsInt(LoopShape shape) =>
        shape.IndexType == "int" && shape.Bound != BoundKind.LessOrEqual
        && shape.To?.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Char;

    private static FusedLoopModel Fused(LoopShape shape)
        => new(Identifiers.Escape(shape.Index!.Name), shape.IndexType, shape.From?.Syntax.ToString() ?? "0", ExclusiveEnd(shape),
            shape.ConstantStep?.ToString(CultureInfo.InvariantCulture) ?? shape.StepOperation!.Syntax.ToString(), shape.Header);

    /// <summary>The loop's end as an exclusive bound: <c>i &lt;= b</c> ends at <c>b + 1</c>, computed in long so it cannot overflow.</summary>
    private static string ExclusiveEnd(LoopShape shape)
        => shape.Bound == BoundKind.LessOrEqual ? "(long)(" + shape.To!.Syntax + ") + 1" : shape.To!.Syntax.ToString();

    /// <summary><c>var x = data[__i];</c>, <c>double x = (double)data[__i];</c> or <c>ref var x = ref span[__i];</c>, as foreach would.</summary>
    private static string ElementDeclaration(CommonForEachStatementSyntax loop, string collection, string index)
    {
        var forEach = (ForEachStatementSyntax)loop;
        string name = forEach.Identifier.Text;
        if (forEach.Type is RefTypeSyntax refType)
        {
            return $"{refType} {name} = ref {collection}[{index}];";
        }

        string type = forEach.Type.ToString();
        return forEach.Type.IsVar ? $"var {name} = {collection}[{index}];" : $"{type} {name} = ({type}){collection}[{index}];";
    }
}
