using System.Reflection;

namespace AutoParallel.Generator.Emit;

/// <summary>Fixed pieces of every generated file.</summary>
internal static class GeneratedCode
{
    public const string Tool = "AutoParallel";

    public static readonly string Version =
        typeof(GeneratedCode).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(GeneratedCode).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    public static string Attribute => $"[global::System.CodeDom.Compiler.GeneratedCode(\"{Tool}\", \"{Version}\")]";

    /// <summary><c>[MethodImpl(AggressiveInlining)]</c>, fully qualified.</summary>
    public const string AggressiveInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    /// <summary><c>[MethodImpl(NoInlining)]</c>, fully qualified.</summary>
    public const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    public const string Runtime = "global::AutoParallel.ParallelRuntime";

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
