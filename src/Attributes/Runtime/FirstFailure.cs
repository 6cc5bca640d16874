using System;
using System.Runtime.ExceptionServices;

namespace AutoParallel;

/// <summary>
/// Keeps the exception thrown by the earliest chunk (lowest iteration), so a parallel loop fails with the exception the
/// sequential loop would have thrown first, rethrown as itself with its original stack trace, not wrapped in an
/// <see cref="AggregateException"/>.
/// </summary>
internal sealed class FirstFailure
{
    private readonly object _gate = new();
    private ExceptionDispatchInfo? _exception;
    private long _iteration = long.MaxValue;
    private volatile bool _failed;

    public bool HasFailed => _failed;

    public void Record(long iteration, Exception exception)
    {
        lock (_gate)
        {
            if (_exception is null || iteration < _iteration)
            {
                _exception = ExceptionDispatchInfo.Capture(exception);
                _iteration = iteration;
            }

            _failed = true;
        }
    }

    public void ThrowIfFailed() => _exception?.Throw();

    /// <summary>Forgets any failure, for the next loop that reuses this region.</summary>
    public void Reset()
    {
        _exception = null;
        _iteration = long.MaxValue;
        _failed = false;
    }
}
