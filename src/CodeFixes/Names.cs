using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.CodeFixes;

/// <summary>New local names that clash with nothing the member already uses.</summary>
internal static class Names
{
    public static string Unique(string wanted, SyntaxNode within, SemanticModel model, int position, params string[] alsoTaken)
    {
        SyntaxNode scope = within.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? within;
        var taken = new HashSet<string>(scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        taken.UnionWith(model.LookupSymbols(position).Select(s => s.Name));
        taken.UnionWith(alsoTaken);
        string name = wanted;
        for (int k = 2; taken.Contains(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; k++)
        {
            name = wanted + k.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary><c>sum</c> → <c>Sum</c>, <c>_total</c> → <c>Total</c>, for names built from a variable's name.</summary>
    public static string Capitalised(string name)
    {
        name = name.TrimStart('_');
        if (name.StartsWith("s_", System.StringComparison.Ordinal) || name.StartsWith("m_", System.StringComparison.Ordinal))
        {
            name = name.Substring(2);
        }

        return name.Length == 0 ? "Value" : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }

    /// <summary><c>sum</c> → <c>sum</c>, <c>_total</c> → <c>total</c>.</summary>
    public static string Plain(string name)
    {
        string capitalised = Capitalised(name);
        return char.ToLowerInvariant(capitalised[0]) + capitalised.Substring(1);
    }
}
