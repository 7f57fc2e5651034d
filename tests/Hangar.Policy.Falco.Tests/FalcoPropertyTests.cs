using CsCheck;
using Hangar.Policy.Rules;

namespace Hangar.Policy.Falco.Tests;

public sealed class FalcoPropertyTests
{
    [Fact]
    public void HostilePolicy_IsRejectedOrEmitsRulesWhosePathsLexBackVerbatim()
    {
        var emitted = 0;
        HostilePolicies.Policy.Sample(set =>
        {
            if (set is null)
                return;
            var result = Emission.Compile(set);
            var paths = set.AllRules.OfType<PathRule>().SelectMany(r => r.Paths).Select(p => p.Path).ToList();
            if (!result.Succeeded)
            {
                // The only refusal allowed here is a value Falco's lexer cannot hold.
                Assert.All(result.Errors, e => Assert.Equal(Validation.DiagnosticIds.InvalidPath, e.Id));
                var binaries = set.Workspaces.SelectMany(w => w.Servers).SelectMany(s => s.Tools).SelectMany(t => t.Binaries);
                Assert.Contains(paths.Concat(binaries), p => p.EndsWith('\\'));
                return;
            }
            emitted++;
            var file = Assert.Single(result.Files).Content;
            var strings = Emission.Conditions(file).SelectMany(FalcoLexer.Strings).ToHashSet(StringComparer.Ordinal);
            Assert.All(paths, p => Assert.Contains(p, strings));
            if (FalcoSchema.Get() is { } schema)
                Assert.Empty(FalcoSchema.Errors(schema, YamlJson.Documents(file).Single()!));
        }, iter: 600);

        Assert.True(emitted > 20, $"only {emitted} of 600 generated policies emitted; the generator tests too little");
    }
}
