using System;
using System.Collections.Generic;
using System.Linq;

namespace AutoParallel.Report.Analysis;

/// <summary>The few statistics the report takes of repeated measurements.</summary>
public static class Statistics
{
    /// <summary>The middle value; the mean of the two middle ones when the count is even.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
