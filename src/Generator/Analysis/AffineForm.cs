using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// An index expression as a polynomial with integer coefficients over named atoms: the loop variable, inner loop variables
/// and loop-invariant values (<c>n</c>, <c>a.Length</c>). <c>i * n + j - 1</c> is <c>{i·n: 1, j: 1, const: -1}</c>.
/// Enough to decide whether two iterations can touch the same element.
/// </summary>
internal sealed class AffineForm : IEquatable<AffineForm>
{
    /// <summary>Monomials with more atoms than this are not tracked (no real index needs them).</summary>
    private const int MaxDegree = 4;

    private readonly SortedDictionary<string, long> _terms;

    private AffineForm(SortedDictionary<string, long> terms, long constant)
    {
        _terms = terms;
        Constant = constant;
    }

    public long Constant { get; }

    /// <summary>Monomial (atoms joined by <c>*</c>, sorted) → coefficient; never holds zero coefficients.</summary>
    public IReadOnlyDictionary<string, long> Terms => _terms;

    public bool IsConstant => _terms.Count == 0;

    public static AffineForm Const(long value) => new(new SortedDictionary<string, long>(StringComparer.Ordinal), value);

    public static AffineForm Atom(string atom) => new(new SortedDictionary<string, long>(StringComparer.Ordinal) { [atom] = 1 }, 0);

    public static IEnumerable<string> AtomsOf(string monomial) => monomial.Split('*');

    public AffineForm Add(AffineForm other)
    {
        var terms = new SortedDictionary<string, long>(_terms, StringComparer.Ordinal);
        foreach (var term in other._terms)
        {
            Accumulate(terms, term.Key, term.Value);
        }

        return new AffineForm(terms, unchecked(Constant + other.Constant));
    }

    public AffineForm Negate() => Scale(-1);

    public AffineForm Subtract(AffineForm other) => Add(other.Negate());

    public AffineForm Scale(long factor)
    {
        var terms = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (factor != 0)
        {
            foreach (var term in _terms)
            {
                terms[term.Key] = unchecked(term.Value * factor);
            }
        }

        return new AffineForm(terms, unchecked(Constant * factor));
    }

    /// <summary>The product, or <see langword="null"/> when a monomial would exceed the tracked degree.</summary>
    public AffineForm? Multiply(AffineForm other)
    {
        if (IsConstant)
        {
            return other.Scale(Constant);
        }

        if (other.IsConstant)
        {
            return Scale(other.Constant);
        }

        var terms = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long constant = unchecked(Constant * other.Constant);
        foreach (var (leftMonomial, leftCoefficient) in TermsWithConstant())
        {
            foreach (var (rightMonomial, rightCoefficient) in other.TermsWithConstant())
            {
                long coefficient = unchecked(leftCoefficient * rightCoefficient);
                if (leftMonomial.Length == 0 && rightMonomial.Length == 0)
                {
                    continue;
                }

                string monomial = MultiplyMonomials(leftMonomial, rightMonomial);
                if (AtomsOf(monomial).Count() > MaxDegree)
                {
                    return null;
                }

                Accumulate(terms, monomial, coefficient);
            }
        }

        return new AffineForm(terms, constant);
    }

    /// <summary>How many times <paramref name="atom"/> appears in a monomial.</summary>
    public static int Degree(string monomial, string atom) => AtomsOf(monomial).Count(a => a == atom);

    /// <summary>The monomial with one occurrence of <paramref name="atom"/> removed (<c>""</c> when nothing is left).</summary>
    public static string Without(string monomial, string atom)
    {
        var atoms = AtomsOf(monomial).ToList();
        atoms.Remove(atom);
        return string.Join("*", atoms);
    }

    /// <summary>Whether any monomial mentions an atom accepted by <paramref name="predicate"/>.</summary>
    public bool Mentions(Func<string, bool> predicate) => _terms.Keys.Any(m => AtomsOf(m).Any(predicate));

    /// <summary>Splits this form into <c>atom · coefficient + rest</c>, or <see langword="null"/> when the atom appears squared.</summary>
    public (AffineForm Coefficient, AffineForm Remainder)? SplitBy(string atom)
    {
        var coefficient = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long coefficientConstant = 0;
        var rest = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var term in _terms)
        {
            int degree = Degree(term.Key, atom);
            if (degree > 1)
            {
                return null;
            }

            if (degree == 0)
            {
                rest[term.Key] = term.Value;
                continue;
            }

            string remaining = Without(term.Key, atom);
            if (remaining.Length == 0)
            {
                coefficientConstant += term.Value;
            }
            else
            {
                Accumulate(coefficient, remaining, term.Value);
            }
        }

        return (new AffineForm(coefficient, coefficientConstant), new AffineForm(rest, Constant));
    }

    public bool Equals(AffineForm? other)
        => other is not null && Constant == other.Constant && _terms.Count == other._terms.Count
            && _terms.All(t => other._terms.TryGetValue(t.Key, out long c) && c == t.Value);

    public override bool Equals(object? obj) => Equals(obj as AffineForm);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = Constant.GetHashCode();
            foreach (var term in _terms)
            {
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(term.Key) + term.Value.GetHashCode();
            }

            return hash;
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var term in _terms)
        {
            text.Append(text.Length == 0 ? (term.Value < 0 ? "-" : string.Empty) : (term.Value < 0 ? " - " : " + "));
            long magnitude = Math.Abs(term.Value);
            text.Append(magnitude == 1 ? term.Key : magnitude + "*" + term.Key);
        }

        if (Constant != 0 || text.Length == 0)
        {
            text.Append(text.Length == 0 ? Constant.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : (Constant < 0 ? " - " : " + ") + Math.Abs(Constant).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private IEnumerable<(string Monomial, long Coefficient)> TermsWithConstant()
    {
        foreach (var term in _terms)
        {
            yield return (term.Key, term.Value);
        }

        if (Constant != 0)
        {
            yield return (string.Empty, Constant);
        }
    }

    private static string MultiplyMonomials(string left, string right)
    {
        if (left.Length == 0)
        {
            return right;
        }

        if (right.Length == 0)
        {
            return left;
        }

        return string.Join("*", AtomsOf(left).Concat(AtomsOf(right)).OrderBy(a => a, StringComparer.Ordinal));
    }

    private static void Accumulate(SortedDictionary<string, long> terms, string monomial, long coefficient)
    {
        terms.TryGetValue(monomial, out long existing);
        long sum = unchecked(existing + coefficient);
        if (sum == 0)
        {
            terms.Remove(monomial);
        }
        else
        {
            terms[monomial] = sum;
        }
    }
}
