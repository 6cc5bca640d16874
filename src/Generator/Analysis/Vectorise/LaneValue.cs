using System;
using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Analysis.Vectorise;

/// <summary>
/// A lowered expression: C# code that computes it, either one scalar value for every lane (<see cref="Varying"/> false) or a
/// <c>Vector&lt;T&gt;</c> of the type's lane representation (for a boolean, a lane mask).
/// </summary>
internal readonly struct LaneValue
{
    public LaneValue(string code, LaneType? type, bool varying)
    {
        Code = code;
        Type = type;
        Varying = varying;
    }

    public string Code { get; }

    /// <summary>The C# type of the value; <see langword="null"/> for a uniform value of a type lanes never hold.</summary>
    public LaneType? Type { get; }

    public bool Varying { get; }
}

/// <summary>Thrown while lowering a kernel when a construct has no exact lane-wise form; the kernel then runs as a scalar loop (AP0011).</summary>
internal sealed class NotVectorisableException : Exception
{
    public NotVectorisableException(SyntaxNode node, string reason)
        : base(reason)
    {
        Node = node;
        Reason = reason;
    }

    /// <summary>The expression or statement at fault, where AP0011 is reported.</summary>
    public SyntaxNode Node { get; }

    public string Reason { get; }
}
