namespace Hangar.Policy.Conformance.Tests.CoverageTable;

/// <summary>
/// Keeps docs/backends.md's "Where the engines differ" table equal to what the backends report: each row's
/// reference policy is compiled through all four backends, and every cell's status word must be the status the
/// backend gives the row's rule. When a backend changes, the table changes with it.
/// </summary>
public sealed class CoverageTableTests
{
    public static TheoryData<string> Intents => new(ReferencePolicies.All.Select(r => r.Intent));

    [Theory]
    [MemberData(nameof(Intents))]
    public void DocumentedRow_StatesWhatTheBackendsReport(string intent)
    {
        var reference = ReferencePolicies.All.Single(r => r.Intent == intent);
        var table = DocumentedCoverage.Read();
        var row = table.Rows.SingleOrDefault(r => r.Intent == intent);
        Assert.True(row is not null, $"docs/backends.md: '{DocumentedCoverage.Section}' has no row '{intent}'; add it");

        var actual = reference.Compile();
        var differences = new List<string>();
        foreach (var engine in table.Engines)
        {
            var documented = row.Statuses[engine];
            if (!actual.TryGetValue(engine, out var entry))
            {
                differences.Add($"engine {engine}: documented '{documented}', but no such backend was compiled");
                continue;
            }
            var status = entry.Status.ToString().ToLowerInvariant();
            if (status != documented)
                differences.Add($"engine {engine}: documented '{documented}', actual '{status}' ({entry.Reason})");
        }
        Assert.True(differences.Count == 0,
            $"docs/backends.md line {row.Line}, row '{intent}':\n  " + string.Join("\n  ", differences));
    }

    [Fact]
    public void DocumentedTable_HasAReferencePolicyForEveryRow()
    {
        var unreferenced = DocumentedCoverage.Read().Rows.Select(r => r.Intent)
            .Except(ReferencePolicies.All.Select(r => r.Intent), StringComparer.Ordinal).ToList();

        Assert.True(unreferenced.Count == 0, "rows of docs/backends.md without a reference policy (add one to ReferencePolicies): "
            + string.Join("; ", unreferenced));
    }

    [Fact]
    public void DocumentedTable_HasAColumnPerBackend()
    {
        var engines = DocumentedCoverage.Read().Engines;

        Assert.Equal(ReferencePolicies.All[0].Backends().Select(b => b.Name), engines);
    }
}
