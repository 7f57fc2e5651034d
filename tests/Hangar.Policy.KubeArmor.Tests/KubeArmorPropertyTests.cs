using CsCheck;
using Hangar.Policy.Rules;

namespace Hangar.Policy.KubeArmor.Tests;

public sealed class KubeArmorPropertyTests
{
    [Fact]
    public void HostilePolicy_IsRejectedOrEmitsSchemaValidYamlCarryingEveryPathVerbatim()
    {
        if (KubeArmorSchemas.For("KubeArmorPolicy") is not { } schema)
        {
            Assert.Skip(KubeArmorSchemas.MissingReason);
            return;
        }

        var built = 0;
        HostilePolicies.Policy.Sample(set =>
        {
            if (set is null)
                return;
            built++;
            var result = Emission.Compile(set);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            foreach (var obj in result.Objects)
            {
                var yaml = obj.ToYaml();
                var document = YamlJson.Documents(yaml).Single()!;
                Assert.Empty(KubeArmorSchemas.Errors(schema, document));
                foreach (var path in set.AllRules.OfType<PathRule>().SelectMany(r => r.Paths))
                {
                    var json = document.ToJsonString();
                    Assert.Contains(System.Text.Json.JsonSerializer.Serialize(path.Path), json, StringComparison.Ordinal);
                }
            }
        }, iter: 600);

        Assert.True(built > 20, $"only {built} of 600 generated policies were valid; the generator tests too little");
    }
}
