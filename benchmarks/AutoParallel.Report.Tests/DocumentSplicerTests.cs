using System;
using AutoParallel.Report.Output;

namespace AutoParallel.Report.Tests;

public sealed class DocumentSplicerTests
{
    [Fact]
    public void Without_markers_the_generated_part_goes_after_the_title()
    {
        string result = DocumentSplicer.Splice("# Benchmarks\n\nHand-written.\n", "generated\n");
        Assert.Equal("# Benchmarks\n\n<!-- report:begin -->\ngenerated\n<!-- report:end -->\n\nHand-written.\n", result);
    }

    [Fact]
    public void With_markers_only_the_part_between_them_changes()
    {
        string document = "# B\n\n<!-- report:begin -->\nold\n<!-- report:end -->\n\n## Vectorise\nkept\n";
        string result = DocumentSplicer.Splice(document, "new");
        Assert.Equal("# B\n\n<!-- report:begin -->\nnew\n<!-- report:end -->\n\n## Vectorise\nkept\n", result);
        Assert.Equal(result, DocumentSplicer.Splice(result, "new"));
    }

    [Fact]
    public void An_end_marker_without_a_begin_marker_is_an_error()
        => Assert.Throws<FormatException>(() => DocumentSplicer.Splice("# B\n<!-- report:end -->\n", "x"));
}
