using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;

namespace AutoParallel.Report.Output;

/// <summary>
/// A ScottPlot chart with logarithmic axes: values are plotted as their base-10 logarithms, with decade ticks labelled in
/// the original units and logarithmic minor ticks.
/// </summary>
public sealed class LogLogChart
{
    private readonly Plot _plot = new();
    private int _series;

    /// <summary>A chart with a title and axis labels.</summary>
    public LogLogChart(string title, string xLabel, string yLabel)
    {
        _plot.Title(title);
        _plot.XLabel(xLabel);
        _plot.YLabel(yLabel);
        _plot.Add.Palette = new ScottPlot.Palettes.Category10();
        _plot.Axes.Bottom.TickGenerator = DecadeTicks();
        _plot.Axes.Left.TickGenerator = DecadeTicks();
    }

    /// <summary>Whether any series was added.</summary>
    public bool HasSeries => _series > 0;

    /// <summary>Adds a series through <paramref name="points"/> (non-positive values are left out: they have no logarithm).</summary>
    /// <param name="label">The legend text.</param>
    /// <param name="points">The (x, y) points, in original units.</param>
    /// <param name="dashed">Draws a dashed line (peers), else a solid one (C#).</param>
    /// <param name="markersOnly">Draws the points only, no line.</param>
    public void Add(string label, IEnumerable<(double X, double Y)> points, bool dashed = false, bool markersOnly = false)
    {
        var positive = points.Where(p => p.X > 0 && p.Y > 0).OrderBy(p => p.X).ToArray();
        if (positive.Length == 0)
        {
            return;
        }

        var scatter = _plot.Add.Scatter(positive.Select(p => Math.Log10(p.X)).ToArray(), positive.Select(p => Math.Log10(p.Y)).ToArray());
        scatter.LegendText = label;
        scatter.MarkerSize = 7;
        scatter.MarkerShape = MarkerShapes[_series % MarkerShapes.Length];
        scatter.LineWidth = markersOnly ? 0 : 2;
        scatter.LinePattern = dashed ? LinePattern.Dashed : LinePattern.Solid;
        _series++;
    }

    /// <summary>Writes the chart as a PNG of <paramref name="width"/>×<paramref name="height"/> pixels, legend on the right.</summary>
    public void SavePng(string path, int width = 1100, int height = 650)
    {
        _plot.ShowLegend(Edge.Right);
        _plot.SavePng(path, width, height);
    }

    private static readonly MarkerShape[] MarkerShapes =
    {
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp,
        MarkerShape.OpenDiamond, MarkerShape.Cross, MarkerShape.Eks,
    };

    private static ScottPlot.TickGenerators.NumericAutomatic DecadeTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = DecadeLabel,
    };

    private static string DecadeLabel(double exponent)
    {
        double value = Math.Pow(10, exponent);
        return value >= 1e3 || value < 1e-2
            ? "1e" + Math.Round(exponent).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
    }
}
