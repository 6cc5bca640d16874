using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;

namespace AutoParallel.Benchmarks;

/// <summary>
/// For a class whose cases differ by a few percent at most (<see cref="NestedRegions"/>): runs its cases round by round, by
/// its <c>Round</c> parameter, with the methods in declared order in odd rounds and in reverse order in even ones. A slow
/// drift of the host then lands on both sides of a comparison instead of on whichever method BenchmarkDotNet runs last.
/// </summary>
public sealed class AlternatingRoundsConfig : ManualConfig
{
    /// <summary>The name of the <c>[Params]</c> property that numbers the rounds.</summary>
    public const string RoundParameter = "Round";

    /// <summary>A config that only sets the execution order; jobs, exporters and filters come from the command line.</summary>
    public AlternatingRoundsConfig() => WithOrderer(new AlternatingRoundsOrderer());

    private sealed class AlternatingRoundsOrderer : DefaultOrderer
    {
        public override IEnumerable<BenchmarkCase> GetExecutionOrder(
            ImmutableArray<BenchmarkCase> benchmarkCases, IEnumerable<BenchmarkLogicalGroupRule>? order = null)
        {
            // The default order sorts by parameters first, so each round's cases come together, in declared method order.
            foreach (IGrouping<int, BenchmarkCase> round in base.GetExecutionOrder(benchmarkCases, order).GroupBy(RoundOf).OrderBy(r => r.Key))
            {
                IEnumerable<BenchmarkCase> cases = round.Key % 2 == 0 ? round.Reverse() : round;
                foreach (BenchmarkCase benchmarkCase in cases)
                {
                    yield return benchmarkCase;
                }
            }
        }

        private static int RoundOf(BenchmarkCase benchmarkCase) => benchmarkCase.Parameters[RoundParameter] is int round ? round : 0;
    }
}
