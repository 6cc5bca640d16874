using System.Globalization;
using System.Collections.Generic;
using System.Linq;
using AutoParallel.Generator.Diagnostics;
using AutoParallel.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoParallel.Generator.Analysis;

/// <summary>The declarations around a method: the partial types to reopen, the namespace, and the using directives the reused text needs.</summary>
internal static class TypeChain
{
    /// <summary>AP0001 for each type in the nesting chain that is not partial.</summary>
    public static void CheckPartial(MemberDeclarationSyntax member, string generatedName, LoopFindings findings)
    {
        foreach (TypeDeclarationSyntax type in member.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                findings.Report(DiagnosticDescriptors.TypeMustBePartial, type.Identifier.GetLocation(), type.Identifier.Text, generatedName);
            }
        }
    }

    /// <summary>The containing type declarations, outermost first.</summary>
    public static EquatableArray<TypeDeclarationModel> Declarations(MemberDeclarationSyntax member)
        => member.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().Select(type => new TypeDeclarationModel(
                string.Join(" ", type.Modifiers.Select(m => m.Text)),
                Keyword(type),
                type.Identifier.Text,
                type.TypeParameterList?.ToString() ?? string.Empty))
            .ToEquatableArray();

    public static string? Namespace(ISymbol symbol)
        => symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

    /// <summary>
    /// The using directives in scope at the member: those of its file and of its enclosing namespace declarations (global usings
    /// apply everywhere already). Namespace-level directives are marked with a leading tab so the emitter places them inside the namespace.
    /// </summary>
    public static EquatableArray<string> Usings(MemberDeclarationSyntax member)
    {
        var usings = new List<string>();
        if (member.SyntaxTree.GetRoot() is CompilationUnitSyntax unit)
        {
            usings.AddRange(unit.Externs.Select(e => e.ToString()));
            usings.AddRange(unit.Usings.Where(u => u.GlobalKeyword.IsKind(SyntaxKind.None)).Select(u => u.ToString()));
        }

        foreach (BaseNamespaceDeclarationSyntax ns in member.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse())
        {
            usings.AddRange(ns.Externs.Select(e => NamespaceLevel + e.ToString()));
            usings.AddRange(ns.Usings.Select(u => NamespaceLevel + u.ToString()));
        }

        return usings.ToEquatableArray();
    }

    /// <summary>Marks a using directive that belongs inside the namespace declaration.</summary>
    public const string NamespaceLevel = "\t";

    /// <summary>A file name unique to the method: namespace, types and method, with parameter types when the name is overloaded.</summary>
    public static string HintName(IMethodSymbol method, string suffix)
    {
        var parts = new List<string>();
        if (Namespace(method) is { } ns)
        {
            parts.Add(ns);
        }

        var types = new Stack<INamedTypeSymbol>();
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            types.Push(type);
        }

        parts.AddRange(types.Select(t => t.Arity > 0 ? t.Name + "`" + t.Arity : t.Name));
        string name = method.Name;
        if (method.ContainingType.GetMembers(method.Name).Length > 1)
        {
            name += "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ")";
        }

        parts.Add(name);
        string hint = string.Join(".", parts) + "." + suffix + ".g.cs";
        var safe = new System.Text.StringBuilder(hint.Length);
        foreach (char c in hint)
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return safe.ToString();
    }

    /// <summary>Overloads get their generated members numbered apart: <c>__Sum2ParallelLoop0</c> (empty for the first or only one).</summary>
    public static string OverloadSuffix(IMethodSymbol method)
    {
        var overloads = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
            .Where(m => m.DeclaringSyntaxReferences.Length > 0)
            .OrderBy(m => m.DeclaringSyntaxReferences[0].SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(m => m.DeclaringSyntaxReferences[0].Span.Start)
            .ToList();
        int index = overloads.FindIndex(m => SymbolEqualityComparer.Default.Equals(m, method));
        return overloads.Count > 1 && index > 0 ? index.ToString(CultureInfo.InvariantCulture) : string.Empty;
    }

    private static string Keyword(TypeDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.ClassKeyword) => "record class",
        RecordDeclarationSyntax => "record",
        _ => type.Keyword.Text,
    };
}
