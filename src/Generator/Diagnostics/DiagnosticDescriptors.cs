using Microsoft.CodeAnalysis;

namespace AutoParallel.Generator.Diagnostics;

/// <summary>
/// Every diagnostic AutoParallel reports. IDs are part of the product's contract (DESIGN.md §4); each has a page at
/// <c>docs/diagnostics/{id}.md</c>, which is also its help link.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string HelpLinkBase = "https://github.com/autoparallel/autoparallel/blob/main/docs/diagnostics/";

    public const string UsageCategory = "AutoParallel.Usage";
    public const string CorrectnessCategory = "AutoParallel.Correctness";
    public const string PerformanceCategory = "AutoParallel.Performance";
    public const string VectoriseCategory = "AutoParallel.Vectorise";
    public const string ReportCategory = "AutoParallel.Report";

    public static readonly DiagnosticDescriptor TypeMustBePartial = Create(
        RuleIds.TypeMustBePartial,
        "Type must be partial",
        "Type '{0}' must be declared partial: AutoParallel generates '{1}' into it",
        UsageCategory,
        DiagnosticSeverity.Error,
        "A [Parallelise] or [Vectorise] method gets its generated twin in the same type, so the type and every type it is nested in must be partial.");

    public static readonly DiagnosticDescriptor NoTargetLoop = Create(
        RuleIds.NoTargetLoop,
        "No loop can be parallelised",
        "No loop in '{0}' can be parallelised: {1}",
        UsageCategory,
        DiagnosticSeverity.Error,
        "A [Parallelise] method needs a counted loop the generator can take: for (int|long|nint i = a; i < b; i += c) with a positive constant step, or foreach over an array, span or Prange.Range.");

    public static readonly DiagnosticDescriptor LoopCarriedDependency = Create(
        RuleIds.LoopCarriedDependency,
        "Loop-carried dependency",
        "Loop-carried dependency: {0}",
        CorrectnessCategory,
        DiagnosticSeverity.Error,
        "An iteration reads or writes what another iteration writes, so running iterations in parallel would give a different answer. Nothing is generated for the method.");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        RuleIds.UnsupportedConstruct,
        "Construct cannot run in a parallel loop",
        "'{0}' cannot run in a parallel loop: {1}",
        CorrectnessCategory,
        DiagnosticSeverity.Error,
        "break, return, goto, yield and await leave or suspend the loop, and writes to ref/out parameters escape it; none of these has a meaning when iterations run at the same time.");

    public static readonly DiagnosticDescriptor InnerLoopParallelism = Create(
        RuleIds.InnerLoopParallelism,
        "Inner-loop parallelism",
        "The parallel loop '{0}' sits inside loop '{1}', whose iterations are independent: parallelise the outer loop instead",
        PerformanceCategory,
        DiagnosticSeverity.Warning,
        "Starting a parallel region on every iteration of an outer loop pays the fork-join cost many times over and gives each thread little work; the outer loop could carry the parallelism once.");

    public static readonly DiagnosticDescriptor NestedOversubscription = Create(
        RuleIds.NestedOversubscription,
        "Nested parallel region",
        "'{0}' starts a parallel region inside a parallel loop body: nested parallelism oversubscribes the cores",
        PerformanceCategory,
        DiagnosticSeverity.Warning,
        "A parallel region started inside a parallel loop's body asks for more threads than there are cores. AutoParallel's runtime runs nested generated loops sequentially; Parallel.*, PLINQ and Task.Run do not.");

    public static readonly DiagnosticDescriptor CapturedClosure = Create(
        RuleIds.CapturedClosure,
        "Captured variable in a parallel closure",
        "The lambda captures '{0}', {1}",
        CorrectnessCategory,
        DiagnosticSeverity.Warning,
        "A lambda run by several threads that writes a captured variable races on it; a lambda that captures a for-loop variable sees the variable's later values.");

    public static readonly DiagnosticDescriptor PossibleRace = Create(
        RuleIds.PossibleRace,
        "Possible race",
        "Possible race: {0}",
        CorrectnessCategory,
        DiagnosticSeverity.Warning,
        "The analysis cannot prove that parallel iterations do not interfere here. The code is generated; check the named expression.");

    public static readonly DiagnosticDescriptor TooLittleWork = Create(
        RuleIds.TooLittleWork,
        "Too little work for threads",
        "The loop '{0}' runs {1} iterations, too few to gain from threads",
        PerformanceCategory,
        DiagnosticSeverity.Warning,
        "Starting threads costs microseconds; a loop with a small constant trip count is faster sequentially. The runtime falls back to sequential, but the parallel version is pointless.");

    public static readonly DiagnosticDescriptor VectoriseSignatureNotSupported = Create(
        RuleIds.VectoriseSignatureNotSupported,
        "[Vectorise] signature not supported",
        "[Vectorise] method '{0}' cannot be vectorised: {1}",
        VectoriseCategory,
        DiagnosticSeverity.Error,
        "[Vectorise] takes static methods whose parameters and return type are primitive numeric types (or bool), passed by value and not generic.");

    public static readonly DiagnosticDescriptor VectoriseScalarFallback = Create(
        RuleIds.VectoriseScalarFallback,
        "[Vectorise] body generated as a scalar loop",
        "'{0}' is generated as a scalar loop, not SIMD: {1}",
        VectoriseCategory,
        DiagnosticSeverity.Info,
        "The span overload is still generated, as a tight scalar loop; the message names the expression that has no Vector<T> translation.");

    public static readonly DiagnosticDescriptor CollapseNotApplicable = Create(
        RuleIds.CollapseNotApplicable,
        "Collapse cannot fuse these loops",
        "Collapse = {0} cannot fuse the loops of '{1}': {2}; only the outer loop is parallelised",
        UsageCategory,
        DiagnosticSeverity.Warning,
        "Collapse fuses perfectly nested rectangular loops: each loop's body is exactly the next loop, and inner bounds do not depend on outer loop variables.");

    public static readonly DiagnosticDescriptor ParallelisationReport = Create(
        RuleIds.ParallelisationReport,
        "Parallelisation report",
        "{0}",
        ReportCategory,
        DiagnosticSeverity.Info,
        "What AutoParallel did with a [Parallelise] method: the loop chosen, reductions, private and shared variables, the schedule. Off by default, like numba's parallel_diagnostics; enable it in .editorconfig.",
        isEnabledByDefault: false);

    public static readonly DiagnosticDescriptor InnerLoopChosen = Create(
        RuleIds.InnerLoopChosen,
        "Outer loop carries a dependency; an inner loop was parallelised",
        "Loop '{0}' stays sequential ({1}); {2} instead",
        UsageCategory,
        DiagnosticSeverity.Info,
        "Auto-parallelisation takes the outermost loop whose iterations are independent. When the outermost loop carries a dependency (a time-step loop around a stencil), it stays sequential and each run of the inner loop is parallel.");

    /// <summary>The help link of a rule: its page in <c>docs/diagnostics</c>.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        bool isEnabledByDefault = true)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault, description, HelpLink(id));
}
