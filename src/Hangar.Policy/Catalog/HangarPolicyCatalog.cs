using Hangar.Policy.Model;

namespace Hangar.Policy;

/// <summary>
/// The policies of the running application. Code generated for members marked <see cref="HangarPolicyAttribute"/>
/// adds them here when its assembly loads; policies built at run time can be added with <see cref="Register"/>.
/// No reflection is involved, so the catalog works in trimmed and AOT-compiled hosts.
/// </summary>
public static class HangarPolicyCatalog
{
    private static readonly Lock Gate = new();
    private static readonly List<PolicyRegistration> Entries = [];

    /// <summary>Every registered policy, in registration order.</summary>
    public static IReadOnlyList<PolicyRegistration> Policies
    {
        get
        {
            lock (Gate)
                return [.. Entries];
        }
    }

    /// <summary>Adds policies; the generated catalog calls this. A source already present is not added twice.</summary>
    public static void Add(IEnumerable<PolicyRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        lock (Gate)
        {
            foreach (var registration in registrations)
            {
                if (!Entries.Any(e => e.Source == registration.Source))
                    Entries.Add(registration);
            }
        }
    }

    /// <summary>Registers a policy set built at run time under its own name, and returns it.</summary>
    public static PolicySet Register(PolicySet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Add([new PolicyRegistration(set.Name, () => set)]);
        return set;
    }
}
