namespace Hangar.Policy.Validation;

/// <summary>The rules an executable path must follow to be matched by the kernel-level engines.</summary>
public static class BinaryPaths
{
    /// <summary>The longest path Tetragon's matchBinaries accepts.</summary>
    public const int MaxLength = 255;

    /// <summary>True for an absolute, normalized path without control characters or a trailing '/'.</summary>
    public static bool IsValid(string? path, out string problem)
    {
        problem = "";
        if (string.IsNullOrEmpty(path) || path[0] != '/')
            problem = $"'{path}' is not an absolute path";
        else if (path.Length > MaxLength)
            problem = $"'{path}' is {path.Length} characters long; engines match at most {MaxLength}";
        else if (path.EndsWith('/'))
            problem = $"'{path}' ends in '/', so it names a directory, not an executable";
        else if (path.Any(char.IsControl))
            problem = $"'{path.Replace("\n", "\\n", StringComparison.Ordinal)}' contains a control character";
        else if (path.Contains("//", StringComparison.Ordinal) || path.Split('/').Any(p => p is "." or ".."))
            problem = $"'{path}' is not normalized ('//', '.' or '..'); engines compare the resolved path";
        return problem.Length == 0;
    }
}
