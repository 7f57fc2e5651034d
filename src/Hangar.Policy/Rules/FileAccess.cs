namespace Hangar.Policy.Rules;

/// <summary>The kinds of file access a <see cref="DenyFileAccessRule"/> forbids.</summary>
[Flags]
public enum FileAccess
{
    /// <summary>Opening for reading.</summary>
    Read = 1,

    /// <summary>Opening for writing (including create, truncate and append).</summary>
    Write = 2,

    /// <summary>Both reading and writing.</summary>
    ReadWrite = Read | Write,
}
