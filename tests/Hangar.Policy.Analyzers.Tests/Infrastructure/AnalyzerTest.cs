using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Hangar.Policy.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test over policy code, with markup such as <c>{|HANGAR0001:"10.0.0.1/8"|}</c>.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest(string source)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        TestCode = TestReferences.Usings + source;
    }

    /// <summary>Runs the analyzer on <paramref name="source"/> and checks the marked diagnostics, and no others.</summary>
    public static Task VerifyAsync(string source, params (string Path, string Text)[] additionalFiles)
    {
        var test = new AnalyzerTest<TAnalyzer>(source);
        foreach (var file in additionalFiles)
            test.TestState.AdditionalFiles.Add(file);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }
}
