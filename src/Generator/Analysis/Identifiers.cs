using Microsoft.CodeAnalysis.CSharp;

namespace AutoParallel.Generator.Analysis;

/// <summary>Names written into generated code.</summary>
internal static class Identifiers
{
    /// <summary>A symbol's name as C# source: <c>@class</c> for a variable named <c>class</c>.</summary>
    public static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.UnderscoreToken
            ? "@" + name
            : name;
}
