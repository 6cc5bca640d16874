using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AutoParallel.Generator.Tests.Execution;

/// <summary>A kernel <see cref="RandomKernels"/> wrote: <paramref name="Disturbed"/> when it must keep the scalar loop.</summary>
internal sealed record RandomKernel(string Name, string Source, bool IsFloat, bool Disturbed);

/// <summary>
/// Writes random kernels of the two shapes the generator runs in <c>Vector256</c> lanes, from a seed: the same seed, the same
/// source. Most of them have the form the lanes take; a few are disturbed (an inner bound that depends on the iteration, a
/// loop inside an inner loop, an <see langword="int"/> local, a read of the array written) so that the refusals are run too.
/// Every index they read lies inside the arrays <see cref="OuterArguments"/> and <see cref="RowArguments"/> make.
/// </summary>
internal sealed class RandomKernels
{
    private readonly Random _random;
    private readonly string _type;
    private readonly string _sqrt;
    /// <summary>The blocks open where the next line goes: their lane values, and the loop variable of a loop's block.</summary>
    private readonly List<(List<string> Locals, string? Counter)> _scopes = new();
    /// <summary>Lane values not read yet: each is read before its block ends (an unread constant is warning CS0219).</summary>
    private readonly HashSet<string> _unread = new();
    private readonly StringBuilder _text = new();
    private string _indent = string.Empty;
    private int _names;
    /// <summary>The inner loop's variable, inside an inner loop.</summary>
    private string? _inner;
    private bool _disturbed;
    /// <summary>Whether an element has been read since this was last cleared.</summary>
    private bool _read;

    private RandomKernels(int seed)
    {
        _random = new Random(seed);
        IsFloat = _random.Next(3) == 0;
        _type = IsFloat ? "float" : "double";
        _sqrt = IsFloat ? "MathF.Sqrt" : "Math.Sqrt";
    }

    private bool IsFloat { get; }

    /// <summary>
    /// <c>void {name}(T[] x, T[] w, int n, int d, T alpha, int scale, T[] result)</c>: for every <c>i</c> and <c>j</c> below
    /// <c>n</c>, lane values and inner loops over <c>k</c>, then <c>result[i * n + j] = …</c> (outer-loop lanes, across <c>j</c>).
    /// </summary>
    public static RandomKernel Outer(string name, int seed)
    {
        var kernels = new RandomKernels(seed);
        string source = kernels.OuterKernel(name);
        return new RandomKernel(name, source, kernels.IsFloat, kernels._disturbed);
    }

    /// <summary>
    /// <c>void {name}(T[] a, T[] b, int n, int m, T alpha, int scale, T[] c, T[] y)</c>: for every <c>i</c> below <c>n</c>, a
    /// row loop over <c>j</c> below <c>m</c> that stores <c>c[i * m + j] = …</c> or sums <c>s += …</c> into <c>y[i]</c>
    /// (row lanes, consecutive elements).
    /// </summary>
    public static RandomKernel Row(string name, int seed)
    {
        var kernels = new RandomKernels(seed);
        string source = kernels.RowKernel(name);
        return new RandomKernel(name, source, kernels.IsFloat, kernels._disturbed);
    }

    /// <summary>Arrays for an <see cref="Outer"/> kernel: every read of <c>x</c> and <c>w</c> lies inside them.</summary>
    public static object?[] OuterArguments(bool isFloat, int n, int d, int seed)
    {
        var random = new Random(seed);
        return new[]
        {
            Values(isFloat, ((n + 1) * (d + 1)) + 2, random),
            Values(isFloat, n + d + 4, random),
            n,
            d,
            isFloat ? 0.75f : (object)0.75,
            seed % 2 == 0 ? 3 : 1_000_003,
            Values(isFloat, (n * n) + 1, random),
        };
    }

    /// <summary>Arrays for a <see cref="Row"/> kernel: every read of <c>a</c> and <c>b</c> lies inside them.</summary>
    public static object?[] RowArguments(bool isFloat, int n, int m, int seed)
    {
        var random = new Random(seed);
        return new[]
        {
            Values(isFloat, (n * m) + n + 2, random),
            Values(isFloat, m + 2, random),
            n,
            m,
            isFloat ? -1.5f : (object)-1.5,
            seed % 2 == 0 ? 7 : 65_537,
            Values(isFloat, (n * m) + 1, random),
            Values(isFloat, n, random),
        };
    }

    private static object Values(bool isFloat, int count, Random random)
    {
        double[] values = Enumerable.Range(0, count).Select(_ => Math.Round((random.NextDouble() - 0.5) * 8, 3)).ToArray();
        return isFloat ? values.Select(v => (float)v).ToArray() : values;
    }

    private string OuterKernel(string name)
    {
        Begin(name, $"{_type}[] x, {_type}[] w, int n, int d, {_type} alpha, int scale, {_type}[] result", "x[i]", "x[i * d]");

        Loop("for (int j = 0; j < n; j++)", "j");
        string total = Declare(Literal(), "s");
        for (int statement = _random.Next(2); statement > 0; statement--)
        {
            Declare(Expression(2, OuterReads()), "v");
        }

        _disturbed = Chance(8);
        for (int loop = 1 + _random.Next(2); loop > 0; loop--)
        {
            InnerLoop(_disturbed && loop == 1, total);
            if (Chance(2))
            {
                Update(OuterReads());
            }
        }

        string stored = ReadingTheUnread(Expression(3, OuterReads()));
        Line(_disturbed && Chance(2) ? $"result[i * n + j] = {stored} + result[i * n + j];" : $"result[i * n + j] = {stored};");
        Close();
        Close();
        Close();
        return _text.ToString();
    }

    private void InnerLoop(bool disturbed, string total)
    {
        string k = Chance(2) ? "k" : "q";
        string header = _random.Next(6) switch
        {
            0 => $"for (int {k} = 0; {k} <= d; {k} += 2)",
            1 => $"for (int {k} = 1; {k} < d; {k}++)",
            2 => $"for (int {k} = 0; {k} < 2; {k}++)",
            3 => $"for (int {k} = d; {k} <= d + 1; {k}++)",
            _ => $"for (int {k} = 0; {k} < d; {k}++)",
        };
        int disturbance = disturbed ? _random.Next(3) : -1;
        if (disturbance == 0)
        {
            header = $"for (int {k} = 0; {k} < j; {k}++)";
        }

        Loop(header, k);
        _inner = k;
        string[] reads = OuterReads();
        if (disturbance == 1)
        {
            Line($"for (int p = 0; p < 2; p++)");
            Open();
            Update(reads);
            Close();
        }
        else if (disturbance == 2)
        {
            Line($"int z{_names++} = {k} * scale;");
        }

        for (int statement = 1 + _random.Next(3); statement > 0; statement--)
        {
            if (Chance(3))
            {
                Declare(Expression(2, reads), "t");
            }
            else
            {
                Update(reads);
            }
        }

        foreach (string local in _scopes[_scopes.Count - 1].Locals.Where(_unread.Remove))
        {
            Line($"{total} += {local};");
            _unread.Remove(total);
        }

        _inner = null;
        Close();
    }

    private string[] OuterReads() => _inner is { } k
        ? new[] { $"x[j * d + {k}]", $"x[i * d + {k}]", $"x[j * d + {k} + 1]", $"w[{k}]", $"w[{k} + 1]", $"x[{k}]", "x[j]" }
        : new[] { "x[j]", "x[i]", "x[j * d]" };

    private string RowKernel(string name)
    {
        bool sum = Chance(2);
        Begin(name, $"{_type}[] a, {_type}[] b, int n, int m, {_type} alpha, int scale, {_type}[] c, {_type}[] y", "a[i]", "b[0]");

        // The sum is read nowhere else in the row loop (a read would make it a value carried from one element to the next).
        string total = "s" + (_names++).ToString(CultureInfo.InvariantCulture);
        if (sum)
        {
            Line($"{_type} {total} = {Literal()};");
        }

        _disturbed = !sum && Chance(8);
        Loop(_disturbed || Chance(4) ? "for (int j = 1; j < m; j++)" : "for (int j = 0; j < m; j++)", "j");
        string[] reads = { "a[i * m + j]", "a[i * m + j + 1]", "b[j]", "b[j + 1]", "a[j]" };
        _read = false;
        for (int statement = _random.Next(3); statement > 0; statement--)
        {
            Declare(Expression(2, reads), "t");
        }

        string value = ReadingTheUnread(Expression(3, reads));

        // Row lanes are taken only where a row is read or written (then the chunk's check covers the counter's range).
        if (sum && !_read)
        {
            value = $"({value}) + a[i * m + j]";
        }

        if (sum)
        {
            Line($"{total} += {value};");
        }
        else
        {
            Line(_disturbed ? $"c[i * m + j] = {value} * c[i * m + j - 1];" : $"c[i * m + j] = {value};");
        }

        Close();
        if (sum)
        {
            Line($"y[i] = {total};");
        }

        Close();
        Close();
        return _text.ToString();
    }

    /// <summary>
    /// The method's attribute and signature, and the parallel loop over <c>i</c>, with sometimes a value of the row
    /// (<paramref name="rowReads"/>) that every iteration of the loops inside reads.
    /// </summary>
    private void Begin(string name, string parameters, params string[] rowReads)
    {
        Line("[Parallelise(MinIterations = 2)]");
        Line($"public static void {name}({parameters})");
        Open();
        Loop("for (int i = 0; i < n; i++)", "i");
        if (Chance(3))
        {
            Declare(Expression(1, rowReads), "r");
        }
    }

    private string Declare(string value, string prefix)
    {
        string name = prefix + (_names++).ToString(CultureInfo.InvariantCulture);
        Line($"{_type} {name} = {value};");
        _scopes[_scopes.Count - 1].Locals.Add(name);
        _unread.Add(name);
        return name;
    }

    /// <summary><paramref name="value"/>, plus the lane values in scope that nothing has read yet.</summary>
    private string ReadingTheUnread(string value)
    {
        string[] unread = _scopes.SelectMany(s => s.Locals).Where(_unread.Remove).ToArray();
        return unread.Length == 0 ? value : $"({value}) + {string.Join(" + ", unread)}";
    }

    private void Update(string[] reads)
    {
        List<string> locals = _scopes.SelectMany(s => s.Locals).Where(l => !l.StartsWith("r", StringComparison.Ordinal)).ToList();
        if (locals.Count == 0)
        {
            Declare(Expression(2, reads), "t");
            return;
        }

        string target = locals[_random.Next(locals.Count)];
        string symbol = new[] { "=", "+=", "+=", "-=", "*=", "/=" }[_random.Next(6)];
        if (symbol != "=")
        {
            _unread.Remove(target);
        }

        Line($"{target} {symbol} {Expression(2, reads)};");
    }

    /// <summary>An expression of the lanes' type, at most <paramref name="depth"/> operators deep.</summary>
    private string Expression(int depth, string[] reads)
    {
        if (depth == 0 || Chance(4))
        {
            return Leaf(reads);
        }

        switch (_random.Next(8))
        {
            case 0:
                return $"-{Wrapped(depth - 1, reads)}";
            case 1:
                return $"{_sqrt}({Expression(depth - 1, reads)})";
            default:
                string symbol = new[] { "+", "-", "*", "/", "+", "*" }[_random.Next(6)];
                return $"{Wrapped(depth - 1, reads)} {symbol} {Wrapped(depth - 1, reads)}";
        }
    }

    private string Wrapped(int depth, string[] reads)
    {
        string expression = Expression(depth, reads);
        return expression.All(c => char.IsLetterOrDigit(c) || c is '.' or '_') ? expression : "(" + expression + ")";
    }

    private string Leaf(string[] reads)
    {
        List<string> locals = _scopes.SelectMany(s => s.Locals).ToList();
        switch (_random.Next(7))
        {
            case 0:
                return Literal();
            case 1:
                return "alpha";
            case 2 when locals.Count > 0:
                string local = locals[_random.Next(locals.Count)];
                _unread.Remove(local);
                return local;
            case 3:
                return $"({_type})({Integer(2)})";
            case 4:
                // A fraction, so that the product is of the lanes' type (an int product could be divided by zero).
                return "(" + new[] { "0.5", "-0.25", "1.75" }[_random.Next(3)] + (IsFloat ? "f" : string.Empty) + " * " + Counters[Counters.Count - 1] + ")";
            default:
                _read = true;
                return reads[_random.Next(reads.Length)];
        }
    }

    /// <summary>An <see langword="int"/> expression of the loops' variables and <c>scale</c>, wrapping as the user's does.</summary>
    private string Integer(int depth)
    {
        if (depth == 0 || Chance(3))
        {
            var atoms = new List<string>(Counters) { "scale", _random.Next(1, 8).ToString(CultureInfo.InvariantCulture) };
            return atoms[_random.Next(atoms.Count)];
        }

        string symbol = new[] { "+", "-", "*" }[_random.Next(3)];
        return $"({Integer(depth - 1)} {symbol} {Integer(depth - 1)})";
    }

    private string Literal()
    {
        string literal = new[] { "0", "1", "2", "0.5", "-0.25", "1.75", "3" }[_random.Next(7)];
        return IsFloat && literal.Contains('.', StringComparison.Ordinal) ? literal + "f" : literal;
    }

    private List<string> Counters => _scopes.Select(s => s.Counter).OfType<string>().ToList();

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    /// <summary>A loop's header and opening brace; its variable is in scope until <see cref="Close"/>.</summary>
    private void Loop(string header, string counter)
    {
        Line(header);
        Open(counter);
    }

    private void Open(string? counter = null)
    {
        Line("{");
        _indent += "    ";
        _scopes.Add((new List<string>(), counter));
    }

    private void Close()
    {
        _scopes.RemoveAt(_scopes.Count - 1);
        _indent = _indent.Substring(4);
        Line("}");
    }

    private void Line(string line) => _text.Append(_indent).Append(line).Append('\n');
}
