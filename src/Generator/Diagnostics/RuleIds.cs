namespace AutoParallel.Generator.Diagnostics;

/// <summary>The diagnostic IDs, shared with the code fixes. Part of the product's contract: never renumber.</summary>
public static class RuleIds
{
    /// <summary>Type (or a type it is nested in) is not partial.</summary>
    public const string TypeMustBePartial = "AP0001";

    /// <summary>A [Parallelise] method has no loop that can be targeted.</summary>
    public const string NoTargetLoop = "AP0002";

    /// <summary>Loop-carried dependency.</summary>
    public const string LoopCarriedDependency = "AP0003";

    /// <summary>A construct that cannot run in a parallel loop.</summary>
    public const string UnsupportedConstruct = "AP0004";

    /// <summary>Inner-loop parallelism where the outer loop could carry it.</summary>
    public const string InnerLoopParallelism = "AP0005";

    /// <summary>A parallel region started inside a parallel loop body.</summary>
    public const string NestedOversubscription = "AP0006";

    /// <summary>A closure in a parallel body captures a written variable or a for-loop variable.</summary>
    public const string CapturedClosure = "AP0007";

    /// <summary>A possible race the analysis cannot rule out.</summary>
    public const string PossibleRace = "AP0008";

    /// <summary>Too little work to gain from threads.</summary>
    public const string TooLittleWork = "AP0009";

    /// <summary>[Vectorise] signature not supported.</summary>
    public const string VectoriseSignatureNotSupported = "AP0010";

    /// <summary>[Vectorise] body generated as a scalar loop.</summary>
    public const string VectoriseScalarFallback = "AP0011";

    /// <summary>Collapse asked for loops that are not perfectly nested and rectangular.</summary>
    public const string CollapseNotApplicable = "AP0012";

    /// <summary>The parallelisation report (off by default).</summary>
    public const string ParallelisationReport = "AP0013";

    /// <summary>An inner loop was parallelised because the outer one carries a dependency.</summary>
    public const string InnerLoopChosen = "AP0014";
}
