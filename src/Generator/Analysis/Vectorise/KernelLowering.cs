using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AutoParallel.Generator.Model;
using AutoParallel.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AutoParallel.Generator.Analysis.Vectorise;

/// <summary>
/// Lowers the body of a <c>[Vectorise]</c> kernel to the body of its lane function: the same statements on <c>Vector&lt;T&gt;</c>
/// values, with control flow that differs between lanes turned into lane masks (both sides of a varying <c>if</c> run, each
/// under its mask; a varying <c>return</c> freezes those lanes' results; a loop runs while any lane is still in it).
/// </summary>
/// <remarks>
/// The lane function returns <see langword="false"/> ("bail out") when a lane needs something only the scalar kernel does exactly:
/// an exception the scalar code would throw, an integer conversion out of range. The caller then runs that block element by
/// element, so results are always those of the scalar kernel. Anything with no exact lane-wise form throws
/// <see cref="NotVectorisableException"/>, and the kernel runs as a scalar loop.
/// </remarks>
internal sealed partial class KernelLowering
{

    private readonly Uniformity _uniformity;
    private readonly LaneType _resultType;
    private readonly bool _mayDeactivate;
    private readonly IndentedWriter _writer = new();
    private readonly IndentedWriter _body = new();
    private readonly Dictionary<ILabelSymbol, (VaryingLoop Loop, bool IsBreak)> _varyingLoopLabels = new(SymbolEqualityComparer.Default);
    private readonly GeneratedNames _names;
    private int _temporaries;

    private KernelLowering(Uniformity uniformity, int width, LaneType resultType, bool mayDeactivate, GeneratedNames names)
    {
        _names = names;
        _uniformity = uniformity;
        Width = width;
        _resultType = resultType;
        _mayDeactivate = mayDeactivate;
        Mask = LaneType.MaskOf(width);
    }

    /// <summary>Bytes per lane: the size of the widest type the kernel computes with.</summary>
    public int Width { get; }

    /// <summary>The element type of lane masks at this width.</summary>
    public LaneType Mask { get; }

    /// <summary>Whether the lane function can ask for the scalar path (it then returns <see langword="bool"/>).</summary>
    public bool CanBail { get; private set; }

    private string MaskVector => LaneType.Vector(Mask.Keyword);

    private string AllLanes => MaskVector + ".AllBitsSet";

    private string NoLanes => MaskVector + ".Zero";

    /// <summary>Lowers <paramref name="body"/>; throws <see cref="NotVectorisableException"/> where it cannot.</summary>
    public static KernelLowering Lower(IOperation body, Uniformity uniformity, int width, LaneType resultType, GeneratedNames names)
    {
        var lowering = new KernelLowering(uniformity, width, resultType, MayDeactivate(body, uniformity, topLevel: true), names);
        bool reachesEnd = lowering.LowerStatements(ChildStatements(body), Region.AllLanes);
        lowering.WritePrologue();
        string returned = lowering.CanBail ? "return true;" : "return;";
        var lines = IndentedWriter.Dedent(lowering._body.ToString()).ToList();
        if (!lowering.CanBail && lines.Count > 0 && lines[lines.Count - 1] == ReturnMarker)
        {
            lines.RemoveAt(lines.Count - 1); // a void function's last statement needs no return
        }

        foreach (string line in lines)
        {
            lowering._writer.WriteLine(line.Replace(ReturnMarker, returned));
        }

        if (reachesEnd && lowering.CanBail)
        {
            lowering._writer.WriteLine("return true;");
        }

        return lowering;
    }

    /// <summary>The lowered statements of the lane function's body.</summary>
    public string Text => _writer.ToString();

    /// <summary>Stands for the lane function's normal return until it is known whether it returns <see langword="bool"/>.</summary>
    private const string ReturnMarker = "\u0001return\u0001";

    private void WritePrologue()
    {
        if (_mayDeactivate)
        {
            _writer.WriteLine($"// Lanes that have not returned yet; the others' results are frozen in {Result}.");
            _writer.WriteLine($"{MaskVector} {Active} = {AllLanes};");
        }

        _writer.WriteLine($"{Result} = {_resultType.VectorOf(Width)}.Zero;");
    }

    /// <summary>
    /// Whether some lanes can return while others go on: a return under a varying branch or in a loop that lanes leave apart,
    /// or any return before the last statement of a block that other statements follow in a varying region.
    /// </summary>
    private static bool MayDeactivate(IOperation operation, Uniformity uniformity, bool topLevel)
    {
        switch (operation)
        {
            case IReturnOperation:
                return !topLevel;
            case IConditionalOperation conditional when conditional.Type is null || conditional.Type.SpecialType == SpecialType.System_Void:
                bool varying = uniformity.IsVarying(conditional.Condition);
                return MayDeactivate(conditional.WhenTrue, uniformity, topLevel && !varying)
                    || (conditional.WhenFalse is not null && MayDeactivate(conditional.WhenFalse, uniformity, topLevel && !varying));
            case ILoopOperation loop:
                return operation.ChildOperations.Any(child => MayDeactivate(child, uniformity, topLevel && !uniformity.IsVarying(loop)));
            default:
                return operation.ChildOperations.Any(child => MayDeactivate(child, uniformity, topLevel));
        }
    }

    private string Temporary(string hint) => _names.Of(hint + (++_temporaries).ToString(CultureInfo.InvariantCulture));

    /// <summary>The mask of the lanes that have not returned yet.</summary>
    private string Active => _names.Of("active");

    /// <summary>The lane function's <c>out</c> vector of results.</summary>
    private string Result => _names.Of("result");

    private static IEnumerable<IOperation> ChildStatements(IOperation operation)
        => operation is IBlockOperation block ? block.Operations : new[] { operation };

    /// <summary>
    /// The lanes a statement runs for: those of the enclosing varying branches (<see cref="Branch"/>, a mask variable, or
    /// <see langword="null"/> for every lane) within the innermost loop that lanes leave apart (<see cref="Loop"/>).
    /// </summary>
    private sealed class Region
    {
        public static readonly Region AllLanes = new(null, null, System.Array.Empty<VaryingLoop>());

        public Region(string? branch, VaryingLoop? loop, IReadOnlyList<VaryingLoop> loops)
        {
            Branch = branch;
            Loop = loop;
            Loops = loops;
        }

        public string? Branch { get; }

        public VaryingLoop? Loop { get; }

        /// <summary>Every enclosing varying loop, innermost first: a lane that returns leaves them all.</summary>
        public IReadOnlyList<VaryingLoop> Loops { get; }

        /// <summary>The mask an assignment here is made under, or <see langword="null"/> for every lane.</summary>
        public string? Lanes => (Branch, Loop?.Iteration) switch
        {
            (null, null) => null,
            (string branch, null) => branch,
            (null, string iteration) => iteration,
            (string branch, string iteration) => Loop!.LanesLeave ? $"({branch} & {iteration})" : branch,
        };

        public Region WithBranch(string branch) => new(branch, Loop, Loops);

        public Region Inside(VaryingLoop loop) => new(null, loop, new[] { loop }.Concat(Loops).ToList());
    }

    /// <summary>A loop that lanes leave at different iterations: <see cref="Remaining"/> are still in it, <see cref="Iteration"/> still in this pass.</summary>
    private sealed class VaryingLoop
    {
        public VaryingLoop(string remaining, string iteration, bool lanesLeave)
        {
            Remaining = remaining;
            Iteration = iteration;
            LanesLeave = lanesLeave;
        }

        public string Remaining { get; }

        public string Iteration { get; }

        /// <summary>The body has a <c>break</c> or <c>continue</c> (or <c>return</c>) under a varying branch, so <see cref="Iteration"/> shrinks during a pass.</summary>
        public bool LanesLeave { get; }
    }
}
