using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting;

/// <summary>One policy set the command line compiles: a name for messages and the code that builds it.</summary>
/// <param name="Name">How messages refer to the source when building it fails, e.g. <c>AcmePolicies.Acme</c>.</param>
/// <param name="Build">Builds the set; any exception it throws is reported as a policy error.</param>
public sealed record PolicySource(string Name, Func<PolicySet> Build)
{
    /// <summary>
    /// Wraps <paramref name="build"/>, naming it after the method it points to (<c>Type.Method</c>), or
    /// <c>policy #n</c> for a lambda, where <paramref name="position"/> is n.
    /// </summary>
    public static PolicySource From(Func<PolicySet> build, int position = 1)
    {
        ArgumentNullException.ThrowIfNull(build);
        var method = build.Method;
        var generated = method.Name.Contains('<', StringComparison.Ordinal)
            || (method.DeclaringType?.Name.Contains('<', StringComparison.Ordinal) ?? true);
        var name = generated ? $"policy #{position}" : $"{method.DeclaringType!.Name}.{method.Name}";
        return new PolicySource(name, build);
    }
}
