namespace Hangar.Policy.NetworkPolicy;

/// <summary>Which pods an egress rule reaches by selector (ipBlock matching pod addresses depends on the CNI).</summary>
internal enum PodPeer
{
    /// <summary>No pod by selector.</summary>
    None,

    /// <summary>The pods of the server's own workspace.</summary>
    OwnWorkspace,

    /// <summary>Every pod of every namespace (<c>namespaceSelector: {}</c>).</summary>
    AllPods,
}
