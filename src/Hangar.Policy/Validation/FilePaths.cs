using System.Globalization;

namespace Hangar.Policy.Validation;

/// <summary>
/// The rules a file or directory path of a process-level rule must follow so that every engine matches it the
/// same way: KubeArmor's path and directory forms, Tetragon's and Falco's literal comparison.
/// </summary>
public static class FilePaths
{
    /// <summary>The longest path KubeArmor's matchPaths and fromSource accept (the tightest engine limit).</summary>
    public const int MaxLength = 200;

    private const string GlobCharacters = "*?[]{}";

    /// <summary>
    /// True for an absolute, normalized path of at most <see cref="MaxLength"/> characters, without control or glob
    /// characters. A directory ends in '/' and <paramref name="allowDirectory"/> must be true for it.
    /// </summary>
    public static bool IsValid(string? path, bool allowDirectory, out string problem)
    {
        problem = "";
        if (string.IsNullOrEmpty(path) || path[0] != '/')
            problem = $"'{Printable(path)}' is not an absolute path";
        else if (path.Length > MaxLength)
            problem = $"'{Printable(path[..40])}…' is {path.Length} characters long; KubeArmor matches at most {MaxLength}";
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
        else if (path.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse))
            problem = $"'{Printable(path)}' contains an invisible or private-use character, so it can look right in review and never match";
        else if (path.EndsWith(' ') || path.Contains(" /", StringComparison.Ordinal) || path.Contains("/ ", StringComparison.Ordinal))
            problem = $"'{path}' has a space at the start or end of a path segment, which is almost always a typo";
        else if (path.Contains('\\'))
            problem = $"'{path}' contains a backslash, which KubeArmor cannot match and Falco must escape; rename the file or leave it out";
        return problem.Length == 0;
    }

    /// <summary><paramref name="text"/> with control characters written as escapes, for messages.</summary>
    public static string Printable(string? text) =>
        text is null ? "null" : string.Concat(text.Select(c =>
            char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format ? $"\\u{(int)c:x4}" : c.ToString()));
}
