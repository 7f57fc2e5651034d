using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Hangar.Policy.Analyzers.Tests.Infrastructure;

/// <summary>A code-fix test over policy code: the marked diagnostics before, the fixed source after.</summary>
internal sealed class PolicyCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public PolicyCodeFixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        FixedState.AdditionalReferences.AddRange(TestReferences.All);
        TestCode = TestReferences.Usings + source;
        FixedCode = TestReferences.Usings + fixedSource;
    }

    /// <summary>Checks that the fix turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource, params (string Path, string Text)[] extra)
    {
        var test = new PolicyCodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource);
        foreach (var file in extra)
        {
            if (file.Path.EndsWith(".cs", StringComparison.Ordinal))
            {
                test.TestState.Sources.Add(file);
                test.FixedState.Sources.Add(file);
            }
            else
            {
                test.TestState.AdditionalFiles.Add(file);
                test.FixedState.AdditionalFiles.Add(file);
            }
        }
        return test.RunAsync(TestContext.Current.CancellationToken);
    }
}
