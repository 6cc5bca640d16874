namespace AutoParallel.Report.Analysis;

/// <summary>One row of the targets table: an issue-6 target, what was measured, and the verdict.</summary>
/// <param name="Number">The target's number in issue 6, with a letter when it has several parts (<c>3b</c>).</param>
/// <param name="Target">The target, as the issue states it.</param>
/// <param name="Measured">The measured value(s), with where the worst case was.</param>
/// <param name="Verdict">Met, missed (by how much) or not measured.</param>
public sealed record TargetResult(string Number, string Target, string Measured, Verdict Verdict);
