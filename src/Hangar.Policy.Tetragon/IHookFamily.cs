namespace Hangar.Policy.Tetragon;

/// <summary>
/// One family of kernel hooks (egress connections today; process execution, files and capabilities slot in the
/// same way). A family plans selectors for the rules it understands and reports coverage for each of them;
/// rules it does not know it leaves alone.
/// </summary>
internal interface IHookFamily
{
    /// <summary>Plans the selectors and coverage for the server in <paramref name="plan"/>.</summary>
    void Plan(ServerPlan plan);
}
