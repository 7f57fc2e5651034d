using Hangar.Policy.Building;
using Hangar.Policy.Model;

namespace Hangar.Policy.Tests;

public sealed class PolicyCatalogTests
{
    [Fact]
    public void Register_BuiltSet_IsListedUnderItsName()
    {
        var set = PolicySet.Named("catalog-register-test").Workspace("acme", ws => ws.DenyLoopback()).Build();

        HangarPolicyCatalog.Register(set);

        var entry = Assert.Single(HangarPolicyCatalog.Policies, p => p.Source == "catalog-register-test");
        Assert.Same(set, entry.Build());
    }

    [Fact]
    public void Add_SameSourceTwice_IsListedOnce()
    {
        var registration = new PolicyRegistration("Tests.Twice", () => PolicySet.Named("twice").Build());

        HangarPolicyCatalog.Add([registration]);
        HangarPolicyCatalog.Add([registration with { }]);

        Assert.Single(HangarPolicyCatalog.Policies, p => p.Source == "Tests.Twice");
    }
}
