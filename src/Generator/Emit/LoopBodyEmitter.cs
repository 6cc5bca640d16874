using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutoParallel.Generator.Model;

namespace AutoParallel.Generator.Emit;

/// <summary>
/// Writes the struct that runs one parallel loop's chunks: its fields are what the body reads from outside, <c>Execute</c> is the
/// user's loop over one chunk (a plain sequential loop, no delegate per iteration), and for reductions an <c>Accumulator</c> with
/// <c>CreateAccumulator</c> (the identities) and <c>Combine</c>.
/// </summary>
internal static class LoopBodyEmitter
{
    public static void Write(IndentedWriter writer, ParallelLoopModel loop, string sourceMethod)
    {
        GeneratedNames names = loop.Names;
        string spans = loop.HasSpans ? "Span" : string.Empty;
        string bodyInterface = loop.HasReductions
            ? $"global::AutoParallel.I{spans}ReductionBody<{loop.BodyTypeName}{loop.TypeArguments}.{names.AccumulatorType}>"
            : $"global::AutoParallel.I{spans}ChunkBody";
        string constraints = loop.Constraints.Length > 0 ? " " + loop.Constraints : string.Empty;

        writer.WriteLine($"/// <summary>Runs chunks of the loop at line {loop.Line} of <c>{GeneratedCode.Xml(sourceMethod)}</c>: <c>{GeneratedCode.Xml(loop.Header)}</c>.</summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"private struct {loop.BodyTypeName}{loop.TypeParameters} : {bodyInterface}{constraints}");
        using (writer.Block())
        {
            writer.WriteLine("/// <summary>The loop's options, built once: the JIT reads them as constants, so a small loop costs a comparison more than the user's.</summary>");
            writer.WriteLine($"public static readonly global::AutoParallel.LoopOptions {names.Options} = {OptionsExpression(loop.Options)};");
            writer.WriteLine();
            bool wroteFields = WriteFields(writer, loop);
            if (loop.HasReductions)
            {
                if (wroteFields)
                {
                    writer.WriteLine();
                }

                WriteAccumulator(writer, loop);
                writer.WriteLine();
                WriteCreateAccumulator(writer, loop);
            }

            if (wroteFields || loop.HasReductions)
            {
                writer.WriteLine();
            }

            WriteExecute(writer, loop);
            if (loop.Unchecked is { } hoisted)
            {
                writer.WriteLine();
                WriteIndicesInRange(writer, loop, hoisted);
            }

            if (loop.HasReductions)
            {
                writer.WriteLine();
                WriteCombine(writer, loop);
                writer.WriteLine();
                WriteCanExecuteInto(writer, loop);
            }
        }
    }

    private static string OptionsExpression(LoopOptionsModel options)
    {
        var arguments = new List<string> { $"schedule: global::AutoParallel.Schedule.{options.Schedule}" };
        if (options.ChunkSize > 0)
        {
            arguments.Add($"chunkSize: {options.ChunkSize.ToString(CultureInfo.InvariantCulture)}");
        }

        if (options.MaxDegreeOfParallelism != 0)
        {
            arguments.Add($"maxDegreeOfParallelism: {options.MaxDegreeOfParallelism.ToString(CultureInfo.InvariantCulture)}");
        }

        if (options.MinIterations > 0)
        {
            arguments.Add($"minIterations: {options.MinIterations.ToString(CultureInfo.InvariantCulture)}");
        }

        arguments.Add($"costPerIteration: {options.CostPerIteration.ToString("0.0##", CultureInfo.InvariantCulture)}");
        if (options.Ordered)
        {
            arguments.Add("ordered: true");
        }

        return $"new global::AutoParallel.LoopOptions({string.Join(", ", arguments)})";
    }

    /// <summary>Writes the captured values as fields; returns whether there were any.</summary>
    private static bool WriteFields(IndentedWriter writer, ParallelLoopModel loop)
    {
        GeneratedNames names = loop.Names;
        bool any = false;
        foreach (CaptureModel capture in loop.Captures.Where(c => !c.IsSpan))
        {
            writer.WriteLine($"public {capture.Type} {capture.Name};");
            any = true;
        }

        if (loop.Space.StepExpression.Length > 0)
        {
            writer.WriteLine($"public {loop.Space.IndexType} {names.Step};");
            any = true;
        }

        if (loop.Space.IsCollapsed)
        {
            writer.WriteLine($"public long {names.Of("first")}0;");
            for (int level = 1; level <= loop.Space.Fused.Count; level++)
            {
                writer.WriteLine($"public long {names.Of("first")}{level};");
                writer.WriteLine($"public long {names.Of("count")}{level};");
            }

            any = true;
        }

        return any;
    }

    private static void WriteAccumulator(IndentedWriter writer, ParallelLoopModel loop)
    {
        writer.WriteLine("/// <summary>The reduction variables of one chunk (or the running total).</summary>");
        writer.WriteLine($"public struct {loop.Names.AccumulatorType}");
        using (writer.Block())
        {
            foreach (ReductionModel reduction in loop.Reductions)
            {
                writer.WriteLine($"public {FieldType(reduction)} {reduction.Name};");
            }
        }
    }

    private static void WriteCreateAccumulator(IndentedWriter writer, ParallelLoopModel loop)
    {
        GeneratedNames names = loop.Names;
        WriteInliningForScalars(writer, loop);
        writer.WriteLine($"public readonly {names.AccumulatorType} CreateAccumulator()");
        using (writer.Block())
        {
            writer.WriteLine($"var {names.Accumulator} = new {names.AccumulatorType}();");
            foreach (ReductionModel reduction in loop.Reductions)
            {
                if (reduction.IsArray)
                {
                    writer.WriteLine($"{names.Accumulator}.{reduction.Name} = new {reduction.Type}[this.{reduction.ArrayLength}];");
                    writer.WriteLine($"global::System.Array.Fill({names.Accumulator}.{reduction.Name}, {reduction.Identity});");
                }
                else
                {
                    writer.WriteLine($"{names.Accumulator}.{reduction.Name} = {reduction.Identity};");
                }
            }

            writer.WriteLine($"return {names.Accumulator};");
        }
    }

    private static void WriteExecute(IndentedWriter writer, ParallelLoopModel loop)
    {
        GeneratedNames names = loop.Names;
        string spans = loop.HasSpans ? $", in global::AutoParallel.PinnedSpans {names.Spans}" : string.Empty;
        string accumulator = loop.HasReductions ? $", ref {names.AccumulatorType} {names.Accumulator}" : string.Empty;
        if (loop.InlineExecute)
        {
            writer.WriteLine(GeneratedCode.AggressiveInlining);
        }

        writer.WriteLine($"public {(loop.HasReductions ? string.Empty : "readonly ")}void Execute(long {names.From}, long {names.To}{spans}{accumulator})");
        using (writer.Block())
        {
            foreach (CaptureModel capture in loop.Captures.Where(c => !loop.Reductions.Any(r => r.IsArray && r.Name == c.Name)))
            {
                writer.WriteLine(capture.Kind switch
                {
                    CaptureKind.Span => $"{capture.Type} {capture.Name} = {names.Spans}.Span<{capture.ElementType}>({capture.SpanIndex});",
                    CaptureKind.ReadOnlySpan => $"{capture.Type} {capture.Name} = {names.Spans}.ReadOnlySpan<{capture.ElementType}>({capture.SpanIndex});",
                    _ => $"{capture.Type} {capture.Name} = this.{capture.Name};",
                });
            }

            foreach (ReductionModel reduction in loop.Reductions)
            {
                writer.WriteLine($"{FieldType(reduction)} {reduction.Name} = {names.Accumulator}.{reduction.Name};");
            }

            if (loop.Space.StepExpression.Length > 0)
            {
                writer.WriteLine($"{loop.Space.IndexType} {names.Step} = this.{names.Step};");
            }

            IterationSpaceModel space = loop.Space;
            if (space.IsCollapsed)
            {
                WriteCollapsedLoop(writer, loop);
            }
            else if (loop.SimdSum is { } simd)
            {
                WriteSimdSum(writer, loop, simd);
            }
            else if (loop.Unchecked is { } hoisted)
            {
                WriteUncheckedChunk(writer, loop, hoisted);
            }
            else
            {
                WriteChunkLoop(writer, loop);
            }

            if (loop.Reductions.Any(r => !r.IsArray))
            {
                writer.WriteLine();
            }

            foreach (ReductionModel reduction in loop.Reductions.Where(r => !r.IsArray))
            {
                writer.WriteLine($"{names.Accumulator}.{reduction.Name} = {reduction.Name};");
            }
        }
    }

    /// <summary>The user's loop over the chunk <c>[__from, __to)</c>.</summary>
    private static void WriteChunkLoop(IndentedWriter writer, ParallelLoopModel loop) => WriteChunkLoop(writer, loop, loop.BodyText);

    /// <summary>
    /// The chunk's array indices checked once, from the ranges of the loop variables: inside their arrays, the body runs with
    /// <c>ref</c>s and no check per element; otherwise as written, so an index out of range throws where the user's would.
    /// </summary>
    private static void WriteUncheckedChunk(IndentedWriter writer, ParallelLoopModel loop, UncheckedBodyModel body)
    {
        GeneratedNames names = loop.Names;
        writer.WriteLine($"// Bounds checked once per chunk ({names.IndicesInRange}): when every index below lies inside its array, the chunk");
        writer.WriteLine("// reads and writes the arrays without a check per element; otherwise it runs as written.");
        writer.WriteLine($"if ({names.IndicesInRange}({names.From}, {names.To}))");
        using (writer.Block())
        {
            foreach (string reference in body.References)
            {
                writer.WriteLine(reference);
            }

            WriteChunkLoop(writer, loop, body.BodyText);
        }

        writer.WriteLine("else");
        using (writer.Block())
        {
            WriteChunkLoop(writer, loop);
        }
    }

    /// <summary>
    /// The guard of the unchecked copy, a method of its own: its ranges and comparisons are many short-lived values, which
    /// would otherwise crowd the registers of the chunk's loops.
    /// </summary>
    private static void WriteIndicesInRange(IndentedWriter writer, ParallelLoopModel loop, UncheckedBodyModel body)
    {
        GeneratedNames names = loop.Names;
        writer.WriteLine($"/// <summary>Whether every index the chunk <c>[{names.From}, {names.To})</c> computes lies inside its array: each loop variable's range gives the range of each index.</summary>");
        writer.WriteLine(GeneratedCode.NoInlining);
        writer.WriteLine($"private readonly bool {names.IndicesInRange}(long {names.From}, long {names.To})");
        using (writer.Block())
        {
            string guard = string.Join("\n", body.Ranges.Concat(body.Conditions));
            foreach (CaptureModel capture in loop.Captures.Where(c => c.Kind == CaptureKind.Value && Mentions(guard, c.Name)))
            {
                writer.WriteLine($"{capture.Type} {capture.Name} = this.{capture.Name};");
            }

            if (loop.Space.StepExpression.Length > 0 && Mentions(guard, names.Step))
            {
                writer.WriteLine($"{loop.Space.IndexType} {names.Step} = this.{names.Step};");
            }

            foreach (string range in body.Ranges)
            {
                writer.WriteLine(range);
            }

            for (int k = 0; k < body.Conditions.Count; k++)
            {
                writer.WriteLine((k == 0 ? "return " : "    && ") + body.Conditions[k] + (k == body.Conditions.Count - 1 ? ";" : string.Empty));
            }
        }
    }

    private static bool Mentions(string text, string name)
        => System.Text.RegularExpressions.Regex.IsMatch(text, @"(?<![\w@])" + System.Text.RegularExpressions.Regex.Escape(name) + @"(?!\w)");

    private static void WriteChunkLoop(IndentedWriter writer, ParallelLoopModel loop, string bodyText)
    {
        GeneratedNames names = loop.Names;
        IterationSpaceModel space = loop.Space;
        if (space.EndFitsInt)
        {
            // An int end: the JIT's loop cloning then proves the user's x[i] in range once, not on every iteration.
            writer.WriteLine($"for (int {space.IndexName} = (int){names.From}, {names.End} = (int){names.To}; {space.IndexName} < {names.End}; {Increment(space.IndexName, space.StepText)})");
        }
        else
        {
            writer.WriteLine($"for ({space.IndexType} {space.IndexName} = ({space.IndexType}){names.From}; {space.IndexName} < {names.To}; {Increment(space.IndexName, space.StepText)})");
        }

        using (writer.Block())
        {
            if (space.ElementDeclaration.Length > 0)
            {
                writer.WriteLine(space.ElementDeclaration);
            }

            writer.WriteBlockText(bodyText);
        }
    }

    /// <summary>
    /// <c>s += x[i]</c> over the chunk as a SIMD sum, when the chunk lies inside <c>x</c> and is long enough to gain; otherwise
    /// the user's loop runs, so an index out of range throws what it throws in the user's method.
    /// </summary>
    private static void WriteSimdSum(IndentedWriter writer, ParallelLoopModel loop, SimdSumModel simd)
    {
        GeneratedNames names = loop.Names;
        string from = names.From, to = names.To, chunk = names.Of("chunk"), element = names.Of("element");
        string name = loop.Reductions[0].Name;
        string slice = simd.IsSpan
            ? $"{simd.Source}.Slice((int){from}, (int)({to} - {from}))"
            : $"new global::System.ReadOnlySpan<{simd.ElementType}>({simd.Source}, (int){from}, (int)({to} - {from}))";
        writer.WriteLine($"// SIMD: {name} += {simd.Source}[…] adds the chunk in Vector<{simd.ElementType}> lanes, in an order fixed by the chunk's bounds;");
        writer.WriteLine("// a chunk shorter than 64 elements is added one by one, over a span (no bounds check per element).");
        writer.WriteLine($"if ({from} >= 0 && {to} <= {simd.Source}.Length)");
        using (writer.Block())
        {
            writer.WriteLine($"global::System.ReadOnlySpan<{simd.ElementType}> {chunk} = {slice};");
            writer.WriteLine($"if ({chunk}.Length >= 64)");
            using (writer.Block())
            {
                writer.WriteLine($"{name} = global::AutoParallel.VectorReduction.Sum({chunk}, {name});");
            }

            writer.WriteLine("else");
            using (writer.Block())
            {
                writer.WriteLine($"foreach ({simd.ElementType} {element} in {chunk})");
                using (writer.Block())
                {
                    writer.WriteLine($"{name} += {element};");
                }
            }
        }

        writer.WriteLine("else");
        using (writer.Block())
        {
            writer.WriteLine("// Part of the chunk lies outside the source: the loop as written, which throws where the user's would.");
            WriteChunkLoop(writer, loop);
        }
    }

    /// <summary>
    /// A chunk of a fused nest: positions <c>[__from, __to)</c> of the flattened space are decoded (innermost digit first) into
    /// the outer loop variables, then the innermost loop runs as the user wrote it, row by row, so <c>continue</c> keeps its meaning.
    /// </summary>
    private static void WriteCollapsedLoop(IndentedWriter writer, ParallelLoopModel loop)
    {
        GeneratedNames names = loop.Names;
        string k = names.K, from = names.From, to = names.To, rest = names.Of("rest"), position = names.Of("position"),
            count = names.Of("count"), first = names.Of("first"), run = names.Of("run"), stop = names.Of("stop");
        IterationSpaceModel space = loop.Space;
        int innermost = space.Fused.Count;
        writer.WriteLine($"for (long {k} = {from}; {k} < {to};)");
        using (writer.Block())
        {
            writer.WriteLine($"// Where position {k} falls in the fused nest, innermost loop first.");
            writer.WriteLine($"long {rest} = {k};");
            for (int level = innermost; level >= 1; level--)
            {
                writer.WriteLine($"long {position}{level} = {rest} % this.{count}{level};");
                writer.WriteLine($"{rest} /= this.{count}{level};");
            }

            writer.WriteLine($"{space.IndexType} {space.IndexName} = ({space.IndexType})(this.{first}0 + {Scaled(rest, space.StepText)});");
            for (int level = 1; level < innermost; level++)
            {
                FusedLoopModel middle = space.Fused[level - 1];
                writer.WriteLine($"{middle.IndexType} {middle.IndexName} = ({middle.IndexType})(this.{first}{level} + {Scaled(position + level, middle.StepText)});");
            }

            FusedLoopModel inner = space.Fused[innermost - 1];
            writer.WriteLine($"long {run} = global::System.Math.Min(this.{count}{innermost} - {position}{innermost}, {to} - {k});");
            writer.WriteLine($"long {stop} = this.{first}{innermost} + {Scaled($"({position}{innermost} + {run})", inner.StepText)};");
            writer.WriteLine($"for ({inner.IndexType} {inner.IndexName} = ({inner.IndexType})(this.{first}{innermost} + {Scaled(position + innermost, inner.StepText)}); {inner.IndexName} < {stop}; {Increment(inner.IndexName, inner.StepText)})");
            using (writer.Block())
            {
                writer.WriteBlockText(loop.BodyText);
            }

            writer.WriteLine();
            writer.WriteLine($"{k} += {run};");
        }
    }

    private static string Increment(string index, string step) => step == "1" ? $"{index}++" : $"{index} += {step}";

    private static string Scaled(string position, string step) => step == "1" ? position : $"({position} * {step})";

    /// <summary>
    /// <c>CreateAccumulator</c> and <c>Combine</c> are a statement per reduction variable: inlined, the accumulators of the
    /// one-chunk path stay in registers. Array reductions (a loop over the array) are left to the JIT.
    /// </summary>
    private static void WriteInliningForScalars(IndentedWriter writer, ParallelLoopModel loop)
    {
        if (loop.Reductions.All(r => !r.IsArray))
        {
            writer.WriteLine(GeneratedCode.AggressiveInlining);
        }
    }

    private static void WriteCombine(IndentedWriter writer, ParallelLoopModel loop)
    {
        GeneratedNames names = loop.Names;
        WriteInliningForScalars(writer, loop);
        writer.WriteLine($"public readonly void Combine(ref {names.AccumulatorType} {names.Total}, ref {names.AccumulatorType} {names.Partial})");
        using (writer.Block())
        {
            foreach (ReductionModel reduction in loop.Reductions)
            {
                string total = $"{names.Total}.{reduction.Name}";
                string partial = $"{names.Partial}.{reduction.Name}";
                if (reduction.IsArray)
                {
                    writer.WriteLine($"for (int {names.K} = 0; {names.K} < {total}.Length; {names.K}++)");
                    using (writer.Block())
                    {
                        writer.WriteLine(CombineStatement(reduction, total + $"[{names.K}]", partial + $"[{names.K}]"));
                    }
                }
                else
                {
                    writer.WriteLine(CombineStatement(reduction, total, partial));
                }
            }
        }
    }

    /// <summary>
    /// Whether a loop that runs as one chunk may accumulate straight into the seed: when every variable holds its identity
    /// there, a fresh accumulator and the combine step would change no bit. The seed is usually a constant
    /// (<c>double s = 0;</c>), so the JIT folds the test away.
    /// </summary>
    private static void WriteCanExecuteInto(IndentedWriter writer, ParallelLoopModel loop)
    {
        GeneratedNames names = loop.Names;
        bool every = loop.Reductions.All(r => r.EqualMeansIdentity);
        writer.WriteLine($"/// <summary>Whether a chunk may run straight into <paramref name=\"{names.Total}\"/>: it holds every identity, so combining would change no bit.</summary>");
        writer.WriteLine(GeneratedCode.AggressiveInlining);
        writer.WriteLine($"public readonly bool CanExecuteInto(in {names.AccumulatorType} {names.Total})");
        using (writer.Block())
        {
            if (!every)
            {
                ReductionModel other = loop.Reductions.First(r => !r.EqualMeansIdentity);
                string why = other.IsArray
                    ? $"{other.Name} is an array reduction, whose chunks fill private copies"
                    : $"a {other.Type} equal to the identity need not be the identity ({other.Name})";
                writer.WriteLine($"// Never: {why}; every chunk starts from the identities and is combined.");
                writer.WriteLine("return false;");
                return;
            }

            if (loop.Reductions.Any(r => r.Operator == ReductionOperator.Sum && r.Identity is "-0d" or "-0f"))
            {
                writer.WriteLine("// == -0 holds for +0 as well: a sum started from +0.0 is +0.0 plus the sum started from -0.0, the combined result.");
            }

            writer.WriteLine("return " + string.Join(" && ", loop.Reductions.Select(r => $"{names.Total}.{r.Name} == {r.Identity}")) + ";");
        }
    }

    /// <summary>Folds one partial value into the total, with the same operation the user's update used.</summary>
    private static string CombineStatement(ReductionModel reduction, string total, string partial) => reduction.Operator switch
    {
        ReductionOperator.Sum => $"{total} += {partial};",
        ReductionOperator.Product or ReductionOperator.Quotient => $"{total} *= {partial};",
        ReductionOperator.BitwiseAnd => $"{total} &= {partial};",
        ReductionOperator.BitwiseOr => $"{total} |= {partial};",
        ReductionOperator.BitwiseXor => $"{total} ^= {partial};",
        ReductionOperator.LogicalAnd => $"{total} = {total} && {partial};",
        ReductionOperator.LogicalOr => $"{total} = {total} || {partial};",
        ReductionOperator.Min or ReductionOperator.Max => $"{total} = {reduction.Function}({total}, {partial});",
        ReductionOperator.MinIfLess => $"if ({partial} < {total}) {total} = {partial};",
        ReductionOperator.MinIfLessOrEqual => $"if ({partial} <= {total}) {total} = {partial};",
        ReductionOperator.MaxIfGreater => $"if ({partial} > {total}) {total} = {partial};",
        ReductionOperator.MaxIfGreaterOrEqual => $"if ({partial} >= {total}) {total} = {partial};",
        _ => $"{total} += {partial};",
    };

    private static string FieldType(ReductionModel reduction) => reduction.IsArray ? reduction.Type + "[]" : reduction.Type;
}
