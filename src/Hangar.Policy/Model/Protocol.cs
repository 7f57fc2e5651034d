namespace Hangar.Policy.Model;

/// <summary>A transport protocol that a port rule names.</summary>
public enum Protocol
{
    /// <summary>TCP.</summary>
    Tcp,
    /// <summary>UDP.</summary>
    Udp,
    /// <summary>SCTP.</summary>
    Sctp,
}
