using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Hangar.Policy.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test over policy code, with markup such as <c>{|HANGAR0001:"10.0.0.1/8"|}</c>.</summary>
internal sealed class PolicyAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public PolicyAnalyzerTest(string source)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        TestCode = TestReferences.Usings + source;
    }

    /// <summary>Runs the analyzer on <paramref name="source"/> and checks the marked diagnostics, and no others.</summary>
    public static Task VerifyAsync(string source, params (string Path, string Text)[] additionalFiles) =>
        VerifyAsync(source, globalConfig: null, additionalFiles);

    /// <summary>As above, with MSBuild properties given as global analyzer config lines (<c>build_property.X = y</c>).</summary>
    public static Task VerifyAsync(string source, string? globalConfig, params (string Path, string Text)[] additionalFiles) =>
        VerifyAsync(source, globalConfig, [], additionalFiles);

    /// <summary>As above, also expecting diagnostics that markup cannot place (no location).</summary>
    public static Task VerifyAsync(string source, string? globalConfig, DiagnosticResult[] expected,
        params (string Path, string Text)[] additionalFiles)
    {
        var test = new PolicyAnalyzerTest<TAnalyzer>(source);
        test.ExpectedDiagnostics.AddRange(expected);
        foreach (var file in additionalFiles)
            test.TestState.AdditionalFiles.Add(file);
        if (globalConfig is not null)
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }
}
