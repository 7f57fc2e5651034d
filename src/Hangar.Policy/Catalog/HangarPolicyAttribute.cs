namespace Hangar.Policy;

/// <summary>
/// Marks a static, parameterless method or static property that returns a <see cref="Model.PolicySet"/> as a
/// policy of this assembly. The Hangar.Policy source generator lists every marked member in a generated,
/// reflection-free catalog (see <see cref="HangarPolicyCatalog"/>), which the command line of
/// Hangar.Policy.Hosting reads.
/// </summary>
/// <example>
/// <code>
/// [HangarPolicy]
/// public static PolicySet Acme() => PolicySet.Named("acme-mcp").Workspace("acme", ws => ws.DenyLoopback()).Build();
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class HangarPolicyAttribute : Attribute
{
}
