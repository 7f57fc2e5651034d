using System.Security.Cryptography;
using System.Text;

namespace Hangar.Policy.Model;

/// <summary>
/// The stable identity of a rule: its scope and its intent, plus a short digest of its parameters.
/// </summary>
/// <remarks>
/// The id depends on what the rule says, never on where it stands in the code, so re-ordering the policy
/// source renumbers nothing. It is carried into every emitted object (annotations, Tetragon tags, Falco
/// output) so that an event leads back to the rule. <see cref="Short"/> is a label-safe digest of it.
/// </remarks>
public readonly record struct RuleId(string Value) : IComparable<RuleId>
{
    /// <summary>Builds the id of a rule with intent <paramref name="intent"/> and canonical parameters.</summary>
    public static RuleId For(PolicyScope scope, string intent, string? parameters = null) =>
        new(parameters is null ? $"{scope.Path}/{intent}" : $"{scope.Path}/{intent}-{Digest(parameters, 8)}");

    /// <summary>A 12-character lowercase hex digest of the id, usable in label values and object names.</summary>
    public string Short => Digest(Value, 12);

    /// <inheritdoc />
    public int CompareTo(RuleId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    internal static string Digest(string text, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];
}
