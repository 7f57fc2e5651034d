namespace Hangar.Policy.Hosting.Output;

/// <summary>Whether a folder is a mount point, from <c>/proc/self/mountinfo</c> where the system has it.</summary>
/// <remarks>
/// A mount point (tmpfs, bind mount, container volume) cannot be renamed, and <c>emit</c> replaces its folder by
/// renaming; telling the user up front beats a "Device or resource busy" half-way. Where the file is missing (not
/// Linux) the answer is false and the rename's own error is reported.
/// </remarks>
public static class MountPoints
{
    private const string MountInfo = "/proc/self/mountinfo";

    /// <summary>True when <paramref name="folder"/> (a full path) is listed as a mount point.</summary>
    public static bool Contains(string folder)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        if (!File.Exists(MountInfo))
            return false;
        foreach (var line in File.ReadLines(MountInfo))
        {
            // "36 35 98:0 /mnt1 /mnt/target rw,noatime ..." : the fifth field is the mount point, octal-escaped.
            var fields = line.Split(' ');
            if (fields.Length > 4 && Unescape(fields[4]) == folder)
                return true;
        }
        return false;
    }

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
            return field;
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }
        return text.ToString();
    }

    private static bool IsOctal(string field, int start) =>
        start + 3 <= field.Length && field.Skip(start).Take(3).All(c => c is >= '0' and <= '7');
}
