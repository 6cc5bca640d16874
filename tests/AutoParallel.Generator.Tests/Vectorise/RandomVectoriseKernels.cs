using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AutoParallel.Generator.Tests.Vectorise;

/// <summary>
/// Writes a random <c>[Vectorise]</c> kernel from a seed (the same seed, the same source) out of the constructs the translation
/// takes: locals and (compound) assignments of <see langword="double"/> (or <see langword="float"/>), <see langword="int"/>
/// and <see langword="long"/>, <c>if</c>/<c>else</c>, <c>for</c> loops with <c>break</c>, <c>continue</c> and <c>return</c>
/// under a condition, <c>?:</c>, comparisons and <c>&amp;&amp; || ! &amp; ^</c>, <c>+ - * /</c>, <c>%</c>, shifts by a
/// constant, <c>&amp; | ^ ~</c>, conversions between the types (out of range too), <c>Math</c>'s <c>Abs Min Max Sqrt Floor
/// Ceiling FusedMultiplyAdd</c>, a <c>[Scalar]</c> parameter, and now and then a <c>throw</c>. Every kernel compiles: no
/// constant expression overflows or divides by zero, no local is left unread, no statement follows a jump.
/// </summary>
internal sealed class RandomVectoriseKernels
{
    private const string Int = "int";
    private const string Long = "long";
    private const string Bool = "bool";

    private readonly Random _random;
    private readonly string _real;
    private readonly string _math;
    private readonly string _result;
    private readonly List<List<(string Name, string Type)>> _scopes = new();
    private readonly HashSet<string> _counters = new();
    private readonly StringBuilder _text = new();
    private string _indent = string.Empty;
    private int _names;
    private int _statements;

    private RandomVectoriseKernels(int seed)
    {
        _random = new Random(seed);
        bool isFloat = _random.Next(4) == 0;
        _real = isFloat ? "float" : "double";
        _math = isFloat ? "MathF" : "Math";

        // float values cannot share lanes with 8-byte ones: a float kernel has no long.
        string[] results = isFloat ? new[] { _real, Int } : new[] { _real, _real, Int, Long };
        _result = results[_random.Next(results.Length)];
    }

    private string[] Numbers => _real == "float" ? new[] { _real, Int } : new[] { _real, Int, Long };

    /// <summary><c>static R {name}(T x, T y, int a, [Scalar] int s)</c>, <c>T</c> <see langword="double"/> or <see langword="float"/>.</summary>
    public static string Kernel(string name, int seed) => new RandomVectoriseKernels(seed).Write(name);

    private string Write(string name)
    {
        Line("[Vectorise]");
        Line($"public static {_result} {name}({_real} x, {_real} y, int a, [Scalar] int s)");
        Open();
        Line($"{_result} r = {Atom(_result)};");
        _scopes[0].Add(("r", _result));
        Statements(3);
        Fold();
        Line($"return r - {Wrap(Expression(_result, 3).Text)};");
        Close();
        return _text.ToString();
    }

    /// <summary>
    /// Adds the block's locals into <c>r</c>, which the kernel returns, so that every value computed reaches the result: one
    /// of the result's type as it is, another number converted, a <see langword="double"/> into an integer result as a comparison.
    /// </summary>
    private void Fold()
    {
        foreach (var (name, type) in _scopes[_scopes.Count - 1].Where(l => l.Name != "r" && !_counters.Contains(l.Name)))
        {
            string value = type == _result || (type == Int && _result == Long) ? name
                : type == _real ? $"{name} < y ? 1 : 0"
                : $"({_result}){name}";
            Line($"r += {value};");
        }
    }

    private void Statements(int depth)
    {
        for (int count = 1 + _random.Next(3); count > 0 && _statements < 14; count--)
        {
            _statements++;
            switch (_random.Next(depth == 0 ? 15 : 30))
            {
                case < 10:
                    Declare();
                    break;
                case < 15:
                    Assign();
                    break;
                case < 23:
                    If(depth);
                    break;
                case 29:
                    // Rare inputs only (x == y is mostly the edge values), so that most lengths compare values, not exceptions.
                    Line("if (x == y && a == 27) throw new InvalidOperationException(\"random kernel\");");
                    break;
                default:
                    For(depth);
                    break;
            }
        }
    }

    private void Declare()
    {
        string type = Pick(Numbers);
        string name = "v" + (_names++).ToString(CultureInfo.InvariantCulture);
        var (text, constant) = Expression(type, 2);

        // A local assigned only constants and never read is warning CS0219.
        Line($"{type} {name} = {(constant ? $"{Wrap(text)} + {Atom(type)}" : text)};");
        _scopes[_scopes.Count - 1].Add((name, type));
    }

    private void Assign()
    {
        var targets = Locals().Where(l => l.Type != Bool && !_counters.Contains(l.Name)).ToList();
        if (targets.Count == 0)
        {
            Declare();
            return;
        }

        var (name, type) = targets[_random.Next(targets.Count)];
        string symbol = Pick("=", "+=", "-=", "*=");
        var (text, constant) = Expression(type, 2);
        if (symbol == "=" && (constant || text == name))
        {
            // A local assigned only constants and never read is warning CS0219; v = v is CS1717.
            text = $"{Wrap(text)} + {Atom(type)}";
        }

        Line($"{name} {symbol} {text};");
    }

    private void If(int depth)
    {
        Line($"if ({Expression(Bool, 2).Text})");
        Open();
        Statements(depth - 1);
        Fold();
        Jump(inLoop: _counters.Count > 0, chance: 4);
        Close();
        if (Chance(2))
        {
            Line("else");
            Open();
            Statements(depth - 1);
            Fold();
            Close();
        }
    }

    private void For(int depth)
    {
        string counter = "i" + (_names++).ToString(CultureInfo.InvariantCulture);
        string bound = Chance(3) ? "s % 7" : _random.Next(1, 7).ToString(CultureInfo.InvariantCulture);
        Line($"for (int {counter} = 0; {counter} < {bound}; {counter}++)");
        Open();
        _scopes[_scopes.Count - 1].Add((counter, Int));
        _counters.Add(counter);
        Statements(depth - 1);
        Fold();
        if (Chance(2))
        {
            Line($"if ({Expression(Bool, 2).Text})");
            Open();
            Jump(inLoop: true, chance: 1);
            Close();
        }

        _counters.Remove(counter);
        Close();
    }

    /// <summary>Last in a block, sometimes: <c>break</c>, <c>continue</c> or <c>return</c>.</summary>
    private void Jump(bool inLoop, int chance)
    {
        if (!Chance(chance))
        {
            return;
        }

        int kind = _random.Next(inLoop ? 20 : 10);
        if (kind < 10)
        {
            Line($"return {Expression(_result, 2).Text};");
        }
        else
        {
            Line(kind < 15 ? "break;" : "continue;");
        }
    }

    /// <summary>An expression of <paramref name="type"/>, at most <paramref name="depth"/> operators deep, and whether it is constant.</summary>
    private (string Text, bool Constant) Expression(string type, int depth)
    {
        if (depth == 0 || Chance(4))
        {
            return Leaf(type);
        }

        if (type == Bool)
        {
            switch (_random.Next(5))
            {
                case 0:
                    return ($"!{Wrap(Expression(Bool, depth - 1).Text)}", false);
                case 1:
                    return Binary(Bool, Pick("&&", "||", "&", "^"), depth);
                default:
                    string operands = Pick(Numbers);
                    var left = Expression(operands, depth - 1);
                    var right = Expression(operands, depth - 1);
                    if (left.Constant && right.Constant)
                    {
                        right = (Atom(operands), false);
                    }

                    return (Comparison(left.Text, Pick("<", "<=", ">", ">=", "==", "!="), right.Text, operands), false);
            }
        }

        if (type == _real)
        {
            switch (_random.Next(10))
            {
                case 0:
                    return Call(type, Pick("Abs", "Sqrt", "Floor", "Ceiling"), depth, 1);
                case 1:
                    return Call(type, Pick("Min", "Max"), depth, 2);
                case 2:
                    return Call(type, "FusedMultiplyAdd", depth, 3);
                case 3:
                    return Conversion(type, Pick(Numbers.Where(t => t != type).ToArray()), depth);
                case 4:
                    return Conditional(type, depth);
                case 5:
                    return ($"-{Wrap(NotConstant(type, depth - 1))}", false);
                default:
                    return Binary(type, Pick("+", "-", "*", "/"), depth);
            }
        }

        switch (_random.Next(12))
        {
            case 0:
                return Call(type, "Abs", depth, 1);
            case 1:
                return Call(type, Pick("Min", "Max"), depth, 2);
            case 2:
                return Conversion(type, Pick(Numbers.Where(t => t != type).ToArray()), depth);
            case 3:
                return Conditional(type, depth);
            case 4:
                return ($"{Pick("-", "~")}{Wrap(NotConstant(type, depth - 1))}", false);
            case 5:
                int width = type == Int ? 32 : 64;
                return ($"{Wrap(NotConstant(type, depth - 1))} {Pick("<<", ">>")} {_random.Next(width).ToString(CultureInfo.InvariantCulture)}", false);
            case 6:
                // A divisor of x | 1 is never zero; a bare one sometimes is, and then the kernel throws as the user's does.
                string divisor = Chance(4) ? NotConstant(type, depth - 1) : $"({Wrap(NotConstant(type, depth - 1))} | 1)";
                return ($"{Wrap(NotConstant(type, depth - 1))} {Pick("/", "%")} {Wrap(divisor)}", false);
            default:
                return Binary(type, Pick("+", "-", "*", "&", "|", "^"), depth);
        }
    }

    /// <summary><c>left op right</c>; a value compared with itself (warning CS1718) is compared with a constant instead.</summary>
    private string Comparison(string left, string symbol, string right, string type)
        => $"{Wrap(left)} {symbol} {Wrap(left == right ? Literal(type) : right)}";

    private (string Text, bool Constant) Binary(string type, string symbol, int depth)
    {
        var left = Expression(type, depth - 1);
        var right = Expression(type, depth - 1);
        if (left.Constant && right.Constant)
        {
            // A constant expression that overflows (or divides by zero) does not compile.
            right = (Atom(type), false);
        }

        return ($"{Wrap(left.Text)} {symbol} {Wrap(right.Text)}", false);
    }

    private (string Text, bool Constant) Call(string type, string method, int depth, int arity)
    {
        string math = type == _real ? _math : "Math";
        var arguments = Enumerable.Range(0, arity).Select(_ => NotConstant(type, depth - 1));
        return ($"{math}.{method}({string.Join(", ", arguments)})", false);
    }

    /// <summary>A conversion of a value that is not constant: a constant out of the target's range does not compile.</summary>
    private (string Text, bool Constant) Conversion(string type, string from, int depth) => ($"({type}){Wrap(NotConstant(from, depth - 1))}", false);

    private (string Text, bool Constant) Conditional(string type, int depth)
        => ($"{Wrap(Expression(Bool, depth - 1).Text)} ? {Wrap(Expression(type, depth - 1).Text)} : {Wrap(Expression(type, depth - 1).Text)}", false);

    private string NotConstant(string type, int depth)
    {
        var (text, constant) = Expression(type, Math.Max(depth, 0));
        return constant ? $"{Wrap(text)} + {Atom(type)}" : text;
    }

    private (string Text, bool Constant) Leaf(string type)
    {
        if (type == Bool)
        {
            return (Comparison(Atom(_real), Pick("<", ">=", "=="), Atom(_real), _real), false);
        }

        return Chance(3) ? (Literal(type), true) : (Atom(type), false);
    }

    /// <summary>A value of <paramref name="type"/> that is not constant: a parameter, a local or a loop's counter.</summary>
    private string Atom(string type)
    {
        var choices = Locals().Where(l => l.Type == type).Select(l => l.Name).ToList();
        if (type == _real)
        {
            choices.AddRange(new[] { "x", "y", "x", "y" });
        }
        else if (type == Int)
        {
            choices.AddRange(new[] { "a", "a", "s" });
        }
        else
        {
            choices.Add("(long)a");
            choices.Add($"(long){Wrap(Atom(_real))}");
        }

        return choices[_random.Next(choices.Count)];
    }

    private string Literal(string type) => type == _real
        ? Pick("0.5", "-2", "3.25", "1e3", "0", "-0.0") + (type == "float" ? "f" : string.Empty)
        : Pick("0", "1", "7", "-3", "27", "255") + (type == Long ? "L" : string.Empty);

    private static string Wrap(string text)
        => text.All(c => char.IsLetterOrDigit(c) || c is '.' or '_') && !text.StartsWith("-", StringComparison.Ordinal) ? text : "(" + text + ")";

    private IEnumerable<(string Name, string Type)> Locals() => _scopes.SelectMany(s => s);

    private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private void Open()
    {
        Line("{");
        _indent += "    ";
        _scopes.Add(new List<(string, string)>());
    }

    private void Close()
    {
        _scopes.RemoveAt(_scopes.Count - 1);
        _indent = _indent.Substring(4);
        Line("}");
    }

    private void Line(string line) => _text.Append(_indent).Append(line).Append('\n');
}
