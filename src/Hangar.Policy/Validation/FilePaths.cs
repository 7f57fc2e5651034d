using System.Globalization;
using System.Text;

namespace Hangar.Policy.Validation;

/// <summary>
/// The rules a file or directory path of a process-level rule must follow so that every engine matches it the
/// same way: KubeArmor's path and directory forms, Tetragon's and Falco's literal comparison.
/// </summary>
public static class FilePaths
{
    /// <summary>
    /// The longest path, in UTF-8 bytes, that KubeArmor's matchPaths and fromSource accept (the tightest engine
    /// limit; Tetragon's matchBinaries takes 255 bytes). Engines count the bytes the kernel sees, not characters:
    /// "/opt/" followed by 190 × "あ" is 195 characters but 575 bytes.
    /// </summary>
    public const int MaxLength = 200;

    private const string GlobCharacters = "*?[]{}";

    /// <summary>
    /// True for an absolute, normalized path of at most <see cref="MaxLength"/> UTF-8 bytes, without control or glob
    /// characters. A directory ends in '/' and <paramref name="allowDirectory"/> must be true for it.
    /// </summary>
    public static bool IsValid(string? path, bool allowDirectory, out string problem)
    {
        problem = "";
        if (string.IsNullOrEmpty(path) || path[0] != '/')
            problem = $"'{Printable(path)}' is not an absolute path";
        else if (ByteLength(path) > MaxLength)
            problem = $"'{Printable(Shortened(path))}…' is {ByteLength(path)} bytes long in UTF-8 ({path.Length} characters); "
                + $"engines count bytes and KubeArmor matches at most {MaxLength}";
        else if (path.Any(char.IsControl))
            problem = $"'{Printable(path)}' contains a control character";
        else if (path.IndexOfAny(GlobCharacters.ToCharArray()) >= 0)
            problem = $"'{path}' contains a glob character ({GlobCharacters}); engines disagree on globs, so paths are literal";
        else if (path.Contains("//", StringComparison.Ordinal) || path.Split('/').Any(p => p is "." or ".."))
            problem = $"'{path}' is not normalized ('//', '.' or '..'); engines compare the resolved path";
        else if (path.EndsWith('/') && !allowDirectory)
            problem = $"'{path}' ends in '/', so it names a directory, but this rule takes executables or files only";
        else if (path.Any(c => char.IsWhiteSpace(c) && c != ' '))
            problem = $"'{Printable(path)}' contains a whitespace character other than a space";
        else if (path.Any(c =>
            char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse))
            problem = $"'{Printable(path)}' contains an invisible or private-use character, so it can look right in review and never match";
        else if (path.EndsWith(' ') || path.Contains(" /", StringComparison.Ordinal) || path.Contains("/ ", StringComparison.Ordinal))
            problem = $"'{path}' has a space at the start or end of a path segment, which is almost always a typo";
        else if (path.Contains('\\'))
            problem = $"'{path}' contains a backslash, which KubeArmor cannot match and Falco must escape; rename the file or leave it out";
        return problem.Length == 0;
    }

    /// <summary>The length of <paramref name="path"/> in UTF-8 bytes, the unit every engine's path limit is counted in.</summary>
    public static int ByteLength(string path) => Encoding.UTF8.GetByteCount(path ?? throw new ArgumentNullException(nameof(path)));

    // The start of a long path for a message, never cutting a surrogate pair in two.
    private static string Shortened(string path)
    {
        var end = Math.Min(40, path.Length);
        if (end < path.Length && char.IsHighSurrogate(path[end - 1]))
            end--;
        return path[..end];
    }

    /// <summary><paramref name="text"/> with control characters written as escapes, for messages.</summary>
    public static string Printable(string? text) =>
        text is null ? "null" : string.Concat(text.Select(c =>
            char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format ? $"\\u{(int)c:x4}" : c.ToString()));
}
