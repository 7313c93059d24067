using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace JiraSdk.EndToEnd.Tests.Readme;

/// <summary>
/// Compiles a snippet with Roslyn as a console program against the assemblies this test runs with (the built JiraSdk
/// libraries and the ASP.NET Core shared framework), with the implicit usings of a <c>Microsoft.NET.Sdk.Web</c> project,
/// and runs its entry point in a collectible load context.
/// </summary>
internal static class SnippetCompiler
{
    // What `<ImplicitUsings>enable</ImplicitUsings>` gives a Microsoft.NET.Sdk.Web project: the snippets assume a project like that.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    /// <summary>Compiles; returns the assembly image, or the error diagnostics (with snippet line numbers).</summary>
    public static (byte[]? Image, IReadOnlyList<string> Errors) Compile(string name, string code)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Snippet_" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(code, parse, path: name), CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "ImplicitUsings.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        return (result.Success ? image.ToArray() : null, errors);
    }

    /// <summary>Runs the program's entry point and returns what it wrote to the console.</summary>
    /// <param name="image">The compiled program.</param>
    /// <param name="timeout">Longest it may run.</param>
    public static async Task<string> RunAsync(byte[] image, TimeSpan timeout)
    {
        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        var console = Console.Out;
        var output = new StringWriter();
        try
        {
            var entry = context.LoadFromStream(new MemoryStream(image)).EntryPoint
                ?? throw new InvalidOperationException("The snippet has no entry point.");
            Console.SetOut(output);
            object? result;
            try
            {
                result = entry.Invoke(null, entry.GetParameters().Length == 1 ? [Array.Empty<string>()] : null);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
            if (result is Task task) await task.WaitAsync(timeout);
            return output.ToString();
        }
        finally
        {
            Console.SetOut(console);
            context.Unload();
        }
    }
}
