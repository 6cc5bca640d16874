using System;
using System.Collections.Generic;
using System.Linq;

namespace AutoParallel.Generator.Analysis;

/// <summary>
/// Proves that an index remainder stays inside one block: <c>rest ∈ [0, size)</c> for every value of the inner loop variables.
/// That is what makes a flattened write <c>a[i * n + j]</c> with <c>0 ≤ j &lt; n</c> disjoint between iterations of <c>i</c>.
/// Works as mixed-radix digits: <c>j + m·k</c> with <c>j ∈ [0, m)</c>, <c>k ∈ [0, n)</c> is in <c>[0, m·n)</c>.
/// </summary>
internal static class RangeProof
{
    private const int MaxDepth = 6;

    /// <summary>Whether <c>0 ≤ rest &lt; size</c> whatever the inner loop variables are (sizes are taken to be positive).</summary>
    public static bool Within(AffineForm rest, AffineForm size, LoopScope scope, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        if (rest.IsConstant && rest.Constant == 0)
        {
            return true;
        }

        if (rest.IsConstant && size.IsConstant)
        {
            return rest.Constant >= 0 && rest.Constant < size.Constant;
        }

        foreach (var term in rest.Terms)
        {
            if (term.Value != 1 || term.Key.Contains('*') || !scope.TryGetRange(term.Key, out AffineForm from, out AffineForm to))
            {
                continue;
            }

            if (!from.IsConstant || from.Constant < 0)
            {
                continue;
            }

            AffineForm remainder = rest.Subtract(AffineForm.Atom(term.Key));
            if (remainder.IsConstant)
            {
                // j + c with j ∈ [from, to): inside [0, size) when from + c ≥ 0 and to + c ≤ size.
                AffineForm headroom = size.Subtract(to).Subtract(remainder);
                if (from.Constant + remainder.Constant >= 0 && headroom.IsConstant && headroom.Constant >= 0)
                {
                    return true;
                }
            }

            foreach (AffineForm digit in Divisors(size))
            {
                AffineForm slack = digit.Subtract(to);
                if (!slack.IsConstant || slack.Constant < 0)
                {
                    continue;
                }

                if (TryDivide(remainder, digit, out AffineForm? quotient) && TryDivide(size, digit, out AffineForm? sizeQuotient)
                    && Within(quotient!, sizeQuotient!, scope, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The candidate digit sizes: the whole size, and each factor of a one-monomial size.</summary>
    private static IEnumerable<AffineForm> Divisors(AffineForm size)
    {
        yield return size;
        if (size.Terms.Count != 1 || size.Constant != 0)
        {
            if (size.IsConstant && size.Constant > 1)
            {
                for (long d = 1; d < size.Constant && d <= 4096; d++)
                {
                    if (size.Constant % d == 0)
                    {
                        yield return AffineForm.Const(d);
                    }
                }
            }

            yield break;
        }

        var (monomial, coefficient) = size.Terms.Select(t => (t.Key, t.Value)).Single();
        string[] atoms = AffineForm.AtomsOf(monomial).ToArray();
        long[] coefficientDivisors = Enumerable.Range(1, (int)Math.Min(Math.Abs(coefficient), 64)).Select(d => (long)d)
            .Where(d => coefficient % d == 0).ToArray();
        for (int mask = 0; mask < (1 << atoms.Length); mask++)
        {
            AffineForm factor = AffineForm.Const(1);
            for (int k = 0; k < atoms.Length; k++)
            {
                if ((mask & (1 << k)) != 0)
                {
                    factor = factor.Multiply(AffineForm.Atom(atoms[k]))!;
                }
            }

            foreach (long d in coefficientDivisors)
            {
                yield return factor.Scale(d);
            }
        }
    }

    /// <summary>Exact division of a polynomial by a one-monomial (or constant) divisor.</summary>
    private static bool TryDivide(AffineForm dividend, AffineForm divisor, out AffineForm? quotient)
    {
        quotient = null;
        string divisorMonomial;
        long divisorCoefficient;
        if (divisor.IsConstant)
        {
            divisorMonomial = string.Empty;
            divisorCoefficient = divisor.Constant;
        }
        else if (divisor.Terms.Count == 1 && divisor.Constant == 0)
        {
            var single = divisor.Terms.Single();
            divisorMonomial = single.Key;
            divisorCoefficient = single.Value;
        }
        else
        {
            if (divisor.Equals(dividend))
            {
                quotient = AffineForm.Const(1);
                return true;
            }

            if (dividend.IsConstant && dividend.Constant == 0)
            {
                quotient = dividend;
                return true;
            }

            return false;
        }

        if (divisorCoefficient == 0)
        {
            return false;
        }

        AffineForm result = AffineForm.Const(0);
        if (divisorMonomial.Length == 0)
        {
            if (dividend.Constant % divisorCoefficient != 0)
            {
                return false;
            }

            result = AffineForm.Const(dividend.Constant / divisorCoefficient);
        }
        else if (dividend.Constant != 0)
        {
            return false;
        }

        foreach (var term in dividend.Terms)
        {
            string remaining = term.Key;
            foreach (string atom in AffineForm.AtomsOf(divisorMonomial).Where(a => a.Length > 0))
            {
                if (AffineForm.Degree(remaining, atom) == 0)
                {
                    return false;
                }

                remaining = AffineForm.Without(remaining, atom);
            }

            if (term.Value % divisorCoefficient != 0)
            {
                return false;
            }

            AffineForm part = remaining.Length == 0
                ? AffineForm.Const(term.Value / divisorCoefficient)
                : MonomialForm(remaining).Scale(term.Value / divisorCoefficient);
            result = result.Add(part);
        }

        quotient = result;
        return true;
    }

    private static AffineForm MonomialForm(string monomial)
    {
        AffineForm form = AffineForm.Const(1);
        foreach (string atom in AffineForm.AtomsOf(monomial))
        {
            form = form.Multiply(AffineForm.Atom(atom))!;
        }

        return form;
    }
}
