using System;

namespace AutoParallel.Runtime.Tests;

[Collection(RuntimeStateCollection.Name)]
public sealed class ThreadCountTests : IDisposable
{
    public void Dispose() => ParallelRuntime.NumThreads = ParallelRuntime.DefaultNumThreads;

    [Theory]
    [InlineData("3", 3)]
    [InlineData(" 12 ", 12)]
    [InlineData("1", 1)]
    public void Environment_variable_sets_the_default(string value, int expected) => Assert.Equal(expected, ThreadCountPolicy.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("many")]
    public void Anything_but_a_positive_integer_means_the_processor_count(string? value)
        => Assert.Equal(Environment.ProcessorCount, ThreadCountPolicy.Parse(value));

    [Fact]
    public void Num_threads_is_settable_and_validated()
    {
        ParallelRuntime.NumThreads = 5;
        Assert.Equal(5, ParallelRuntime.NumThreads);
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelRuntime.NumThreads = 0);
        Assert.Equal(5, ParallelRuntime.NumThreads);
    }

    [Fact]
    public void Max_degree_follows_joblib_and_is_capped_by_the_runtime_thread_count()
    {
        int cores = Environment.ProcessorCount;
        ParallelRuntime.NumThreads = 64;
        Assert.Equal(64, ParallelRuntime.ResolveDegreeOfParallelism(0));
        Assert.Equal(3, ParallelRuntime.ResolveDegreeOfParallelism(3));
        Assert.Equal(Math.Min(cores, 64), ParallelRuntime.ResolveDegreeOfParallelism(-1));
        Assert.Equal(Math.Max(1, cores - 1), ParallelRuntime.ResolveDegreeOfParallelism(-2));
        Assert.Equal(1, ParallelRuntime.ResolveDegreeOfParallelism(-1000));

        ParallelRuntime.NumThreads = 2;
        Assert.Equal(2, ParallelRuntime.ResolveDegreeOfParallelism(8));
        Assert.Equal(2, ParallelRuntime.ResolveDegreeOfParallelism(0));
        Assert.Equal(1, ParallelRuntime.ResolveDegreeOfParallelism(1));
    }
}
