using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoParallel.Generator.Model;

/// <summary>
/// The names generated code declares next to the user's: the chunk's bounds and locals, the call's locals, the body struct's
/// fields. They share one prefix, <c>__</c>, unless the user's method itself uses a name that starts with <c>__</c>; then
/// the prefix is one that no name in the method starts with (<c>__ap_</c>, <c>__ap1_</c> …), so no generated name can
/// hide, or be hidden by, one of the user's. The body struct's reduction type is <c>Accumulator</c>, unless the method
/// uses that name too (a reduction variable called <c>Accumulator</c> could not be one of its fields).
/// </summary>
/// <param name="Prefix">What every generated name starts with.</param>
/// <param name="AccumulatorType">The name of the body struct's nested type holding one chunk's reduction variables.</param>
internal sealed record GeneratedNames(string Prefix, string AccumulatorType)
{
    private const string AccumulatorName = "Accumulator";

    /// <summary>The names of a method that uses no name starting with <c>__</c>, and not <c>Accumulator</c>.</summary>
    public static GeneratedNames Default { get; } = new("__", AccumulatorName);

    /// <summary>The names for the generated code of <paramref name="method"/>, a prefix none of its identifiers starts with.</summary>
    public static GeneratedNames For(SyntaxNode method)
    {
        string[] identifiers = method.DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken))
            .Select(t => t.ValueText)
            .Where(name => name == AccumulatorName || name.StartsWith("__", System.StringComparison.Ordinal))
            .Distinct()
            .ToArray();
        if (identifiers.Length == 0)
        {
            return Default;
        }

        string prefix = PrefixAvoiding(identifiers.Where(name => name.StartsWith("__", System.StringComparison.Ordinal)).ToArray());
        return new GeneratedNames(prefix, identifiers.Contains(AccumulatorName) ? prefix + AccumulatorName : AccumulatorName);
    }

    private static string PrefixAvoiding(string[] underscored)
    {
        if (underscored.Length == 0)
        {
            return Default.Prefix;
        }

        for (int k = 0; ; k++)
        {
            string prefix = "__ap" + (k == 0 ? string.Empty : k.ToString(CultureInfo.InvariantCulture)) + "_";
            if (!underscored.Any(name => name.StartsWith(prefix, System.StringComparison.Ordinal)))
            {
                return prefix;
            }
        }
    }

    /// <summary>A generated name: the prefix, then <paramref name="name"/>.</summary>
    public string Of(string name) => Prefix + name;

    /// <summary>The chunk's first position, <c>Execute</c>'s first parameter.</summary>
    public string From => Prefix + "from";

    /// <summary>The chunk's exclusive end, <c>Execute</c>'s second parameter.</summary>
    public string To => Prefix + "to";

    /// <summary>The chunk's end as an <c>int</c>, when the loop counts in <c>int</c>s.</summary>
    public string End => Prefix + "end";

    /// <summary>A counter of the generated code's own loops.</summary>
    public string K => Prefix + "k";

    /// <summary>The position in a <c>foreach</c> collection.</summary>
    public string Index => Prefix + "i";

    /// <summary>A step that is not a constant: a local of the call, a field of the body, a local of the chunk.</summary>
    public string Step => Prefix + "step";

    /// <summary>The body struct, a local of the call.</summary>
    public string Loop => Prefix + "loop";

    /// <summary>The reduced values the runtime returns, a local of the call.</summary>
    public string Result => Prefix + "result";

    /// <summary>The chunk's reduction variables, <c>Execute</c>'s <c>ref</c> parameter.</summary>
    public string Accumulator => Prefix + "accumulator";

    /// <summary>The running total in <c>Combine</c> and <c>CanExecuteInto</c>.</summary>
    public string Total => Prefix + "total";

    /// <summary>A chunk's result in <c>Combine</c>.</summary>
    public string Partial => Prefix + "partial";

    /// <summary>The pinned spans, <c>Execute</c>'s <c>in</c> parameter.</summary>
    public string Spans => Prefix + "spans";

    /// <summary>The enclosing instance, a field of the body.</summary>
    public string Self => Prefix + "self";

    /// <summary>A <c>foreach</c> collection that is not a plain variable, evaluated once.</summary>
    public string Collection => Prefix + "collection";

    /// <summary>The body struct's static field holding the loop's options.</summary>
    public string Options => Prefix + "options";

    /// <summary>The guard of the chunk's unchecked copy.</summary>
    public string IndicesInRange => Prefix + "IndicesInRange";

    /// <summary>A captured variable whose own name would clash with a generated one.</summary>
    public string Captured(string name) => Prefix + "captured_" + name;
}
